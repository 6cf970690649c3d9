import { accountQuestion, GUIDE_TIDB_ACCOUNT_ID } from "../assume-role/trust";
import { skipped } from "../helpers";
import { defineCheck, l } from "../types";

/**
 * The TiDB Cloud account ID typed in the form: 12 digits, and not contradicting the trust policy in a way a typo
 * explains. When it does, this finding asks which one is right; nothing is rewritten from a possible typo.
 */
export const inputTidbAccountId = defineCheck({
  id: "input.tidb-account-id",
  step: "intake",
  title: l("The TiDB Cloud account ID is well formed", "TiDB CloudアカウントID の形式が正しい"),
  run({ snapshot }) {
    if (snapshot.target.mode !== "role")
      return skipped(
        "Access-key mode: no TiDB Cloud account.",
        "アクセスキー方式のため、TiDB Cloud のアカウントはありません。",
      );
    const typed = snapshot.target.tidbAccountId?.trim() ?? "";
    if (!typed) {
      return skipped(
        `No TiDB Cloud account ID was given: the trust check assumes the guide's ${GUIDE_TIDB_ACCOUNT_ID} (TiDB Cloud shows yours in "Add New Role ARN").`,
        `TiDB CloudアカウントID が入力されていないため、信頼ポリシーの確認ではガイドの ${GUIDE_TIDB_ACCOUNT_ID} を仮定します（実際の値は TiDB Cloud の「Add New Role ARN」に表示されます）。`,
      );
    }
    if (!/^\d{12}$/.test(typed)) {
      const digits = typed.replace(/\D/g, "").length;
      return {
        status: "fail",
        title: l("The TiDB Cloud account ID is not 12 digits", "TiDB CloudアカウントID が 12 桁の数字ではありません"),
        detail: l(
          `"${typed}" has ${digits} digits; an AWS account ID has exactly 12 (no spaces or hyphens). Copy it again from TiDB Cloud ("Add New Role ARN").`,
          `「${typed}」の数字は ${digits} 桁です。AWS アカウント ID はちょうど 12 桁の数字です（空白やハイフンは含みません）。TiDB Cloud の「Add New Role ARN」からもう一度コピーしてください。`,
        ),
      };
    }
    const q = accountQuestion(snapshot);
    if (q?.reason === "own-account") {
      return {
        status: "warn",
        title: l(
          "The account ID given as TiDB Cloud's is the role's own account",
          "TiDB CloudアカウントID としてロール自身のアカウントが入力されています",
        ),
        detail: l(
          `${typed} is the account of the role itself, not TiDB Cloud's. Which account is TiDB Cloud's? TiDB Cloud shows it in "Add New Role ARN"; enter that one and run again. Nothing is changed in the trust policy until then.`,
          `${typed} はロール自身のアカウントで、TiDB Cloud のアカウントではありません。TiDB Cloud のアカウントはどれですか？TiDB Cloud の「Add New Role ARN」に表示される値を入力して、もう一度実行してください。それまで信頼ポリシーの修正は提示しません。`,
        ),
        evidence: { typed },
      };
    }
    if (q) {
      return {
        status: "warn",
        title: l(
          `Which is TiDB Cloud's account: ${q.named} or ${q.typed}?`,
          `TiDB Cloud のアカウントは ${q.named} と ${q.typed} のどちらですか？`,
        ),
        detail: l(
          `The trust policy trusts account ${q.named}; the form says TiDB Cloud's account is ${q.typed}. They differ by a digit or two, so one of them is likely a typo. If ${q.named} is right, correct the TiDB Cloud account ID in the form and run again; if ${q.typed} is what TiDB Cloud shows in "Add New Role ARN", the trust policy must trust ${q.typed}. No corrected trust policy is offered until this is clear.`,
          `信頼ポリシーはアカウント ${q.named} を信頼していますが、フォームの TiDB CloudアカウントID は ${q.typed} です。1〜2 桁しか違わないため、どちらかが入力ミスの可能性があります。${q.named} が正しい場合は、フォームの TiDB CloudアカウントID を直してもう一度実行してください。TiDB Cloud の「Add New Role ARN」に表示される値が ${q.typed} の場合は、信頼ポリシーで ${q.typed} を信頼する必要があります。どちらか分かるまで、修正した信頼ポリシーは提示しません。`,
        ),
        evidence: { typed: q.typed, trustPolicyAccount: q.named },
      };
    }
    return {
      status: "pass",
      detail: l(`${typed} is a 12-digit account ID.`, `${typed} は 12 桁のアカウント ID です。`),
    };
  },
});
