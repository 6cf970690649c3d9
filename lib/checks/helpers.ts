import type { Snapshot } from "@/lib/snapshot/schema";
import { l, type Localized, type Outcome } from "./types";

/** Reason recorded in snapshot.unavailable for a path (or one of its children). */
export function unavailableReason(snapshot: Snapshot, path: string): string | undefined {
  const u = snapshot.unavailable ?? {};
  return u[path] ?? Object.entries(u).find(([k]) => k.startsWith(path + ".") || path.startsWith(k + "."))?.[1];
}

/**
 * `unknown` because a part of the snapshot is missing: names the IAM action that would read it and the document the
 * user could paste instead, and quotes the collector's reason when there is one.
 */
export function missingData(snapshot: Snapshot, path: string, action: string, what: Localized): Outcome {
  const reason = unavailableReason(snapshot, path);
  const lower = what.en.charAt(0).toLowerCase() + what.en.slice(1);
  return {
    status: "unknown",
    detail: l(
      `${what.en} could not be read${reason ? ` (${reason})` : ""}. Allow ${action} to the diagnosing credentials, or paste ${lower}.`,
      `${what.ja}を読み取れませんでした${reason ? `（${reason}）` : ""}。診断用の認証情報に ${action} を許可するか、内容を貼り付けてください。`,
    ),
    unavailable: `${reason ? `${reason}; ` : ""}needs ${action}, or paste ${lower}`,
  };
}

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
