import { SETTLED_BY, skipped } from "../helpers";
import { defineCheck, l } from "../types";
import { STS_EXTERNAL_ID, TIDB_EXTERNAL_ID } from "./shapes";

export const inputExternalId = defineCheck({
  id: "input.external-id",
  step: "intake",
  title: l("The External ID is well formed", "外部ID の形式が正しい"),
  run({ snapshot }) {
    if (snapshot.target.mode !== "role")
      return skipped("Access-key mode: no External ID.", "アクセスキー方式のため、外部ID はありません。");
    const raw = snapshot.target.externalId ?? "";
    if (!raw) {
      return {
        status: "unknown",
        title: l("No External ID was given", "外部ID が入力されていません"),
        detail: l(
          "Without this cluster's External ID the trust policy's condition cannot be checked. Copy it from TiDB Cloud: Import data from Cloud Storage > Amazon S3 > Add New Role ARN > \"Having trouble? Create Role ARN manually\".",
          "このクラスターの外部ID がないため、信頼ポリシーの条件を確認できません。TiDB Cloud の「Import data from Cloud Storage」> Amazon S3 > 「Add New Role ARN」>「Having trouble? Create Role ARN manually」からコピーしてください。",
        ),
        unavailable: SETTLED_BY.externalId,
      };
    }
    if (raw !== raw.trim()) {
      return {
        status: "fail",
        title: l("The External ID has leading or trailing spaces", "外部ID の前後に空白があります"),
        detail: l(
          "STS compares the External ID exactly; remove the spaces.",
          "STS は外部ID を完全一致で比較します。空白を削除してください。",
        ),
      };
    }
    if (!STS_EXTERNAL_ID.test(raw)) {
      return {
        status: "fail",
        title: l("The External ID is not valid for STS", "外部ID が STS の形式に合いません"),
        detail: l(
          "An External ID has 2 to 1224 characters among letters, digits and + = , . @ : / - _.",
          "外部ID は英数字と + = , . @ : / - _ からなる 2〜1,224 文字です。",
        ),
      };
    }
    const tidb = TIDB_EXTERNAL_ID.test(raw);
    return {
      status: "pass",
      detail: tidb
        ? l(
            "The External ID is well formed and looks like a TiDB Cloud External ID.",
            "外部ID の形式は正しく、TiDB Cloudの外部ID と同じ形式です。",
          )
        : l(
            "The External ID is well formed, but it does not look like the ones TiDB Cloud generates (50 hex characters starting 696e6672612d617069); check that it is this cluster's.",
            "外部ID の形式は正しいですが、TiDB Cloud が生成する外部ID（696e6672612d617069 で始まる 50 桁の 16 進数）とは形が異なります。このクラスターのものか確認してください。",
          ),
    };
  },
});
