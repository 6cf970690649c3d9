import { addPrincipalArnException } from "@/lib/fixes/policy-edits";
import { policyFix } from "@/lib/fixes/make-fix";
import { citeText, citeTextJa } from "../derive/ask";
import { defineCheck, l } from "../types";
import { askBucket, bucketPolicyPrecondition } from "./bucket-question";

const ID = "bucket.policy.deny";

export const bucketPolicyDeny = defineCheck({
  id: ID,
  step: "bucket-policy",
  title: l("No Deny in the bucket policy hits the import", "バケットポリシーの Deny がインポートを拒否していない"),
  run(ctx) {
    const pre = bucketPolicyPrecondition(ctx);
    if (pre) return pre;
    const { snapshot, derived, fixes } = ctx;
    const policy = snapshot.bucket!.policy;
    if (!policy)
      return {
        status: "pass",
        detail: l("The bucket has no bucket policy.", "バケットにバケットポリシーはありません。"),
        evidence: { document: "bucket-policy" },
      };
    const p = derived.principal!;
    type Hit = { statement: number; sid?: string; undecided: boolean; actions: Set<string>; keys: Set<string> };
    const hits = new Map<number, Hit>();
    for (const r of derived.s3Requests) {
      const a = askBucket(ctx, r, policy);
      // Only an answer that matched a Deny (decided or not) needs the per-statement explanations.
      if (!a.answer.matched.some((m) => m.effect === "Deny")) continue;
      for (const s of a.statements) {
        if (s.document !== "bucket-policy" || s.effect !== "Deny" || s.applies === "no-match") continue;
        const h = hits.get(s.statement) ?? {
          statement: s.statement,
          sid: s.sid,
          undecided: true,
          actions: new Set<string>(),
          keys: new Set<string>(),
        };
        if (s.applies === "match") h.undecided = false;
        h.actions.add(r.action);
        for (const f of s.failedConditions ?? []) if (f.undecided) h.keys.add(f.key);
        hits.set(s.statement, h);
      }
    }
    const all = [...hits.values()];
    if (all.length === 0) {
      return {
        status: "pass",
        detail: l(
          "No Deny statement of the bucket policy matches the import's requests (TLS, the principal, no customer VPC endpoint).",
          "バケットポリシーに、インポートのリクエスト（TLS、プリンシパル、お客様の VPC エンドポイントを経由しない）に一致する Deny ステートメントはありません。",
        ),
        evidence: { document: "bucket-policy" },
      };
    }
    const before = fixes.current("bucket-policy", policy)!;
    let after = before;
    for (const h of all) after = addPrincipalArnException(after, h.statement, p.principalArn);
    const cite = (h: Hit) => ({ document: "bucket-policy", statement: h.statement, sid: h.sid });
    const hard = all.filter((h) => !h.undecided);
    const first = hard[0] ?? all[0];
    const evidence = {
      document: "bucket-policy",
      statement: first.statement,
      ...(first.sid ? { sid: first.sid } : {}),
    };
    const fix = policyFix(fixes, snapshot, ID, "bucket-policy", before, after);
    if (hard.length) {
      const list = hard.map((h) => `${citeText(cite(h))} (${[...h.actions].join(", ")})`).join("; ");
      const listJa = hard.map((h) => `${citeTextJa(cite(h))}（${[...h.actions].join("、")}）`).join("、");
      return {
        status: "fail",
        title: l(
          "A Deny in the bucket policy blocks the import",
          "バケットポリシーの Deny がインポートを拒否しています",
        ),
        detail: l(
          `Explicitly denied by ${list}. TiDB Cloud's requests come from TiDB Cloud's network with TLS, never through your VPC endpoint. Keep the statement, and add an exception for ${p.principalArn} (aws:PrincipalArn).`,
          `${listJa} により明示的に拒否されています。TiDB Cloud のリクエストは TLS を使って TiDB Cloud のネットワークから送られ、お客様の VPC エンドポイントを経由しません。ステートメントは残したまま、${p.principalArn} の例外（aws:PrincipalArn）を追加してください。`,
        ),
        evidence: { ...evidence, unknownKeys: [] },
        fix,
      };
    }
    const keys = [...new Set(all.flatMap((h) => [...h.keys]))];
    return {
      status: "warn",
      title: l(
        "A Deny in the bucket policy may hit the import",
        "バケットポリシーの Deny がインポートを拒否する可能性があります",
      ),
      detail: l(
        `${all.map((h) => citeText(cite(h))).join("; ")} denies ${[...all[0].actions].join(", ")} depending on ${keys.join(", ")}, whose value for TiDB Cloud's requests is not known (TiDB Cloud does not publish its source IPs). Add an exception for ${p.principalArn} (aws:PrincipalArn).`,
        `${all.map((h) => citeTextJa(cite(h))).join("、")} は ${keys.join("、")} に応じて ${[...all[0].actions].join("、")} を拒否しますが、TiDB Cloud のリクエストでの値は不明です（TiDB Cloud は送信元 IP を公開していません）。${p.principalArn} の例外（aws:PrincipalArn）を追加してください。`,
      ),
      evidence: { ...evidence, unknownKeys: keys },
      fix,
    };
  },
});
