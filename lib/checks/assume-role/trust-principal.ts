import { addStatement, replacePrincipal } from "@/lib/fixes/policy-edits";
import { policyFix } from "@/lib/fixes/make-fix";
import { beforeJa, citeText, citeTextJa, statementsOf, type Asked } from "../derive/ask";
import type { Doc } from "@/lib/fixes/workspace";
import { defineCheck, l, type CheckContext, type Localized, type Outcome } from "../types";
import {
  accountQuestion,
  askTrust,
  awsPrincipals,
  conditionEntries,
  isExternalIdKey,
  tidbAccountId,
  tidbStatements,
  trustPrecondition,
} from "./trust";

const ID = "role.trust.principal";

/**
 * Condition keys that tie a statement trusting "*" to particular callers: with one of them the engine has decided for
 * TiDB Cloud's account, and other accounts are held to the same condition.
 */
const CALLER_KEYS = new Set([
  "aws:principalaccount",
  "aws:principalarn",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:userid",
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceowner",
]);

/**
 * Allow statements of the trust policy that let any AWS principal call sts:AssumeRole: Principal "*" (or AWS "*")
 * with no condition on who the caller is. AWS "strongly recommend[s]" against "*" in an Allow's Principal unless
 * access is otherwise restricted, "especially ... IAM role trust policies" (iam-user-guide
 * reference_policies_elements_principal.md, "All principals"); an External ID is not a secret
 * (id_roles_create_for-user_externalid.md), so it does not restrict who can call.
 */
function openStatements(trust: Doc, asked: Asked): number[] {
  return asked.statements
    .filter((s) => s.document === "trust-policy" && s.effect === "Allow" && s.action === "match")
    .map((s) => s.statement)
    .filter(
      (i, k, all) =>
        all.indexOf(i) === k &&
        awsPrincipals(trust, i).includes("*") &&
        !conditionEntries(trust, i).some((e) => CALLER_KEYS.has(e.key.toLowerCase())),
    );
}

/** TiDB Cloud can assume the role, but so can anyone: name the statements, and narrow TiDB Cloud's own to its account. */
function openTrustWarning(
  ctx: CheckContext,
  trust: Doc,
  open: number[],
  tidbStatement: number,
  tidb: string,
  accountNote: Localized,
): Outcome {
  const { snapshot, fixes } = ctx;
  const rootArn = `arn:${ctx.derived.principal!.partition}:iam::${tidb}:root`;
  const cite = (i: number) => {
    const sid = statementsOf(trust)[i]?.Sid;
    return { document: "trust-policy", statement: i, sid: typeof sid === "string" ? sid : undefined };
  };
  const listEn = open.map((i) => citeText(cite(i))).join(", ");
  const listJa = open.map((i) => citeTextJa(cite(i))).join("、");
  const own = open.includes(tidbStatement);
  const before = fixes.current("trust-policy", trust)!;
  const after = own ? replacePrincipal(before, tidbStatement, "*", rootArn) : null;
  return {
    status: "warn",
    title: l(
      "The trust policy lets any AWS account assume the role",
      "信頼ポリシーがすべての AWS アカウントにロールの引き受けを許可しています",
    ),
    detail: l(
      `${listEn} ${open.length > 1 ? "allow" : "allows"} sts:AssumeRole to "*" with no condition on the caller's account: TiDB Cloud can assume the role${accountNote.en}, but so can any AWS account that has or guesses the External ID, which is not a secret. ` +
        (own
          ? `Trust TiDB Cloud's account ${rootArn} instead of "*".`
          : `Statement ${tidbStatement} already trusts TiDB Cloud's account: remove "*" from the others, or limit them to the accounts that need the role.`),
      `${beforeJa(listJa)}は条件なしで "*" に sts:AssumeRole を許可しています。TiDB Cloud はロールを引き受けられますが${accountNote.ja}、外部ID を知っている（または推測した）すべての AWS アカウントも引き受けられます。外部ID は秘密情報ではありません。` +
        (own
          ? `"*" の代わりに TiDB Cloud のアカウント ${rootArn} を信頼できるエンティティにしてください。`
          : `ステートメント ${tidbStatement} がすでに TiDB Cloud のアカウントを信頼しているので、ほかのステートメントから "*" を削除するか、ロールが必要なアカウントだけに限定してください。`),
    ),
    evidence: { document: "trust-policy", statement: open[0], principals: ["*"], open },
    ...(after ? { fix: policyFix(fixes, snapshot, ID, "trust-policy", before, after) } : {}),
  };
}

