import { policyFix } from "@/lib/fixes/make-fix";
import type { Doc } from "@/lib/fixes/workspace";
import { denyOnly } from "../derive/allow-only";
import { beforeJa, ask, citeText, citeTextJa } from "../derive/ask";
import type { ImportRequest } from "../derive/requests";
import { unknownKeysText } from "../derive/unknown-keys";
import { denyFix, type DenyHome } from "../deny-fix";
import { defineCheck, l, type Localized } from "../types";
import { delegatingKeyPolicy, identityPrecondition } from "./identity-question";

const ID = "identity.explicit-deny";

/** Inline policies belong to this principal alone; managed, group and boundary policies may apply to others too. */
function homeOf(document: string): DenyHome {
  const inline = /^(role|user)-policy:(?!arn:)/.test(document);
  return inline ? "identity-inline" : "identity-shared";
}

/**
 * kms:Decrypt on the AWS managed key aws/s3 when only its alias is known: asked as a key ARN of the bucket's account
 * and region (its key id unknown), so that a Deny on `key/*`, on `*` or with a NotResource naming other keys is seen.
 */
function asKeyArn(r: ImportRequest, region: string | null, account: string | null, partition: string): ImportRequest {
  if (r.kmsKey?.manager !== "AWS" || /:key\//.test(r.resource) || !region || !account) return r;
  const resource = `arn:${partition}:kms:${region}:${account}:key/aws-s3-managed-key-id-unknown`;
  return { ...r, resource, ...(r.alsoAs ? { alsoAs: r.alsoAs.map((x) => ({ ...x, resource })) } : {}) };
}

interface Hit {
  document: string;
  statement: number;
  sid?: string;
  undecided: boolean;
  actions: Set<string>;
  keys: Set<string>;
  requests: ImportRequest[];
  awsManagedKey: boolean;
}

export const identityExplicitDeny = defineCheck({
  id: ID,
  step: "identity-policy",
  title: l(
    "No Deny in the identity policies or the boundary hits the import",
    "権限ポリシーや権限境界の Deny がインポートを拒否していない",
  ),
  async run(ctx) {
    const pre = identityPrecondition(ctx);
    if (pre) return pre;
    const { derived, fixes, snapshot } = ctx;
    const p = derived.principal!;
    // Every request, the AWS managed key's included: aws/s3 needs no identity Allow, but an identity Deny still applies.
    const requests = [
      ...derived.s3Requests,
      ...derived.kmsRequests.map((r) => asKeyArn(r, derived.region, r.kmsKey?.accountId ?? null, p.partition)),
    ];
    const hits = new Map<string, Hit>();
    const denyOnlyPolicies = derived.identity!.policies.map((x) => ({ document: x.document, doc: denyOnly(x.doc) }));
    const b = derived.identity!.boundary;
    const denyOnlyBoundary = b ? { document: b.document, doc: denyOnly(b.doc) } : b;
    for (const r of requests) {
      const kms = r.action.startsWith("kms:");
      const a = ask({
        request: r,
        principal: p.requestArn,
        principalAccount: p.accountId,
        resourceAccount: kms ? (r.kmsKey?.accountId ?? p.accountId) : (derived.bucketAccount ?? p.accountId),
        // Which Deny statements apply does not depend on any Allow: the copies without them are scanned faster. A
        // request asked in several forms is answered by its worst form, which the Allow statements help choose.
        identity: r.alsoAs?.length ? derived.identity!.policies : denyOnlyPolicies,
        boundary: r.alsoAs?.length ? b : denyOnlyBoundary,
        resource: kms
          ? { document: "delegating-key-policy", doc: delegatingKeyPolicy(p.partition, p.accountId) }
          : null,
      });
      // Only an answer that matched a Deny (decided or not) needs the per-statement explanations.
      if (!a.answer.matched.some((m) => m.effect === "Deny")) continue;
      for (const s of a.applying) {
        if (s.effect !== "Deny" || s.applies === "no-match" || s.document === "delegating-key-policy") continue;
        const k = `${s.document}#${s.statement}`;
        const h = hits.get(k) ?? {
          document: s.document,
          statement: s.statement,
          sid: s.sid,
          undecided: true,
          actions: new Set<string>(),
          keys: new Set<string>(),
          requests: [],
          awsManagedKey: false,
        };
        if (s.applies === "match") h.undecided = false;
        h.actions.add(r.action);
        h.requests.push(r);
        if (r.kmsKey?.manager === "AWS") h.awsManagedKey = true;
        for (const f of s.failedConditions ?? []) if (f.undecided) h.keys.add(f.key);
        hits.set(k, h);
      }
    }
    const all = [...hits.values()];
    const hard = all.filter((h) => !h.undecided);
    if (hard.length > 0) {
      const doc = hard[0].document;
      const original =
        doc === "permissions-boundary"
          ? derived.identity!.boundary!.doc
          : derived.identity!.policies.find((x) => x.document === doc)!.doc;
      const before = fixes.current(doc, original)!;
      let after: Doc | null = before;
      const words: Localized[] = [];
      const edits: string[] = [];
      for (const h of hard.filter((x) => x.document === doc)) {
        const d = await denyFix(
          ctx,
          after ?? before,
          h.statement,
          l(citeText(h), citeTextJa(h)),
          h.requests,
          homeOf(doc),
        );
        words.push(d.words);
        if (d.how) edits.push(d.how);
        after = after && d.after;
      }
      const list = hard.map((h) => `${citeText(h)} (${[...h.actions].join(", ")})`).join("; ");
      const listJa = hard.map((h) => `${citeTextJa(h)}（${[...h.actions].join("、")}）`).join("、");
      // s3:GetObjectVersion is recommended, not required: a Deny that hits it alone is a risk, not a block.
      const versionOnly = hard.every((h) => [...h.actions].every((a) => a === "s3:GetObjectVersion"));
      const managedKey = hard.some((h) => h.awsManagedKey);
      return {
        status: versionOnly ? "warn" : "fail",
        title: versionOnly
          ? l(
              "A Deny in the identity policies hits s3:GetObjectVersion (recommended, not required)",
              "権限ポリシーの Deny が s3:GetObjectVersion を拒否しています（推奨、必須ではありません）",
            )
          : l("A Deny in the identity policies blocks the import", "権限ポリシーの Deny がインポートを拒否しています"),
        detail: l(
          `Explicitly denied by ${list}. An explicit Deny wins over every Allow${managedKey ? ", also for the AWS managed key aws/s3, which needs no identity Allow but is still subject to an identity Deny" : ""}${versionOnly ? "; the import reads the current version of each object with s3:GetObject, which this Deny leaves alone, and the guide recommends allowing s3:GetObjectVersion too" : ""}. ${words.map((w) => w.en).join(" ")}`,
          `${beforeJa(listJa)}により明示的に拒否されています。明示的な Deny はすべての Allow より優先されます${managedKey ? "。AWS 管理キー aws/s3 は権限ポリシーでの許可を必要としませんが、権限ポリシーの Deny は適用されます" : ""}${versionOnly ? "。インポートは各オブジェクトの現在のバージョンを s3:GetObject で読み取り、この Deny はそれを拒否しませんが、ガイドでは s3:GetObjectVersion も許可することを推奨しています" : ""}。${words.map((w) => w.ja).join("")}`,
        ),
        evidence: {
          document: hard[0].document,
          statement: hard[0].statement,
          ...(hard[0].sid ? { sid: hard[0].sid } : {}),
          ...(edits.length ? { denyEdits: edits } : {}),
        },
        ...(after ? { fix: policyFix(fixes, snapshot, ID, doc, before, after) } : {}),
      };
    }
    if (all.length > 0) {
      const keys = [...new Set(all.flatMap((h) => [...h.keys]))];
      const actions = [...all[0].actions];
      const why = unknownKeysText(snapshot, keys, actions[0]);
      const which = all.map((h) => citeText(h)).join("; ");
      const whichJa = all.map((h) => citeTextJa(h)).join("、");
      const evidence = { document: all[0].document, statement: all[0].statement, unknownKeys: keys };
      if (why.readable)
        return {
          status: "unknown",
          title: l(
            "Whether a Deny in the identity policies hits the import is not known",
            "権限ポリシーの Deny がインポートを拒否するかどうかは不明です",
          ),
          detail: l(
            `${which} denies ${actions.join(", ")} depending on ${why.text.en}. ${why.settle.en}`,
            `${beforeJa(whichJa)}は ${why.text.ja} に応じて ${actions.join("、")} を拒否します。${why.settle.ja}`,
          ),
          evidence,
          unavailable: why.needed!,
        };
      return {
        status: "warn",
        title: l(
          "A Deny in the identity policies may hit the import",
          "権限ポリシーの Deny がインポートを拒否する可能性があります",
        ),
        detail: l(
          `${which} denies ${actions.join(", ")} depending on ${why.text.en}, which is not known for TiDB Cloud's requests.`,
          `${beforeJa(whichJa)}は ${why.text.ja} に応じて ${actions.join("、")} を拒否しますが、TiDB Cloud のリクエストでの値は不明です。`,
        ),
        evidence,
      };
    }
    return {
      status: "pass",
      detail: l(
        "No Deny statement in the identity policies or the permissions boundary matches the import's requests.",
        "権限ポリシーや権限境界に、インポートのリクエストに一致する Deny ステートメントはありません。",
      ),
    };
  },
});
