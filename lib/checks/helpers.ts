import type { Snapshot } from "@/lib/snapshot/schema";
import { localizeReason, needs } from "./reasons";
import { l, type Localized, type Outcome } from "./types";

/** Reason recorded in snapshot.unavailable for a path (or one of its children). */
export function unavailableReason(snapshot: Snapshot, path: string): string | undefined {
  const u = snapshot.unavailable ?? {};
  return u[path] ?? Object.entries(u).find(([k]) => k.startsWith(path + ".") || path.startsWith(k + "."))?.[1];
}

/**
 * Whether the snapshot's documents were pasted by hand (the offline form, or a snapshot file written by hand) rather
 * than read with diagnosing credentials: a live read, and the CloudShell bundle it replays, always ask
 * sts:GetCallerIdentity first and keep its answer (`caller`) or why it failed (`unavailable.caller`)
 * (lib/aws/collector/start.ts); the offline form sets neither. Pasted, no IAM action the user grants settles anything:
 * pasting more does.
 */
export function pastedByHand(snapshot: Snapshot): boolean {
  return !snapshot.caller && !snapshot.unavailable?.caller;
}

/**
 * `unknown` because a part of the snapshot is missing: names the IAM action that would read it and the document the
 * user could paste instead, and quotes the collector's reason when there is one.
 */
export function missingData(snapshot: Snapshot, path: string, action: string, what: Localized): Outcome {
  const raw = unavailableReason(snapshot, path);
  const reason = raw ? localizeReason(raw) : null;
  const lower = what.en.charAt(0).toLowerCase() + what.en.slice(1);
  const settle = needs(action, raw);
  return {
    status: "unknown",
    detail: l(
      `${what.en} could not be read${reason ? ` (${reason.en})` : ""}. Allow ${action} to the diagnosing credentials, or paste ${lower}.`,
      `${what.ja}を読み取れませんでした${reason ? `（${reason.ja}）` : ""}。診断用の認証情報に ${action} を許可するか、内容を貼り付けてください。`,
    ),
    unavailable: l(`${settle.en}, or paste ${lower}`, `${settle.ja}。または${what.ja}を貼り付けてください`),
  };
}

/** What would settle an `unknown` that waits for an input of the start form or a document. */
export const SETTLED_BY = {
  bucketUri: l("a valid bucket URI", "正しいバケット URI"),
  roleArn: l("a valid role ARN", "正しいロール ARN"),
  principalArn: l("the role ARN or the IAM user's ARN", "ロール ARN または IAM ユーザーの ARN"),
  externalId: l(
    "the TiDB Cloud External ID (shown in the Add New Role ARN dialog)",
    "TiDB Cloudの外部ID（「Add New Role ARN」ダイアログに表示されます）",
  ),
};

export const skipped = (en: string, ja: string): Outcome => ({ status: "skipped", detail: l(en, ja) });

/** First few items of a list, for details ("a.csv, b.csv and 3 more"). */
export function sample(items: string[], max = 3): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

export function sampleJa(items: string[], max = 3): string {
  if (items.length <= max) return items.join("、");
  return `${items.slice(0, max).join("、")} ほか ${items.length - max} 件`;
}
