import { triageErrorMessage } from "@/lib/triage";
import { skipped } from "../helpers";
import { defineCheck, l } from "../types";

const STEP_NAMES: Record<string, [string, string]> = {
  intake: ["the input", "入力内容"],
  "assume-role": ["the role's trust relationship", "ロールの信頼関係"],
  "identity-policy": ["the role's or user's permission policies", "ロールまたはユーザーの権限ポリシー"],
  "bucket-policy": ["the bucket policy", "バケットポリシー"],
  "object-ownership": ["Object Ownership", "オブジェクト所有権"],
  encryption: ["the bucket encryption and KMS keys", "バケットの暗号化と KMS キー"],
  summary: ["organization policies (SCP/RCP) and the summary", "組織のポリシー（SCP/RCP）とまとめ"],
};

export const inputErrorMessage = defineCheck({
  id: "input.error-message",
  step: "intake",
  title: l("The error message points to a step", "エラーメッセージから確認すべき手順を特定する"),
  run({ snapshot }) {
    const text = snapshot.target.errorMessage;
    if (!text || !text.trim())
      return skipped("No error message was pasted.", "エラーメッセージは貼り付けられていません。");
    const t = triageErrorMessage(text);
    if (!t) {
      return {
        status: "unknown",
        title: l("The error message was not recognised", "エラーメッセージを認識できませんでした"),
        detail: l(
          "This is not one of TiDB Cloud's or S3's AccessDenied messages; every step is checked.",
          "TiDB Cloud または S3 の AccessDenied メッセージではありません。すべての手順を確認します。",
        ),
        unavailable: "the full error text shown by TiDB Cloud",
      };
    }
    const [en, ja] = STEP_NAMES[t.step];
    const parts: string[] = [];
    if (t.action) parts.push(`action ${t.action}`);
    if (t.resource) parts.push(`resource ${t.resource}`);
    if (t.policyType) parts.push(`${t.explicit ? "explicit deny in" : "no allow in"} the ${t.policyType} policy`);
    if (t.roleArn) parts.push(`role ${t.roleArn}`);
    if (t.bucketUri) parts.push(`source ${t.bucketUri}`);
    if (t.accessKeyId) parts.push(`access key ${t.accessKeyId}`);
    return {
      status: "pass",
      title: l(`The error points to ${en}`, `エラーは${ja}を示しています`),
      detail: l(
        `Recognised as ${t.kind}${parts.length ? ` (${parts.join(", ")})` : ""}: open the step about ${en}.`,
        `${t.kind} として認識しました${parts.length ? `（${parts.join("、")}）` : ""}。${ja}の手順を確認してください。`,
      ),
      evidence: { triage: t },
    };
  },
});
