import { needs } from "../reasons";
import { defineCheck, l } from "../types";
import { regionOfArn } from "@/lib/policy/arn";

export const kmsKeyState = defineCheck({
  id: "kms.key-state",
  step: "encryption",
  title: l("Each key is enabled and in the bucket's region", "各キーが有効で、バケットと同じリージョンにある"),
  run({ derived, snapshot }) {
    const keys = derived.keys.filter((k) => k.manager !== "AWS");
    if (keys.length === 0)
      return {
        status: "skipped",
        detail: l("No customer managed KMS key is in use.", "カスタマー管理キーは使用されていません。"),
      };
    const region = derived.region;
    const unknownKeys = keys.filter((k) => !k.key || !k.key.keyState);
    for (const k of keys) {
      if (k.key?.keyState && k.key.keyState !== "Enabled") {
        return {
          status: "fail",
          title: l(`The KMS key is ${k.key.keyState}`, `KMS キーの状態が ${k.key.keyState} です`),
          detail: l(
            `The key ${k.arn} is ${k.key.keyState}; S3 cannot decrypt with it. ${k.key.keyState === "PendingDeletion" ? "Cancel the key deletion and enable the key." : "Enable the key."}`,
            `キー ${k.arn} の状態は ${k.key.keyState} で、S3 はこのキーで復号できません。${k.key.keyState === "PendingDeletion" ? "キーの削除をキャンセルし、キーを有効にしてください。" : "キーを有効にしてください。"}`,
          ),
          evidence: { key: k.arn },
        };
      }
      const keyRegion = k.key?.region ?? regionOfArn(k.arn);
      if (region && keyRegion && keyRegion !== region) {
        return {
          status: "fail",
          title: l(
            "The KMS key is in another region than the bucket",
            "KMS キーがバケットとは別のリージョンにあります",
          ),
          detail: l(
            `The key ${k.arn} is in ${keyRegion}, the bucket in ${region}; S3 uses keys of the bucket's region only.`,
            `キー ${k.arn} は ${keyRegion}、バケットは ${region} にあります。S3 はバケットと同じリージョンのキーのみを使用します。`,
          ),
          evidence: { key: k.arn },
        };
      }
    }
    if (unknownKeys.length) {
      const reason = snapshot.unavailable?.[`keys.${unknownKeys[0].arn}`] ?? snapshot.unavailable?.keys;
      return {
        status: "unknown",
        detail: l(
          `The state of ${unknownKeys.map((k) => k.arn).join(", ")} is not known.`,
          `${unknownKeys.map((k) => k.arn).join("、")} の状態が不明です。`,
        ),
        unavailable: needs("kms:DescribeKey", reason),
      };
    }
    return {
      status: "pass",
      detail: l(
        "Every customer managed key in use is Enabled and in the bucket's region.",
        "使用中のカスタマー管理キーはすべて有効で、バケットと同じリージョンにあります。",
      ),
    };
  },
});
