import { accessKeyIdKind, secretKindOf } from "@/lib/security/secrets";
import { skipped } from "../helpers";
import { defineCheck, l } from "../types";

export const inputAccessKeyId = defineCheck({
  id: "input.access-key-id",
  step: "intake",
  title: l("The access key ID is a long-term key", "アクセスキー ID が長期的なキーである"),
  run({ snapshot }) {
    if (snapshot.target.mode !== "access-key")
      return skipped("Role mode: no access key.", "ロール方式のため、アクセスキーはありません。");
    const id = (snapshot.target.accessKeyId ?? "").trim();
    if (!id) {
      return {
        status: "fail",
        title: l("No access key ID was given", "アクセスキー ID が入力されていません"),
        detail: l(
          "Access-key mode needs the access key ID entered in TiDB Cloud (never the secret).",
          "アクセスキー方式では TiDB Cloud に入力したアクセスキー ID が必要です（シークレットは不要です）。",
        ),
      };
    }
    const kind = accessKeyIdKind(id);
    if (kind === "temporary") {
      return {
        status: "fail",
        title: l("A temporary access key cannot be used", "一時的なアクセスキーは使用できません"),
        detail: l(
          `${id} is a temporary key (ASIA…): it only works with a session token, and TiDB Cloud's import form takes none. Create a long-term access key (AKIA…) for an IAM user.`,
          `${id} は一時的なキー（ASIA…）で、セッショントークンと一緒にしか使えませんが、TiDB Cloud のインポート画面にはセッショントークンの入力欄がありません。IAM ユーザーの長期的なアクセスキー（AKIA…）を作成してください。`,
        ),
      };
    }
    if (kind === "long-term")
      return {
        status: "pass",
        detail: l(`${id} is a long-term IAM user access key.`, `${id} は IAM ユーザーの長期的なアクセスキーです。`),
      };
    // A secret pasted here is never repeated in the report.
    const shown = secretKindOf(id) ? l("This value", "この値") : l(`"${id}"`, `「${id}」`);
    return {
      status: "fail",
      title: l("The access key ID is malformed", "アクセスキー ID の形式が正しくありません"),
      detail: l(
        `${shown.en} is not an access key ID (20 characters starting with AKIA). Did you paste the secret access key? Never paste the secret here.`,
        `${shown.ja}はアクセスキー ID（AKIA で始まる 20 文字）ではありません。シークレットアクセスキーを貼り付けていませんか？シークレットはここに貼り付けないでください。`,
      ),
    };
  },
});
