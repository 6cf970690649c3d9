import { missingData, skipped } from "../helpers";
import { defineCheck, l } from "../types";

export const accessKeyOwner = defineCheck({
  id: "access-key.owner",
  step: "identity-policy",
  title: l("The access key belongs to an active IAM user", "アクセスキーが有効な IAM ユーザーのものである"),
  run({ snapshot, derived }) {
    if (snapshot.target.mode !== "access-key")
      return skipped("Role mode: no access key.", "ロール方式のため、アクセスキーはありません。");
    const user = snapshot.user;
    if (!user)
      return missingData(
        snapshot,
        "user",
        "iam:GetAccessKeyLastUsed and iam:ListAccessKeys",
        l("The owner of the access key", "アクセスキーの所有者"),
      );
    const id = snapshot.target.accessKeyId ?? "";
    if (!user.exists) {
      return {
        status: "fail",
        title: l("The access key's user does not exist", "アクセスキーのユーザーが存在しません"),
        detail: l(
          `No IAM user in this account owns the access key ${id}. Create a key for an existing user.`,
          `このアカウントにアクセスキー ${id} を所有する IAM ユーザーはいません。既存のユーザーのキーを作成してください。`,
        ),
      };
    }
    const keys = user.accessKeys;
    if (!keys)
      return missingData(
        snapshot,
        "user.accessKeys",
        "iam:ListAccessKeys",
        l("The user's access keys", "ユーザーのアクセスキー"),
      );
    const key = keys.find((k) => k.id === id);
    if (!key) {
      return {
        status: "fail",
        title: l("The access key is not one of this user's keys", "アクセスキーがこのユーザーのものではありません"),
        detail: l(
          `${user.arn ?? "The user"} has the keys ${keys.map((k) => k.id).join(", ") || "(none)"}, not ${id}: the key was deleted or belongs to someone else.`,
          `${user.arn ?? "ユーザー"} のキーは ${keys.map((k) => k.id).join("、") || "（なし）"} で、${id} ではありません。キーが削除されたか、別のユーザーのものです。`,
        ),
      };
    }
    if (key.status !== "Active") {
      return {
        status: "fail",
        title: l("The access key is inactive", "アクセスキーが無効です"),
        detail: l(
          `The access key ${id} of ${user.arn} is Inactive: S3 rejects it (InvalidAccessKeyId). Activate it or create a new key.`,
          `${user.arn} のアクセスキー ${id} は無効（Inactive）のため、S3 は拒否します（InvalidAccessKeyId）。有効にするか、新しいキーを作成してください。`,
        ),
        fix: {
          document: "access-key",
          before: { AccessKeyId: id, Status: "Inactive" },
          after: { AccessKeyId: id, Status: "Active" },
          cli: `aws iam update-access-key --user-name ${(user.arn ?? "").split("/").pop() || "<user>"} --access-key-id ${id} --status Active`,
        },
      };
    }
    const userAccount = derived.principal?.accountId;
    if (userAccount && derived.bucketAccount && userAccount !== derived.bucketAccount) {
      return {
        status: "warn",
        title: l(
          "The access key's user is in another account than the bucket",
          "アクセスキーのユーザーがバケットとは別のアカウントにあります",
        ),
        detail: l(
          `${user.arn} (account ${userAccount}) is not in the bucket's account ${derived.bucketAccount}: the bucket policy and any KMS key policy must also grant it (see bucket.policy.cross-account), and the AWS managed key aws/s3 cannot be used.`,
          `${user.arn}（アカウント ${userAccount}）はバケットのアカウント ${derived.bucketAccount} にありません。バケットポリシーと KMS のキーポリシーでも許可する必要があり（bucket.policy.cross-account を参照）、AWS 管理キー aws/s3 は使用できません。`,
        ),
      };
    }
    return {
      status: "pass",
      detail: l(
        `The access key ${id} belongs to ${user.arn} and is Active.`,
        `アクセスキー ${id} は ${user.arn} のもので、有効（Active）です。`,
      ),
    };
  },
});
