import { defineCheck, l, type LocalizedList } from "../types";
import { SETTLED_BY, sample, sampleJa } from "../helpers";
import { needs } from "../reasons";

const ENCRYPTION_CONSOLE_STEPS: LocalizedList = {
  en: [
    "Open the bucket in the Amazon S3 console and choose the Properties tab",
    "Under Default encryption, choose Edit",
    "Choose Server-side encryption with Amazon S3 managed keys (SSE-S3), or SSE-KMS with a customer managed key",
    "Save changes",
    "Re-copy the existing objects so that they are encrypted again (changing the default affects only new objects)",
  ],
  ja: [
    "Amazon S3 コンソールでバケットを開き、「プロパティ」タブをクリックします",
    "「デフォルトの暗号化」の「編集」をクリックします",
    "「Amazon S3 マネージドキーを用いたサーバー側の暗号化 (SSE-S3)」、またはカスタマー管理キーによる SSE-KMS を選択します",
    "「変更の保存」をクリックします",
    "既存のオブジェクトをコピーし直して暗号化し直します（デフォルトの暗号化の変更は新しいオブジェクトにのみ適用されます）",
  ],
};

export const kmsAwsManagedKey = defineCheck({
  id: "kms.aws-managed-key",
  step: "encryption",
  title: l("The AWS managed key aws/s3 is usable by the principal", "AWS 管理キー aws/s3 をプリンシパルが使用できる"),
  run({ snapshot, derived }) {
    const managed = derived.keys.filter((k) => k.manager === "AWS");
    if (managed.length === 0) {
      if (!snapshot.bucket?.encryption && !snapshot.objects) {
        return {
          status: "unknown",
          detail: l(
            "The bucket's encryption and the objects' keys are not known.",
            "バケットの暗号化とオブジェクトのキーが不明です。",
          ),
          unavailable: needs("s3:GetEncryptionConfiguration, s3:GetObject (HeadObject)"),
        };
      }
      return {
        status: "pass",
        detail: l("The AWS managed key aws/s3 is not in use.", "AWS 管理キー aws/s3 は使用されていません。"),
      };
    }
    const p = derived.principal;
    if (!p)
      return {
        status: "unknown",
        detail: l("The principal is not known.", "プリンシパルが不明です。"),
        unavailable: SETTLED_BY.principalArn,
      };
    const other = managed.filter(
      (k) => (k.accountId ?? derived.bucketAccount) && (k.accountId ?? derived.bucketAccount) !== p.accountId,
    );
    if (other.length === 0) {
      return {
        status: "pass",
        detail: l(
          `The AWS managed key aws/s3 is in the principal's account ${p.accountId}: its key policy lets principals of that account use it through S3.`,
          `AWS 管理キー aws/s3 はプリンシパルと同じアカウント ${p.accountId} にあり、そのキーポリシーは同じアカウントのプリンシパルに S3 経由での使用を許可しています。`,
        ),
      };
    }
    const bucket = snapshot.bucket?.name ?? derived.target?.bucket ?? "<bucket>";
    const folder = derived.target?.folder ?? "";
    const objects = other.flatMap((k) => k.objects);
    const before = snapshot.bucket?.encryption
      ? {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: snapshot.bucket.encryption.algorithm,
                ...(snapshot.bucket.encryption.kmsKeyId ? { KMSMasterKeyID: snapshot.bucket.encryption.kmsKeyId } : {}),
              },
            },
          ],
        }
      : null;
    return {
      status: "fail",
      title: l(
        "The AWS managed key aws/s3 cannot be used from another account",
        "AWS 管理キー aws/s3 は別のアカウントから使用できません",
      ),
      detail: l(
        `The data is encrypted with the AWS managed key aws/s3 of account ${other[0].accountId ?? derived.bucketAccount}, and the principal is in account ${p.accountId}. The policy of an AWS managed key cannot be changed, so no cross-account grant is possible. Switch the bucket to SSE-S3 (or SSE-KMS with a customer managed key that grants the principal), then re-copy the existing objects${objects.length ? ` (${sample(objects)})` : ""}: they keep their old key until re-copied.`,
        `データはアカウント ${other[0].accountId ?? derived.bucketAccount} の AWS 管理キー aws/s3 で暗号化されており、プリンシパルはアカウント ${p.accountId} にあります。AWS 管理キーのキーポリシーは変更できないため、別アカウントへの許可はできません。バケットを SSE-S3（またはプリンシパルに許可したカスタマー管理キーによる SSE-KMS）に変更し、既存のオブジェクト${objects.length ? `（${sampleJa(objects)}）` : ""}をコピーし直してください。コピーし直すまで既存のオブジェクトは古いキーのままです。`,
      ),
      evidence: { keys: other.map((k) => k.arn), objects: objects.slice(0, 20) },
      fix: {
        document: "bucket-encryption",
        before,
        after: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] },
        cli:
          `aws s3api put-bucket-encryption --bucket ${bucket} --server-side-encryption-configuration file://bucket-encryption.json\n` +
          `aws s3 cp s3://${bucket}/${folder} s3://${bucket}/${folder} --recursive --sse AES256`,
      },
      fixText: {
        console: ENCRYPTION_CONSOLE_STEPS,
        notes: {
          en: [
            "Existing objects keep their old key until they are copied again; the second command re-copies the folder in place with SSE-S3.",
          ],
          ja: [
            "既存のオブジェクトはコピーし直すまで古いキーのままです。2 つ目のコマンドはフォルダー内のオブジェクトを SSE-S3 でその場にコピーし直します。",
          ],
        },
      },
    };
  },
});
