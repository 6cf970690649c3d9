import { SETTLED_BY, missingData, sample, sampleJa } from "../helpers";
import { defineCheck, l } from "../types";
import { sampledOwners } from "./owners";

export const objectsForeignOwner = defineCheck({
  id: "objects.foreign-owner",
  step: "object-ownership",
  title: l(
    "No object under the folder is owned by another account",
    "フォルダー内に別アカウントが所有するオブジェクトがない",
  ),
  run({ snapshot, derived }) {
    if (!derived.target)
      return {
        status: "unknown",
        detail: l("The bucket URI is not valid.", "バケット URI が正しくありません。"),
        unavailable: SETTLED_BY.bucketUri,
      };
    if (snapshot.bucket?.exists === false)
      return { status: "skipped", detail: l("The bucket does not exist.", "バケットが存在しません。") };
    if (!snapshot.objects)
      return missingData(
        snapshot,
        "objects",
        "s3:ListBucket (ListObjectsV2 with FetchOwner)",
        l("The objects under the folder", "フォルダー内のオブジェクト"),
      );
    if (snapshot.bucket?.objectOwnership === "BucketOwnerEnforced") {
      return {
        status: "pass",
        detail: l(
          "Bucket owner enforced: the bucket owner owns every object.",
          "「バケット所有者の強制」のため、バケット所有者がすべてのオブジェクトを所有します。",
        ),
      };
    }
    const sampled = sampledOwners({ snapshot, derived })!;
    const { objects, foreign, bucketOwnerName, ownerName } = sampled;
    if (objects.length === 0)
      return {
        status: "skipped",
        detail: l(
          "No object under the folder (see objects.present).",
          "フォルダー内にオブジェクトがありません（objects.present を参照）。",
        ),
      };
    if (!sampled.known) {
      return missingData(
        snapshot,
        "objects",
        "s3:ListBucket (ListObjectsV2 with FetchOwner)",
        l("The owners of the objects", "オブジェクトの所有者"),
      );
    }
    if (foreign.length === 0) {
      return {
        status: "pass",
        detail: l(
          `All ${objects.length} sampled objects are owned by the bucket's account ${bucketOwnerName}.`,
          `サンプリングした ${objects.length} 個のオブジェクトはすべてバケットのアカウント ${bucketOwnerName} が所有しています。`,
        ),
      };
    }
    const keys = foreign.map((o) => o.key);
    // Only BucketOwnerPreferred says these objects were uploaded without bucket-owner-full-control; otherwise their
    // ACL may grant the bucket's account read access, which is not read (see bucket.object-ownership).
    if (snapshot.bucket?.objectOwnership !== "BucketOwnerPreferred")
      return {
        status: "warn",
        title: l(
          "Objects under the folder are owned by another account",
          "フォルダー内のオブジェクトを別のアカウントが所有しています",
        ),
        detail: l(
          `${foreign.length} of ${objects.length} objects (${sample(keys)}) are owned by ${[...new Set(foreign.map(ownerName))].join(", ")}, not the bucket's account ${bucketOwnerName}: the bucket owner's grants do not cover them, and the import can read them only if each object's ACL grants the bucket's account read access (an upload with --acl bucket-owner-full-control or bucket-owner-read), which the diagnosis does not read. Set Object Ownership to Bucket owner enforced (see bucket.object-ownership).`,
          `${objects.length} 個中 ${foreign.length} 個のオブジェクト（${sampleJa(keys)}）はバケットのアカウント ${bucketOwnerName} ではなく ${[...new Set(foreign.map(ownerName))].join("、")} が所有しているため、バケット所有者の許可が適用されません。インポートで読み取れるのは、各オブジェクトの ACL がバケットのアカウントに読み取りを許可している場合（--acl bucket-owner-full-control または bucket-owner-read を付けたアップロード）だけで、診断ではこの ACL を読み取りません。オブジェクト所有権を「バケット所有者の強制」にしてください（bucket.object-ownership を参照）。`,
        ),
        evidence: { objects: keys.slice(0, 20) },
      };
    return {
      status: "fail",
      title: l(
        "Objects under the folder are owned by another account",
        "フォルダー内のオブジェクトを別のアカウントが所有しています",
      ),
      detail: l(
        `${foreign.length} of ${objects.length} objects (${sample(keys)}) are owned by ${[...new Set(foreign.map(ownerName))].join(", ")}, not the bucket's account ${bucketOwnerName}: the bucket owner's grants do not cover them. Set Object Ownership to Bucket owner enforced (see bucket.object-ownership).`,
        `${objects.length} 個中 ${foreign.length} 個のオブジェクト（${sampleJa(keys)}）はバケットのアカウント ${bucketOwnerName} ではなく ${[...new Set(foreign.map(ownerName))].join("、")} が所有しているため、バケット所有者の許可が適用されません。オブジェクト所有権を「バケット所有者の強制」にしてください（bucket.object-ownership を参照）。`,
      ),
      evidence: { objects: keys.slice(0, 20) },
    };
  },
});
