import { missingData } from "../helpers";
import { defineCheck, l } from "../types";

export const bucketEncryption = defineCheck({
  id: "bucket.encryption",
  step: "encryption",
  title: l("The bucket's default encryption type", "バケットのデフォルトの暗号化タイプ"),
  run({ snapshot, derived }) {
    const b = snapshot.bucket;
    if (!b) return missingData(snapshot, "bucket", "s3:ListBucket (HeadBucket)", l("The bucket", "バケット"));
    if (!b.exists) return { status: "skipped", detail: l("The bucket does not exist.", "バケットが存在しません。") };
    const e = b.encryption;
    if (!e || snapshot.unavailable?.["bucket.encryption"]) {
      return missingData(
        snapshot,
        "bucket.encryption",
        "s3:GetEncryptionConfiguration",
        l("The bucket's default encryption", "バケットのデフォルトの暗号化"),
      );
    }
    if (e.algorithm === "AES256") {
      return {
        status: "pass",
        detail: l(
          "Default encryption is SSE-S3 (AES256): no KMS permission is needed.",
          "デフォルトの暗号化は SSE-S3（AES256）で、KMS の権限は不要です。",
        ),
        evidence: { algorithm: e.algorithm },
      };
    }
    const key = derived.keys.find((k) => k.bucketDefault);
    const managed = key?.manager === "AWS";
    const kind = e.algorithm === "aws:kms:dsse" ? "DSSE-KMS" : "SSE-KMS";
    return {
      status: "pass",
      detail: managed
        ? l(
            `Default encryption is ${kind} with the AWS managed key aws/s3 (see kms.aws-managed-key).`,
            `デフォルトの暗号化は AWS 管理キー aws/s3 による ${kind} です（kms.aws-managed-key を参照）。`,
          )
        : l(
            `Default encryption is ${kind} with ${key?.arn ?? e.kmsKeyId ?? "a KMS key"}: the principal needs kms:Decrypt on it, and the key policy must allow it (see the key checks).`,
            `デフォルトの暗号化は ${key?.arn ?? e.kmsKeyId ?? "KMS キー"} による ${kind} です。プリンシパルにこのキーに対する kms:Decrypt が必要で、キーポリシーでも許可されている必要があります（キーのチェックを参照）。`,
          ),
      evidence: { algorithm: e.algorithm, ...(key ? { key: key.arn } : {}) },
    };
  },
});
