import { askIdentity, identityAllows } from "../identity/identity-question";
import { defineCheck, l } from "../types";

export const awsSimulation = defineCheck({
  id: "aws.simulation",
  step: "summary",
  title: l("AWS's policy simulator agrees", "AWS のポリシーシミュレーターと結果が一致する"),
  run(ctx) {
    const { snapshot, derived } = ctx;
    const sims = snapshot.simulation;
    if (!sims || sims.length === 0) {
      const reason = snapshot.unavailable?.simulation;
      if (reason) {
        return { status: "unknown", detail: l(`AWS's simulator could not be called (${reason}).`, `AWS のシミュレーターを呼び出せませんでした（${reason}）。`), unavailable: `${reason}; needs iam:SimulatePrincipalPolicy` };
      }
      return { status: "skipped", detail: l("No simulator results in the snapshot.", "スナップショットにシミュレーターの結果はありません。") };
    }
    if (!derived.principal || !derived.identity) {
      return { status: "unknown", detail: l("The principal's policies are not known.", "プリンシパルのポリシーが不明です。"), unavailable: "the principal's identity policies" };
    }
    const all = [...derived.s3Requests, ...derived.kmsRequests];
    const disagreements: string[] = [];
    for (const s of sims) {
      const req = all.find((r) => r.action.toLowerCase() === s.action.toLowerCase() && r.resource === s.resource) ?? (all[0] && { ...all[0], action: s.action, resource: s.resource, objectKey: undefined });
      if (!req) continue;
      const ours = identityAllows(askIdentity(ctx, req));
      const theirs = s.decision === "allowed" ? "yes" : "no";
      if (ours !== "unknown" && ours !== theirs) disagreements.push(`${s.action} on ${s.resource}: AWS says ${s.decision}, we say ${ours === "yes" ? "allowed" : "denied"}`);
    }
    if (disagreements.length) {
      return {
        status: "warn",
        title: l("AWS's simulator disagrees with this analysis", "AWS のシミュレーターとこの分析の結果が異なります"),
        detail: l(`Disagreements (identity policies only): ${disagreements.join("; ")}. Trust AWS's verdict and report the case.`, `結果が異なります（権限ポリシーのみ）：${disagreements.join("、")}。AWS の結果を優先し、この事例を報告してください。`),
        evidence: { disagreements },
      };
    }
    return { status: "pass", detail: l(`AWS's simulator agrees on all ${sims.length} requests.`, `AWS のシミュレーターは ${sims.length} 件すべてのリクエストで一致しています。`) };
  },
});
