import { triageErrorMessage } from "@/lib/triage";
import { defineCheck, l } from "../types";

export const orgGuardrails = defineCheck({
  id: "org.guardrails",
  step: "summary",
  title: l(
    "No organization policy (SCP or RCP) blocks the import",
    "組織のポリシー（SCP、RCP）がインポートを妨げていない",
  ),
  run({ snapshot, derived }) {
    // The pasted error, or a message AWS returned to the import's own calls, may name an SCP or RCP.
    const t = [snapshot.target.errorMessage, ...(snapshot.groundTruth ?? []).map((g) => g.message)]
      .map((m) => triageErrorMessage(m))
      .find((x) => x?.policyType === "scp" || x?.policyType === "rcp");
    const role = snapshot.target.mode === "role";
    const who = derived.principal?.principalArn;
    const actions = `s3:GetBucketLocation, s3:ListBucket, s3:GetObject${role ? ", s3:GetObjectVersion" : ""} and kms:Decrypt`;
    const actionsJa = `s3:GetBucketLocation、s3:ListBucket、s3:GetObject${role ? "、s3:GetObjectVersion" : ""}、kms:Decrypt`;
    const tidb = snapshot.target.tidbAccountId ?? "380838443567";
    const ask = `Please check whether a service control policy or resource control policy denies ${who ?? "the role or IAM user"} the actions ${actions} on ${derived.bucketArn ?? "the bucket"}${role ? `, or denies sts:AssumeRole on it to TiDB Cloud's account ${tidb}` : ""}, and if so add an exception for it.`;
    const askJa = `サービスコントロールポリシー（SCP）またはリソースコントロールポリシー（RCP）が、${who ?? "ロールまたは IAM ユーザー"} に対して ${derived.bucketArn ?? "バケット"} での ${actionsJa} を拒否していないか${role ? `、または TiDB Cloud のアカウント ${tidb} に対してこのロールの sts:AssumeRole を拒否していないか` : ""}確認し、拒否している場合は例外を追加してください。`;
    if (t && (t.policyType === "scp" || t.policyType === "rcp")) {
      const kind = t.policyType === "scp" ? "service control policy (SCP)" : "resource control policy (RCP)";
      return {
        status: "fail",
        title: l(
          `The error names a ${kind}`,
          `エラーメッセージが${t.policyType === "scp" ? "サービスコントロールポリシー（SCP）" : "リソースコントロールポリシー（RCP）"}を示しています`,
        ),
        detail: l(
          `The error says ${t.action ?? "the request"} is ${t.explicit ? "explicitly denied by" : "not allowed by"} a ${kind}. Only the organization's administrator can change it. Send them: "${ask}"`,
          `エラーは ${t.action ?? "リクエスト"} が ${t.policyType.toUpperCase()} により${t.explicit ? "明示的に拒否されている" : "許可されていない"}ことを示しています。変更できるのは組織の管理者のみです。管理者に次の依頼を送ってください: 「${askJa}」`,
        ),
        evidence: { policyType: t.policyType, request: ask },
      };
    }
    return {
      status: "unknown",
      detail: l(
        `SCPs and RCPs can only be read from the organization's management account. If everything else passes, send the administrator: "${ask}"`,
        `SCP と RCP は組織の管理アカウントからしか読み取れません。他のすべてのチェックに問題がない場合は、管理者に次の依頼を送ってください: 「${askJa}」`,
      ),
      unavailable: l(
        "organizations:ListPoliciesForTarget and organizations:DescribePolicy (management account only)",
        "organizations:ListPoliciesForTarget と organizations:DescribePolicy（管理アカウントのみ）",
      ),
      evidence: { request: ask },
    };
  },
});
