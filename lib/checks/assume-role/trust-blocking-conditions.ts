import { addDenyException, removeConditions } from "@/lib/fixes/policy-edits";
import { policyFix } from "@/lib/fixes/make-fix";
import { beforeJa, citeText, citeTextJa, statementsOf } from "../derive/ask";
import { defineCheck, l } from "../types";
import { askTrust, conditionEntries, isExternalIdKey, tidbAccountId, tidbStatements, trustPrecondition } from "./trust";

const ID = "role.trust.blocking-conditions";

const isSourceIp = (key: string) => key.toLowerCase() === "aws:sourceip";

/** Why TiDB Cloud's AssumeRole cannot meet these condition entries, in both languages. */
function whyNot(entries: { key: string }[]): { en: string; ja: string } {
  const en = new Set<string>();
  const ja = new Set<string>();
  for (const { key } of entries) {
    const k = key.toLowerCase();
    if (k.startsWith("aws:principalorg")) {
      en.add("TiDB Cloud's account is not in your AWS organization");
      ja.add("TiDB Cloud のアカウントはお客様の AWS 組織に属していません");
    } else if (k === "aws:sourcevpce" || k === "aws:sourcevpc") {
      en.add("it does not come through your VPC endpoint");
      ja.add("お客様の VPC エンドポイントを経由しません");
    } else if (k.startsWith("aws:multifactorauth")) {
      en.add("a service's session uses no MFA");
      ja.add("サービスのセッションは MFA を使用しません");
    } else {
      en.add(`its request does not carry ${key} as required`);
      ja.add(`リクエストに条件どおりの ${key} がありません`);
    }
  }
  return { en: [...en].join("; "), ja: [...ja].join("。") };
}

