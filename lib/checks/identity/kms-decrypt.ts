import { actionCheck } from "./action-check";
import { l } from "../types";

export const identityKmsDecrypt = actionCheck({
  id: "identity.kms-decrypt",
  step: "identity-policy",
  title: l(
    "kms:Decrypt is allowed on every KMS key in use",
    "使用中のすべての KMS キーに対する kms:Decrypt が許可されている",
  ),
  deniedTitle: l(
    "kms:Decrypt is not allowed on a KMS key that encrypts the data",
    "データを暗号化している KMS キーに対する kms:Decrypt が許可されていません",
  ),
  missing: "fail",
  skip: (ctx) => {
    const customer = ctx.derived.keys.filter((k) => k.manager !== "AWS");
    if (customer.length > 0) return null;
    if (ctx.derived.keys.length > 0) {
      return {
        status: "skipped",
        detail: l(
          "Only the AWS managed key aws/s3 is in use: its key policy lets principals of its account use it through S3, without an identity policy (see kms.aws-managed-key).",
          "AWS 管理キー aws/s3 のみが使用されています。このキーのキーポリシーは同じアカウントのプリンシパルに S3 経由での使用を許可するため、権限ポリシーは不要です（kms.aws-managed-key を参照）。",
        ),
      };
    }
    if (!ctx.snapshot.bucket?.encryption && ctx.snapshot.bucket?.exists !== false) {
      return {
        status: "unknown",
        detail: l(
          "The bucket's default encryption is not known, so the keys in use are not known.",
          "バケットのデフォルトの暗号化が不明なため、使用中のキーが不明です。",
        ),
        unavailable: ctx.snapshot.unavailable?.["bucket.encryption"]
          ? `${ctx.snapshot.unavailable["bucket.encryption"]}; needs s3:GetEncryptionConfiguration`
          : "needs s3:GetEncryptionConfiguration",
      };
    }
    return {
      status: "skipped",
      detail: l("No KMS key encrypts the data (SSE-S3).", "データは KMS キーで暗号化されていません（SSE-S3）。"),
    };
  },
  requests: (ctx) => ctx.derived.kmsRequests.filter((r) => r.kmsKey?.manager !== "AWS"),
  grant: () => ({ actions: ["kms:Decrypt"], resource: (req) => req.resource, sid: "TiDBCloudImportKmsDecrypt" }),
});
