import { triageErrorMessage, type PolicyType, type TriageKind } from "@/lib/triage";
import { skipped } from "../helpers";
import { defineCheck, l } from "../types";

const STEP_NAMES: Record<string, [string, string]> = {
  intake: ["the input", "入力内容"],
  "assume-role": ["the role's trust relationship", "ロールの信頼関係"],
  "identity-policy": ["the role's or user's permission policies", "ロールまたはユーザーの権限ポリシー"],
  "bucket-policy": ["the bucket policy", "バケットポリシー"],
  "object-ownership": ["Object Ownership", "オブジェクト所有権"],
  encryption: ["the bucket encryption and KMS keys", "バケットの暗号化と KMS キー"],
  summary: ["organization policies (SCP/RCP) and the summary", "組織のポリシー（SCP/RCP）と残りの確認"],
};

const KIND_NAMES: Record<TriageKind, [string, string]> = {
  "tidb-assume-role": [
    'TiDB Cloud\'s "cannot assume the provided role" message',
    "TiDB Cloud の「指定されたロールを引き受けることができません」エラー",
  ],
  "tidb-access-key": ["TiDB Cloud's access-key message", "TiDB Cloud のアクセスキーによるアクセス拒否エラー"],
  "sts-assume-role-denied": ["STS's AssumeRole denial", "STS の AssumeRole の拒否"],
  "s3-access-denied": ["S3's AccessDenied message", "S3 の AccessDenied エラー"],
  "kms-access-denied": ["a KMS key denial", "KMS キーへのアクセス拒否"],
  "kms-key-state": [
    "a KMS key that cannot be used (disabled or pending deletion)",
    "使用できない KMS キー（無効または削除保留中）",
  ],
  "block-public-access": ["S3 Block Public Access", "S3 のブロックパブリックアクセス"],
  "archived-object": ["an archived object", "アーカイブされたオブジェクト"],
  "invalid-access-key": ["an access key ID that does not exist", "存在しないアクセスキー ID"],
  "signature-mismatch": ["a secret access key that does not match", "一致しないシークレットアクセスキー"],
  "bucket-region": ["a bucket region mismatch", "バケットのリージョンの不一致"],
  "generic-access-denied": ["an AccessDenied message", "AccessDenied エラー"],
};

const POLICY_NAMES: Record<PolicyType, [string, string]> = {
  identity: ["an identity-based policy", "アイデンティティベースのポリシー"],
  resource: ["a resource-based policy", "リソースベースのポリシー"],
  scp: ["a service control policy", "サービスコントロールポリシー"],
  rcp: ["a resource control policy", "リソースコントロールポリシー"],
  "vpc-endpoint": ["a VPC endpoint policy", "VPC エンドポイントポリシー"],
  "permissions-boundary": ["the permissions boundary", "権限境界"],
  session: ["a session policy", "セッションポリシー"],
};

export const inputErrorMessage = defineCheck({
  id: "input.error-message",
  step: "intake",
  title: l("The error message points to a step", "エラーメッセージが示すステップ"),
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
          "TiDB Cloud または S3 の AccessDenied メッセージではありません。すべてのステップを確認します。",
        ),
        unavailable: l("the full error text shown by TiDB Cloud", "TiDB Cloud が表示したエラーメッセージの全文"),
      };
    }
    const [en, ja] = STEP_NAMES[t.step];
    const [kindEn, kindJa] = KIND_NAMES[t.kind];
    const partsEn: string[] = [];
    const partsJa: string[] = [];
    const add = (en: string, ja: string) => {
      partsEn.push(en);
      partsJa.push(ja);
    };
    if (t.action) add(`action ${t.action}`, `アクション ${t.action}`);
    if (t.resource) add(`resource ${t.resource}`, `リソース ${t.resource}`);
    if (t.policyType) {
      const [pEn, pJa] = POLICY_NAMES[t.policyType];
      if (t.explicit === true) add(`an explicit deny in ${pEn}`, `${pJa}による明示的な拒否`);
      else if (t.explicit === false) add(`no allow in ${pEn}`, `${pJa}で許可されていない`);
      else add(`denied by ${pEn}`, `${pJa}による拒否`);
    }
    if (t.roleArn) add(`role ${t.roleArn}`, `ロール ${t.roleArn}`);
    if (t.bucketUri) add(`source ${t.bucketUri}`, `ソース ${t.bucketUri}`);
    if (t.accessKeyId) add(`access key ${t.accessKeyId}`, `アクセスキー ID ${t.accessKeyId}`);
    return {
      status: "pass",
      title: l(`The error points to ${en}`, `エラーは${ja}を示しています`),
      detail: l(
        `Recognised as ${kindEn}${partsEn.length ? ` (${partsEn.join(", ")})` : ""}: open the step about ${en}.`,
        `${kindJa}と認識しました${partsJa.length ? `（${partsJa.join("、")}）` : ""}。${ja}のステップを確認してください。`,
      ),
      evidence: { triage: t },
    };
  },
});
