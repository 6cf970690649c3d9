import { missingData } from "../helpers";
import { defineCheck, l, type LocalizedList } from "../types";

export const OWNERSHIP_CONSOLE_STEPS: LocalizedList = {
  en: [
    "Open the bucket in the Amazon S3 console and choose the Permissions tab",
    "Under Object Ownership, choose Edit",
    "Select ACLs disabled (recommended), which sets Bucket owner enforced",
    "Save changes",
  ],
  // In the words of TiDB Cloud's Japanese troubleshooting guide and the Japanese S3 console.
  ja: [
    "Amazon S3 コンソールでバケットを開き、「アクセス許可」タブをクリックします",
    "「オブジェクト所有権」領域の右上隅にある「編集」をクリックします",
    "「ACL 無効 (推奨)」を選択して、所有権を「バケット所有者の強制」（Bucket owner enforced）にします",
    "「変更の保存」をクリックします",
  ],
};

export const bucketObjectOwnership = defineCheck({
  id: "bucket.object-ownership",
  step: "object-ownership",
  title: l("Object Ownership is Bucket owner enforced", "オブジェクト所有権が「バケット所有者の強制」である"),
  run({ snapshot, derived }) {
    const b = snapshot.bucket;
    if (!b) return missingData(snapshot, "bucket", "s3:ListBucket (HeadBucket)", l("The bucket", "バケット"));
    if (!b.exists) return { status: "skipped", detail: l("The bucket does not exist.", "バケットが存在しません。") };
    const o = b.objectOwnership;
    if (!o || snapshot.unavailable?.["bucket.objectOwnership"]) {
      return missingData(
        snapshot,
        "bucket.objectOwnership",
        "s3:GetBucketOwnershipControls",
        l("The Object Ownership setting", "オブジェクト所有権の設定"),
      );
    }
    if (o === "BucketOwnerEnforced") {
      return {
        status: "pass",
        detail: l(
          "Object Ownership is Bucket owner enforced (ACLs disabled): the bucket owner owns every object.",
          "オブジェクト所有権は「バケット所有者の強制」（ACL 無効）で、バケット所有者がすべてのオブジェクトを所有します。",
        ),
      };
    }
    const bucket = b.name ?? derived.target?.bucket ?? "<bucket>";
    return {
      status: "fail",
      title: l(
        `Object Ownership is ${o}, not Bucket owner enforced`,
        `オブジェクト所有権が「バケット所有者の強制」ではなく ${o} です`,
      ),
      detail: l(
        `With ${o}, objects uploaded by another account stay owned by that account, and the bucket policy's Allow does not apply to them. Set Object Ownership to Bucket owner enforced. This disables ACLs for every user of the bucket: move any grant made by ACL into the bucket policy first.`,
        `${o} では、別のアカウントがアップロードしたオブジェクトはそのアカウントの所有のままで、バケットポリシーの Allow が適用されません。オブジェクト所有権を「バケット所有者の強制」にしてください。これによりバケットのすべての利用者について ACL が無効になるため、ACL で付与している権限があれば先にバケットポリシーへ移してください。`,
      ),
      evidence: { objectOwnership: o },
      fix: {
        document: "object-ownership",
        before: { ObjectOwnership: o },
        after: { ObjectOwnership: "BucketOwnerEnforced" },
        cli: `aws s3api put-bucket-ownership-controls --bucket ${bucket} --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'`,
      },
      fixText: {
        console: OWNERSHIP_CONSOLE_STEPS,
        notes: {
          en: ["Disabling ACLs affects every application that uses this bucket."],
          ja: ["ACL を無効にすると、このバケットを使用している他のアプリケーションに影響を及ぼす可能性があります。"],
        },
      },
    };
  },
});
