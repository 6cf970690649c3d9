import { missingData } from "../helpers";
import { defineCheck, l } from "../types";

export const bucketExists = defineCheck({
  id: "bucket.exists",
  step: "bucket-policy",
  title: l("The bucket exists", "バケットが存在する"),
  run({ snapshot, derived }) {
    const b = snapshot.bucket;
    if (!b) return missingData(snapshot, "bucket", "s3:ListBucket (HeadBucket)", l("The bucket", "バケット"));
    const name = derived.target?.bucket ?? b.name ?? "";
    if (!b.exists) {
      return {
        status: "fail",
        title: l("The bucket does not exist", "バケットが存在しません"),
        detail: l(
          `No bucket named ${name} exists (NoSuchBucket). Check the bucket name in the URI for a typo.`,
          `${name} という名前のバケットは存在しません（NoSuchBucket）。URI のバケット名に誤りがないか確認してください。`,
        ),
      };
    }
    const given = snapshot.target.region;
    if (given && b.region && given !== b.region) {
      return {
        status: "warn",
        title: l("The bucket is in another region than given", "バケットのリージョンが入力と異なります"),
        detail: l(
          `The bucket ${name} is in ${b.region}, not ${given}. Use ${b.region} where a region is asked.`,
          `バケット ${name} のリージョンは ${given} ではなく ${b.region} です。リージョンを指定する箇所では ${b.region} を使用してください。`,
        ),
      };
    }
    return {
      status: "pass",
      detail: l(
        `The bucket ${name} exists${b.region ? ` in ${b.region}` : ""}${b.ownerAccountId ? `, owned by account ${b.ownerAccountId}` : ""}.`,
        `バケット ${name} は存在します${b.region ? `（リージョン ${b.region}` : "（"}${b.ownerAccountId ? `、所有アカウント ${b.ownerAccountId}）` : "）"}。`,
      ),
    };
  },
});
