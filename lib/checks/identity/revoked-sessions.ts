import { statementsOf } from "../derive/ask";
import { skipped } from "../helpers";
import { defineCheck, l } from "../types";

/** The inline policy IAM adds when "Revoke active sessions" is used: Deny * when aws:TokenIssueTime is older. */
const REVOKE_POLICY = "AWSRevokeOlderSessions";

export const identityRevokedSessions = defineCheck({
  id: "identity.revoked-sessions",
  step: "identity-policy",
  title: l("Revoking active sessions is rarely needed", "アクティブなセッションの取り消しはほとんどの場合不要"),
  run({ snapshot }) {
    if (snapshot.target.mode !== "role")
      return skipped("Access-key mode: no role sessions.", "アクセスキー方式のため、ロールのセッションはありません。");
    const inline = snapshot.role?.inlinePolicies ?? {};
    const name = Object.keys(inline).find((n) => n === REVOKE_POLICY);
    const tokenDeny = Object.entries(inline).find(([, doc]) =>
      statementsOf(doc).some(
        (s) =>
          s.Effect === "Deny" &&
          JSON.stringify(s.Condition ?? {})
            .toLowerCase()
            .includes("aws:tokenissuetime"),
      ),
    );
    const found = name ?? tokenDeny?.[0];
    if (found) {
      return {
        status: "warn",
        title: l("The role's older sessions were revoked", "ロールの古いセッションが取り消されています"),
        detail: l(
          `The inline policy ${found} denies every session issued before a date (aws:TokenIssueTime). New sessions, which TiDB Cloud starts for each import, are not affected; retry the import rather than revoking again. Revoking also affects the role's other users. Remove the policy once no old session matters.`,
          `インラインポリシー ${found} は、ある日時より前に発行されたすべてのセッションを拒否します（aws:TokenIssueTime）。TiDB Cloud はインポートごとに新しいセッションを開始するため影響はありません。セッションを再度取り消すのではなく、インポートを再試行してください。取り消しはこのロールの他の利用者にも影響します。古いセッションが不要になったらこのポリシーを削除してください。`,
        ),
        evidence: { document: `role-policy:${found}` },
      };
    }
    return {
      status: "pass",
      detail: l(
        "IAM evaluates permissions on every request, so policy changes apply to the next import attempt without revoking sessions (allow about a minute for propagation). Revoking active sessions adds an AWSRevokeOlderSessions Deny that also affects the role's other users.",
        "IAM はリクエストごとに権限を評価するため、ポリシーの変更はセッションを取り消さなくても次のインポートに反映されます（反映まで 1 分ほどかかることがあります）。アクティブなセッションを取り消すと AWSRevokeOlderSessions の Deny が追加され、このロールの他の利用者にも影響します。",
      ),
    };
  },
});
