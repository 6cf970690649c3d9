import { missingData, sample, sampleJa } from "../helpers";
import { defineCheck, l, type LocalizedList } from "../types";
import { sampledOwners } from "./owners";

const OWNERSHIP_CONSOLE_STEPS: LocalizedList = {
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
  run(ctx) {
    const { snapshot, derived } = ctx;
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
    // On evidence (the catalogue): a sampled object owned by another account blocks the import; otherwise this setting
    // is a risk (objects another account uploads later stay its own), not the cause.
    const sampled = sampledOwners({ snapshot, derived });
    const foreign = sampled?.foreign ?? [];
    const why =
      o === "BucketOwnerPreferred"
        ? l(
            `With BucketOwnerPreferred, an object another account uploads without the bucket-owner-full-control ACL stays owned by that account, and the bucket policy's Allow does not apply to it.`,
            `BucketOwnerPreferred では、別のアカウントが bucket-owner-full-control ACL を付けずにアップロードしたオブジェクトはそのアカウントの所有のままで、バケットポリシーの Allow が適用されません。`,
          )
        : l(
            `With ${o}, objects uploaded by another account stay owned by that account, and the bucket policy's Allow does not apply to them.`,
            `${o} では、別のアカウントがアップロードしたオブジェクトはそのアカウントの所有のままで、バケットポリシーの Allow が適用されません。`,
          );
    const change = l(
      "Set Object Ownership to Bucket owner enforced. This disables ACLs for every user of the bucket: move any grant made by ACL into the bucket policy first.",
      "オブジェクト所有権を「バケット所有者の強制」にしてください。これによりバケットのすべての利用者について ACL が無効になるため、ACL で付与している権限があれば先にバケットポリシーへ移してください。",
    );
    // Under ObjectWriter an object another account uploads stays its own whatever its ACL, and the object owner may
    // have granted the bucket's account read access in that ACL (an upload with bucket-owner-full-control or
    // bucket-owner-read): "If the owners are different, the object owners must use an object ACL to grant permissions"
    // (Amazon S3 User Guide, access-control-auth-workflow-object-operation.md). Object ACLs are not read, so whether
    // the import can read such an object is not known: warn. Under BucketOwnerPreferred an object stays its writer's
    // only when uploaded without bucket-owner-full-control.
    const aclDecides = foreign.length > 0 && o === "ObjectWriter";
    const evidenceText = aclDecides
      ? l(
          `${foreign.length} of ${sampled!.objects.length} sampled objects under the folder (${sample(foreign.map((x) => x.key))}) are owned by ${[...new Set(foreign.map(sampled!.ownerName))].join(", ")}, not the bucket's account ${sampled!.bucketOwnerName}. The import can read them only if each object's ACL grants the bucket's account read access (an upload with --acl bucket-owner-full-control or bucket-owner-read); the diagnosis does not read object ACLs (aws s3api get-object-acl shows them).`,
          `フォルダー内のサンプリングしたオブジェクト ${sampled!.objects.length} 個中 ${foreign.length} 個（${sampleJa(foreign.map((x) => x.key))}）は、バケットのアカウント ${sampled!.bucketOwnerName} ではなく ${[...new Set(foreign.map(sampled!.ownerName))].join("、")} が所有しています。インポートで読み取れるのは、各オブジェクトの ACL がバケットのアカウントに読み取りを許可している場合（--acl bucket-owner-full-control または bucket-owner-read を付けたアップロード）だけです。診断ではオブジェクトの ACL を読み取りません（aws s3api get-object-acl で確認できます）。`,
        )
      : foreign.length > 0
        ? l(
            `${foreign.length} of ${sampled!.objects.length} sampled objects under the folder (${sample(foreign.map((x) => x.key))}) are owned by ${[...new Set(foreign.map(sampled!.ownerName))].join(", ")}, not the bucket's account ${sampled!.bucketOwnerName}: the import cannot read them.`,
            `フォルダー内のサンプリングしたオブジェクト ${sampled!.objects.length} 個中 ${foreign.length} 個（${sampleJa(foreign.map((x) => x.key))}）は、バケットのアカウント ${sampled!.bucketOwnerName} ではなく ${[...new Set(foreign.map(sampled!.ownerName))].join("、")} が所有しているため、インポートで読み取れません。`,
          )
        : sampled && sampled.known && sampled.objects.length > 0
          ? l(
              `Every sampled object under the folder is owned by the bucket's account ${sampled.bucketOwnerName}, so this setting does not block the import now; objects another account uploads later would.`,
              `フォルダー内のサンプリングしたオブジェクトはすべてバケットのアカウント ${sampled.bucketOwnerName} が所有しているため、現時点ではこの設定はインポートを妨げていません。ただし、今後別のアカウントがアップロードしたオブジェクトは読み取れなくなります。`,
            )
          : l(
              "The owners of the objects under the folder could not be read, so whether this blocks the import is not known; objects uploaded by another account would not be readable.",
              "フォルダー内のオブジェクトの所有者を読み取れなかったため、この設定がインポートを妨げているかどうかは不明です。別のアカウントがアップロードしたオブジェクトは読み取れません。",
            );
    return {
      status: foreign.length > 0 && !aclDecides ? "fail" : "warn",
      title:
        foreign.length > 0
          ? l(
              `Object Ownership is ${o}, and objects under the folder are owned by another account`,
              `オブジェクト所有権が ${o} で、フォルダー内に別のアカウントが所有するオブジェクトがあります`,
            )
          : l(
              `Object Ownership is ${o}, not Bucket owner enforced (the guide's setting)`,
              `オブジェクト所有権が「バケット所有者の強制」（ガイドの推奨設定）ではなく ${o} です`,
            ),
      detail: l(`${why.en} ${evidenceText.en} ${change.en}`, `${why.ja}${evidenceText.ja}${change.ja}`),
      evidence: { objectOwnership: o, ...(foreign.length ? { objects: foreign.map((x) => x.key).slice(0, 20) } : {}) },
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