export const roleTrustPrincipal = defineCheck({
  id: ID,
  step: "assume-role",
  title: l("The trust policy trusts the TiDB Cloud account", "信頼ポリシーが TiDB Cloud のアカウントを信頼している"),
  run(ctx) {
    const pre = trustPrecondition(ctx);
    if (pre) return pre;
    const { snapshot, fixes } = ctx;
    const question = accountQuestion(snapshot);
    if (question) {
      // A typo on either side is as likely as a wrong trust policy: rewriting it could break a working role.
      const which = question.named
        ? l(
            `whether TiDB Cloud's account is ${question.typed} or ${question.named}`,
            `TiDB Cloud のアカウントが ${question.typed} と ${question.named} のどちらか`,
          )
        : l(
            `whether ${question.typed} is TiDB Cloud's account`,
            `${question.typed} が TiDB Cloud のアカウントかどうか`,
          );
      return {
        status: "unknown",
        title: l("Which account is TiDB Cloud's?", "TiDB Cloud のアカウントはどれですか？"),
        detail: l(
          `It is not clear ${which.en} (see input.tidb-account-id), so the trust policy is neither judged nor corrected. Enter the account ID TiDB Cloud shows in "Add New Role ARN" and run again.`,
          `${which.ja}分からないため（input.tidb-account-id を参照）、信頼ポリシーの判定と修正を行いません。TiDB Cloud の「Add New Role ARN」に表示される TiDB CloudアカウントID を入力して、もう一度実行してください。`,
        ),
        unavailable: l(
          "which account is TiDB Cloud's (shown in TiDB Cloud's Add New Role ARN dialog)",
          "TiDB Cloud のアカウント（TiDB Cloud の「Add New Role ARN」ダイアログに表示）",
        ),
        evidence: { typed: question.typed, ...(question.named ? { trustPolicyAccount: question.named } : {}) },
      };
    }
    const trust = snapshot.role!.trustPolicy!;
    const tidb = tidbAccountId(snapshot);
    const asked = askTrust(ctx, trust, snapshot.target.externalId ?? null);
    const ok = tidbStatements(asked);
    const accountNote = snapshot.target.tidbAccountId
      ? l("", "")
      : l(
          ` (no TiDB Cloud account ID was given; the guide's ${tidb} is assumed — the console shows your environment's)`,
          `（TiDB CloudアカウントID が入力されていないため、ガイドの ${tidb} を仮定しています。実際の値はコンソールで確認してください）`,
        );
    if (ok.length > 0) {
      const c = ok[0];
      const open = openStatements(trust, asked);
      if (open.length > 0) return openTrustWarning(ctx, trust, open, c.statement, tidb, accountNote);
      return {
        status: "pass",
        detail: l(
          `${citeText(c)} allows sts:AssumeRole to TiDB Cloud's account ${tidb}${accountNote.en}.`,
          `${beforeJa(citeTextJa(c))}は TiDB Cloud のアカウント ${tidb} に sts:AssumeRole を許可しています${accountNote.ja}。`,
        ),
        evidence: { document: "trust-policy", statement: c.statement, ...(c.sid ? { sid: c.sid } : {}) },
      };
    }
    // The engine found no Allow for TiDB Cloud's account. Name what the trust policy trusts instead.
    const candidates = asked.statements.filter(
      (s) => s.document === "trust-policy" && s.effect === "Allow" && s.action === "match",
    );
    const target =
      candidates.find((s) => conditionEntries(trust, s.statement).some((e) => isExternalIdKey(e.key))) ?? candidates[0];
    const rootArn = `arn:${ctx.derived.principal!.partition}:iam::${tidb}:root`;
    const before = fixes.current("trust-policy", trust)!;
    if (!target) {
      const after = addStatement(before, {
        Sid: "AllowTiDBCloudAssumeRole",
        Effect: "Allow",
        Principal: { AWS: rootArn },
        Action: "sts:AssumeRole",
        ...(snapshot.target.externalId
          ? { Condition: { StringEquals: { "sts:ExternalId": snapshot.target.externalId } } }
          : {}),
      });
      return {
        status: "fail",
        title: l(
          "The trust policy does not let anyone assume the role with sts:AssumeRole",
          "信頼ポリシーが sts:AssumeRole を誰にも許可していません",
        ),
        detail: l(
          `No statement of the trust policy allows sts:AssumeRole. Add a statement that trusts TiDB Cloud's account ${tidb}${accountNote.en}.`,
          `信頼ポリシーに sts:AssumeRole を許可するステートメントがありません。TiDB Cloud のアカウント ${tidb} を信頼するステートメントを追加してください${accountNote.ja}。`,
        ),
        evidence: { document: "trust-policy" },
        fix: policyFix(fixes, snapshot, ID, "trust-policy", before, after),
      };
    }
    const principals = awsPrincipals(trust, target.statement);
    const isTidbAccount = (p: string) => p === tidb || p === rootArn;
    // A principal that is not TiDB Cloud's account itself (another account, or a role or user of TiDB's account).
    const wrong = principals.find((p) => !isTidbAccount(p)) ?? null;
    const uniqueId = principals.find((p) => /^A[RI]OA[A-Z0-9]+$/.test(p));
    const sid =
      typeof statementsOf(trust)[target.statement]?.Sid === "string"
        ? String(statementsOf(trust)[target.statement].Sid)
        : undefined;
    const cite = { document: "trust-policy", statement: target.statement, sid };
    const named = principals.length ? principals.join(", ") : "a non-AWS principal";
    const after = replacePrincipal(before, target.statement, uniqueId ?? wrong, rootArn);
    return {
      status: "fail",
      title: l(
        "The trust policy trusts another account than TiDB Cloud's",
        "信頼ポリシーが TiDB Cloud 以外のアカウントを信頼しています",
      ),
      detail: l(
        `${citeText(cite)} allows sts:AssumeRole to ${named}, not to TiDB Cloud's account ${tidb}${accountNote.en}.` +
          (uniqueId ? ` ${uniqueId} is a unique ID: the principal it named was deleted.` : "") +
          ` Set the trusted entity to ${rootArn}.`,
        `${beforeJa(citeTextJa(cite))}は ${named} に sts:AssumeRole を許可しており、TiDB Cloud のアカウント ${tidb} ではありません${accountNote.ja}。` +
          (uniqueId ? `${uniqueId} は一意の ID で、指定していたプリンシパルは削除されています。` : "") +
          `ロールの「信頼関係」タブで、信頼できるエンティティを ${rootArn} にしてください。`,
      ),
      evidence: { document: "trust-policy", statement: target.statement, ...(sid ? { sid } : {}), principals },
      fix: policyFix(fixes, snapshot, ID, "trust-policy", before, after),
    };
  },
});