export const roleTrustBlockingConditions = defineCheck({
  id: ID,
  step: "assume-role",
  title: l("No trust condition or Deny blocks TiDB Cloud", "TiDB Cloud を妨げる信頼ポリシーの条件や Deny がない"),
  run(ctx) {
    const pre = trustPrecondition(ctx);
    if (pre) return pre;
    const { snapshot, fixes } = ctx;
    const original = snapshot.role!.trustPolicy!;
    // Judged on the trust policy as the principal and External ID fixes left it.
    const trust = fixes.current("trust-policy", original)!;
    const externalId = snapshot.target.externalId?.trim() || null;
    // Organization conditions name the customer's organization, which TiDB Cloud's account is not in: asked with
    // TiDB Cloud in no organization and in another one; when both agree, that is the answer.
    let asked = askTrust(ctx, trust, externalId);
    if (asked.answer.unknownKeys.some((k) => /^aws:principalorg(id|paths)$/i.test(k))) {
      const none = askTrust(ctx, trust, externalId, "none");
      const other = askTrust(ctx, trust, externalId, "other");
      if (none.answer.decision === other.answer.decision) asked = none;
    }
    const tidb = tidbAccountId(snapshot);
    const sidOf = (i: number) => {
      const sid = statementsOf(trust)[i]?.Sid;
      return typeof sid === "string" ? sid : undefined;
    };
    const cite = (i: number) => ({ document: "trust-policy", statement: i, sid: sidOf(i) });

    const denies = asked.applying.filter(
      (s) => s.document === "trust-policy" && s.effect === "Deny" && s.applies !== "no-match",
    );
    const hardDeny = denies.find((s) => s.applies === "match");
    if (hardDeny) {
      const after = addDenyException(
        fixes.current("trust-policy", original)!,
        hardDeny.statement,
        "aws:PrincipalAccount",
        tidb,
      );
      return {
        status: "fail",
        title: l("A Deny in the trust policy blocks TiDB Cloud", "信頼ポリシーの Deny が TiDB Cloud を拒否しています"),
        detail: l(
          `${citeText(cite(hardDeny.statement))} denies sts:AssumeRole to TiDB Cloud's account ${tidb}. Exempt TiDB Cloud's account from it.`,
          `${beforeJa(citeTextJa(cite(hardDeny.statement)))}が TiDB Cloud のアカウント ${tidb} の sts:AssumeRole を拒否しています。TiDB Cloud のアカウントを除外してください。`,
        ),
        evidence: {
          document: "trust-policy",
          statement: hardDeny.statement,
          ...(sidOf(hardDeny.statement) ? { sid: sidOf(hardDeny.statement) } : {}),
        },
        fix: policyFix(fixes, snapshot, ID, "trust-policy", fixes.current("trust-policy", original), after),
      };
    }
    // Conditions (other than the External ID) that TiDB Cloud's AssumeRole cannot meet.
    const allows = tidbStatements(asked);
    if (asked.answer.decision !== "allow") {
      for (const s of allows) {
        const failing = (s.failedConditions ?? []).filter((f) => !isExternalIdKey(f.key) && !f.undecided);
        if (failing.length === 0) continue;
        const keys = failing.map((f) => `${f.operator} ${f.key}`).join(", ");
        const after = removeConditions(fixes.current("trust-policy", original)!, s.statement, failing);
        return {
          status: "fail",
          title: l(
            "A trust condition cannot be met by TiDB Cloud",
            "TiDB Cloud が満たせない信頼ポリシーの条件があります",
          ),
          detail: l(
            `${citeText(cite(s.statement))} also requires ${keys}; TiDB Cloud's AssumeRole cannot meet it (${whyNot(failing).en}). Remove the condition from the statement that trusts TiDB Cloud.`,
            `${beforeJa(citeTextJa(cite(s.statement)))}は ${keys} も条件にしていますが、TiDB Cloud の AssumeRole はこれを満たせません（${whyNot(failing).ja}）。TiDB Cloud を信頼するステートメントからこの条件を削除してください。`,
          ),
          evidence: {
            document: "trust-policy",
            statement: s.statement,
            ...(sidOf(s.statement) ? { sid: sidOf(s.statement) } : {}),
            conditions: failing,
          },
          fix: policyFix(fixes, snapshot, ID, "trust-policy", fixes.current("trust-policy", original), after),
        };
      }
    }
    if (asked.answer.decision === "unknown" || denies.length > 0) {
      // The source addresses the trust policy names, to confirm with TiDB Cloud.
      const addresses = [
        ...new Set(
          statementsOf(trust).flatMap((_, i) =>
            conditionEntries(trust, i)
              .filter((e) => isSourceIp(e.key))
              .flatMap((e) => e.values),
          ),
        ),
      ];
      const keys = asked.answer.unknownKeys.length
        ? asked.answer.unknownKeys
        : [...new Set(denies.flatMap((d) => (d.failedConditions ?? []).map((f) => f.key)))];
      const s = denies[0] ?? allows[0];
      // When only the statement that trusts TiDB Cloud is undecided, the fix drops those conditions from it, except a
      // source IP condition: TiDB Cloud's addresses are to be confirmed with TiDB Cloud, never guessed or dropped.
      const undecidedAllow =
        denies.length === 0
          ? allows.find((a) => (a.failedConditions ?? []).some((f) => f.undecided && !isSourceIp(f.key)))
          : undefined;
      const fix = undecidedAllow
        ? policyFix(
            fixes,
            snapshot,
            ID,
            "trust-policy",
            fixes.current("trust-policy", original),
            removeConditions(
              fixes.current("trust-policy", original)!,
              undecidedAllow.statement,
              (undecidedAllow.failedConditions ?? []).filter(
                (f) => f.undecided && !isExternalIdKey(f.key) && !isSourceIp(f.key),
              ),
            ),
          )
        : undefined;
      return {
        ...(fix ? { fix } : {}),
        status: "warn",
        title: l(
          "The trust policy depends on values TiDB Cloud's request may not have",
          "信頼ポリシーが TiDB Cloud のリクエストにない可能性のある値に依存しています",
        ),
        detail: l(
          `Whether TiDB Cloud may assume the role depends on ${keys.join(", ")}, whose value for TiDB Cloud's request is not known${s ? ` (${citeText(cite(s.statement))})` : ""}.${addresses.length ? ` Confirm with TiDB Cloud that its AssumeRole comes from ${addresses.join(", ")} (the addresses the condition names; TiDB Cloud does not publish its own), and change the list to TiDB Cloud's addresses if not.` : ""} Avoid such conditions in the statement that trusts TiDB Cloud.`,
          `TiDB Cloud がロールを引き受けられるかどうかは ${keys.join("、")} に依存しますが、TiDB Cloud のリクエストでの値は不明です${s ? `（${citeTextJa(cite(s.statement))}）` : ""}。${addresses.length ? `TiDB Cloud の AssumeRole が ${addresses.join("、")}（条件に指定されているアドレス。TiDB Cloud は自身のアドレスを公開していません）から送られるかどうかを TiDB Cloud に確認し、そうでなければ TiDB Cloud のアドレスに変更してください。` : ""}TiDB Cloud を信頼するステートメントではこのような条件を避けてください。`,
        ),
        evidence: {
          document: "trust-policy",
          ...(s ? { statement: s.statement } : {}),
          unknownKeys: keys,
          ...(addresses.length ? { addresses } : {}),
        },
      };
    }
    if (asked.answer.decision === "allow") {
      return {
        status: "pass",
        detail: l(
          "No Deny, NotPrincipal or other condition in the trust policy keeps TiDB Cloud from assuming the role.",
          "信頼ポリシーに TiDB Cloud のロール引き受けを妨げる Deny、NotPrincipal、その他の条件はありません。",
        ),
        evidence: { document: "trust-policy" },
      };
    }
    return {
      status: "pass",
      detail: l(
        "No Deny or condition other than the principal and External ID blocks TiDB Cloud (those are judged by the two checks above).",
        "プリンシパルと外部ID 以外に TiDB Cloud を妨げる Deny や条件はありません（この 2 つは前の 2 つのチェックで確認します）。",
      ),
      evidence: { document: "trust-policy" },
    };
  },
});
