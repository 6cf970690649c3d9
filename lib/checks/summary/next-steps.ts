import { mayExplainFailure, NEVER_SETTLED_HERE, ROLLUP_CHECK_ID } from "@/lib/report/verdict";
import { defineCheck, l } from "../types";

const AWS_403 = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html";

/** The summary's roll-up of the other checks; it says what the report's verdict says (lib/report/verdict.ts). */
export const summaryNextSteps = defineCheck({
  id: ROLLUP_CHECK_ID,
  step: "summary",
  title: l("What remains", "残っている作業"),
  run({ previous }) {
    const fails = previous.filter((p) => p.outcome.status === "fail").map((p) => p.id);
    const warns = previous.filter((p) => p.outcome.status === "warn").map((p) => p.id);
    const unknown = previous.filter((p) => p.outcome.status === "unknown").map((p) => p.id);
    const fixes = previous.filter((p) => p.outcome.fix).length;
    if (fails.length) {
      return {
        status: "warn",
        title: l(
          `${fails.length === 1 ? "1 problem blocks" : `${fails.length} problems block`} the import`,
          `${fails.length} 件の問題がインポートを妨げています`,
        ),
        detail: l(
          `Fix ${fails.join(", ")}${fixes ? " (each corrected document is shown once, with every change it needs)" : ""}, wait about a minute for IAM to propagate, then retry the import in TiDB Cloud.${unknown.length ? ` Not determined: ${unknown.join(", ")}.` : ""} If it still fails, see ${AWS_403}.`,
          `${fails.join("、")} を修正してください${fixes ? "（修正後のドキュメントは、必要な変更をすべて含めてドキュメントごとに 1 つずつ示しています）" : ""}。IAM への反映を 1 分ほど待ってから、TiDB Cloud でインポートを再試行してください。${unknown.length ? `判断できなかった項目: ${unknown.join("、")}。` : ""}それでも失敗する場合は ${AWS_403} を参照してください。`,
        ),
        evidence: { fail: fails, warn: warns, unknown, link: AWS_403 },
      };
    }
    // A warning whose decision hangs on a value TiDB Cloud's requests may not match is the likely cause of an import
    // that already failed: said as such, not as "nothing blocks it".
    const likely = previous.filter((p) => mayExplainFailure(p.outcome)).map((p) => p.id);
    if (likely.length) {
      return {
        status: "warn",
        title: l("A warning is the likely cause of the failure", "失敗の原因はおそらく警告の項目です"),
        detail: l(
          `No check failed, but ${likely.join(", ")} depends on values TiDB Cloud's requests may not match: if the import fails, that is the likely cause. Apply its change, wait about a minute, then retry the import in TiDB Cloud. If it still fails, see ${AWS_403}.`,
          `不合格のチェックはありませんが、${likely.join("、")} の判定は TiDB Cloud のリクエストが満たさない可能性のある値に依存しています。インポートが失敗する場合は、これが原因である可能性が高いです。その変更を適用し、1 分ほど待ってから TiDB Cloud でインポートを再試行してください。それでも失敗する場合は ${AWS_403} を参照してください。`,
        ),
        evidence: { warn: warns, likely, unknown, link: AWS_403 },
      };
    }
    // Checks that can never be settled from a member account do not hold the summary open.
    const open = unknown.filter((id) => !NEVER_SETTLED_HERE.includes(id));
    if (open.length) {
      return {
        status: "unknown",
        title: l(
          "No blocking problem found, but some checks could not be decided",
          "妨げとなる問題は見つかりませんでしたが、判断できなかったチェックがあります",
        ),
        detail: l(
          `No check failed, but ${open.join(", ")} could not be decided: each says which permission or document would settle it.${warns.length ? ` Review the warnings: ${warns.join(", ")}.` : ""}`,
          `不合格のチェックはありませんが、${open.join("、")} は判断できませんでした。それぞれ、判断に必要な権限またはドキュメントを示しています。${warns.length ? `警告を確認してください: ${warns.join("、")}。` : ""}`,
        ),
        unavailable: l(`the data named by ${open.join(", ")}`, `${open.join("、")} が示すデータ`),
        evidence: { warn: warns, unknown, link: AWS_403 },
      };
    }
    return {
      status: "pass",
      title:
        warns.length || unknown.length
          ? l("Nothing found that blocks the import", "インポートを妨げる問題は見つかりませんでした")
          : l("Everything checked passes", "確認したすべての項目に問題はありません"),
      detail: l(
        `No check failed.${warns.length ? ` Review the warnings: ${warns.join(", ")}.` : ""}${unknown.length ? ` Not determined: ${unknown.join(", ")}.` : ""} If TiDB Cloud still reports AccessDenied, paste its full error message, and see ${AWS_403}.`,
        `不合格のチェックはありません。${warns.length ? `警告を確認してください: ${warns.join("、")}。` : ""}${unknown.length ? `判断できなかった項目: ${unknown.join("、")}。` : ""}それでも TiDB Cloud が AccessDenied を報告する場合は、エラーメッセージ全体を貼り付け、${AWS_403} を参照してください。`,
      ),
      evidence: { warn: warns, unknown, link: AWS_403 },
    };
  },
});
