import { missingData, skipped } from "../helpers";
import { defineCheck, l } from "../types";

export const roleExists = defineCheck({
  id: "role.exists",
  step: "assume-role",
  title: l("The IAM role exists", "IAM ロールが存在する"),
  run({ snapshot }) {
    if (snapshot.target.mode !== "role")
      return skipped("Access-key mode: no role.", "アクセスキー方式のため、ロールはありません。");
    const role = snapshot.role;
    if (!role) return missingData(snapshot, "role", "iam:GetRole", l("The role", "ロール"));
    const arn = role.arn ?? snapshot.target.roleArn ?? "";
    if (!role.exists) {
      return {
        status: "fail",
        title: l("The IAM role does not exist", "IAM ロールが存在しません"),
        detail: l(
          `No role ${arn} exists in this account. Check the role name in TiDB Cloud (it is case-sensitive) or create the role with TiDB Cloud's CloudFormation template.`,
          `このアカウントにロール ${arn} は存在しません。TiDB Cloud に入力したロール名（大文字と小文字を区別します）を確認するか、TiDB Cloud の CloudFormation テンプレートでロールを作成してください。`,
        ),
      };
    }
    return { status: "pass", detail: l(`The role ${arn} exists.`, `ロール ${arn} は存在します。`) };
  },
});
