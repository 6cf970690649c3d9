import { defineCheck, l } from "../types";

const AWS_403 = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html";

export const summaryNextSteps = defineCheck({
  id: "summary.next-steps",
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
          `Fix ${fails.join(", ")}${fixes ? ` (${fixes === 1 ? "1 corrected document is" : `${fixes} corrected documents are`} given; apply them in order, the last one of each document is complete)` : ""}, wait about a minute for IAM to propagate, then retry the import in TiDB Cloud.${unknown.length ? ` Not determined: ${unknown.join(", ")}.` : ""} If it still fails, see ${AWS_403}.`,
          `${fails.join("、")} を修正してください${fixes ? `（修正後のドキュメントを ${fixes} 件示しています。順に適用してください。各ドキュメントの最後のものがすべての修正を含みます）` : ""}。IAM への反映を 1 分ほど待ってから、TiDB Cloud でインポートを再試行してください。${unknown.length ? `判断できなかった項目：${unknown.join("、")}。` : ""}それでも失敗する場合は ${AWS_403} を参照してください。`,
        ),
        evidence: { fail: fails, warn: warns, unknown, link: AWS_403 },
      };
    }
    // Checks that can never be settled from a member account do not hold the summary open.
    const open = unknown.filter((id) => id !== "org.guardrails" && id !== "aws.simulation");
    if (open.length) {
      return {
        status: "unknown",
        title: l(
          "No blocking problem found, but some checks could not be decided",
          "妨げとなる問題は見つかりませんでしたが、判断できなかったチェックがあります",
        ),
        detail: l(
          `No check failed, but ${open.join(", ")} could not be decided: each says which permission or document would settle it.${warns.length ? ` Review the warnings: ${warns.join(", ")}.` : ""}`,
          `失敗したチェックはありませんが、${open.join("、")} は判断できませんでした。それぞれ、判断に必要な権限またはドキュメントを示しています。${warns.length ? `警告を確認してください：${warns.join("、")}。` : ""}`,
        ),
        unavailable: `the data named by ${open.join(", ")}`,
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
        `失敗したチェックはありません。${warns.length ? `警告を確認してください：${warns.join("、")}。` : ""}${unknown.length ? `判断できなかった項目：${unknown.join("、")}。` : ""}それでも TiDB Cloud が AccessDenied を報告する場合は、エラーメッセージ全体を貼り付け、${AWS_403} を参照してください。`,
      ),
      evidence: { warn: warns, unknown, link: AWS_403 },
    };
  },
});
