import { addPrincipalArnException } from "@/lib/fixes/policy-edits";
import { policyFix } from "@/lib/fixes/make-fix";
import { ask, citeText, citeTextJa } from "../derive/ask";
import { unknownKeysText } from "../derive/unknown-keys";
import { defineCheck, l } from "../types";
import { delegatingKeyPolicy, identityPrecondition } from "./identity-question";

const ID = "identity.explicit-deny";

export const identityExplicitDeny = defineCheck({
  id: ID,
  step: "identity-policy",
  title: l(
    "No Deny in the identity policies or the boundary hits the import",
    "権限ポリシーや権限境界の Deny がインポートを拒否していない",
  ),
  run(ctx) {
    const pre = identityPrecondition(ctx);
    if (pre) return pre;
    const { derived, fixes, snapshot } = ctx;
    const p = derived.principal!;
    const requests = [...derived.s3Requests, ...derived.kmsRequests.filter((r) => r.kmsKey?.manager !== "AWS")];
    const hits = new Map<
      string,
      { document: string; statement: number; sid?: string; undecided: boolean; actions: Set<string>; keys: Set<string> }
    >();
    for (const r of requests) {
      const kms = r.action.startsWith("kms:");
      const a = ask({
        request: r,
        principal: p.requestArn,
        principalAccount: p.accountId,
        resourceAccount: kms ? (r.kmsKey?.accountId ?? p.accountId) : (derived.bucketAccount ?? p.accountId),
        identity: derived.identity!.policies,
        boundary: derived.identity!.boundary,
        resource: kms
          ? { document: "delegating-key-policy", doc: delegatingKeyPolicy(p.partition, p.accountId) }
          : null,
      });
      // Only an answer that matched a Deny (decided or not) needs the per-statement explanations.
      if (!a.answer.matched.some((m) => m.effect === "Deny")) continue;
      for (const s of a.statements) {
        if (s.effect !== "Deny" || s.applies === "no-match" || s.document === "delegating-key-policy") continue;
        const k = `${s.document}#${s.statement}`;
        const h = hits.get(k) ?? {
          document: s.document,
          statement: s.statement,
          sid: s.sid,
          undecided: true,
          actions: new Set(),
          keys: new Set(),
        };
        if (s.applies === "match") h.undecided = false;
        h.actions.add(r.action);
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
      let after = before;
      for (const h of hard.filter((x) => x.document === doc))
        after = addPrincipalArnException(after, h.statement, p.principalArn);
      const list = hard.map((h) => `${citeText(h)} (${[...h.actions].join(", ")})`).join("; ");
      const listJa = hard.map((h) => `${citeTextJa(h)}（${[...h.actions].join("、")}）`).join("、");
      return {
        status: "fail",
        title: l(
          "A Deny in the identity policies blocks the import",
          "権限ポリシーの Deny がインポートを拒否しています",
        ),
        detail: l(
          `Explicitly denied by ${list}. An explicit Deny wins over every Allow. Exempt ${p.principalArn} from it (aws:PrincipalArn), or narrow the Deny.`,
          `${listJa} により明示的に拒否されています。明示的な Deny はすべての Allow より優先されます。${p.principalArn} を除外する（aws:PrincipalArn）か、Deny の範囲を狭めてください。`,
        ),
        evidence: {
          document: hard[0].document,
          statement: hard[0].statement,
          ...(hard[0].sid ? { sid: hard[0].sid } : {}),
        },
        fix: policyFix(fixes, snapshot, ID, doc, before, after),
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
            `${which} denies ${actions.join(", ")} depending on ${why.text.en}. Allow ${why.read.join(", ")} to the diagnosing credentials to decide it.`,
            `${whichJa} は ${why.text.ja} に応じて ${actions.join("、")} を拒否します。判定するには、診断用の認証情報に ${why.read.join("、")} を許可してください。`,
          ),
          evidence,
          unavailable: `needs ${why.read.join(", ")}`,
        };
      return {
        status: "warn",
        title: l(
          "A Deny in the identity policies may hit the import",
          "権限ポリシーの Deny がインポートを拒否する可能性があります",
        ),
        detail: l(
          `${which} denies ${actions.join(", ")} depending on ${why.text.en}, which is not known for TiDB Cloud's requests.`,
          `${whichJa} は ${why.text.ja} に応じて ${actions.join("、")} を拒否しますが、TiDB Cloud のリクエストでの値は不明です。`,
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
