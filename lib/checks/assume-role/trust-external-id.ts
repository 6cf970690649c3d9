import { setExternalId } from "@/lib/fixes/policy-edits";
import { policyFix } from "@/lib/fixes/make-fix";
import { beforeJa, citeText, citeTextJa, statementsOf } from "../derive/ask";
import { TIDB_EXTERNAL_ID } from "../intake/shapes";
import { defineCheck, l } from "../types";
import { SETTLED_BY } from "../helpers";
import { askTrust, conditionEntries, isExternalIdKey, tidbStatements, trustPrecondition } from "./trust";

const ID = "role.trust.external-id";
const NEGATED = /^(StringNotEquals|StringNotLike|StringNotEqualsIgnoreCase)(IfExists)?$/;
const STRING_OK = /^(StringEquals|StringLike|StringEqualsIgnoreCase)(IfExists)?$/;

export const roleTrustExternalId = defineCheck({
  id: ID,
  step: "assume-role",
  title: l(
    "The trust policy requires this cluster's External ID",
    "信頼ポリシーの条件にこのクラスターの外部ID が設定されている",
  ),
  run(ctx) {
    const pre = trustPrecondition(ctx);
    if (pre) return pre;
    const { snapshot, fixes } = ctx;
    const externalId = snapshot.target.externalId?.trim();
    if (!externalId) {
      return {
        status: "unknown",
        detail: l(
          "No External ID was given, so the trust condition cannot be checked.",
          "外部ID が入力されていないため、信頼ポリシーの条件を確認できません。",
        ),
        unavailable: SETTLED_BY.externalId,
      };
    }
    // Judge the trust policy as the principal fix (if any) left it, so that a wrong account does not hide this check.
    const original = snapshot.role!.trustPolicy!;
    const trust = fixes.current("trust-policy", original)!;
    const corrected = fixes.changedBy("trust-policy").length > 0;
    const withId = askTrust(ctx, trust, externalId);
    const statements = tidbStatements(withId);
    if (statements.length === 0) {
      return {
        status: "unknown",
        detail: l(
          "No trust statement allows TiDB Cloud's account (see role.trust.principal).",
          "TiDB Cloud のアカウントを許可する信頼ステートメントがありません（role.trust.principal を参照）。",
        ),
        unavailable: l(
          "a trust statement for TiDB Cloud's account",
          "TiDB Cloud のアカウントを許可する信頼ステートメント",
        ),
      };
    }
    const sidOf = (i: number) => {
      const sid = statementsOf(trust)[i]?.Sid;
      return typeof sid === "string" ? sid : undefined;
    };
    const cite = (i: number) => ({ document: "trust-policy", statement: i, sid: sidOf(i) });
    const evidence = (i: number) => ({
      document: "trust-policy",
      statement: i,
      ...(sidOf(i) ? { sid: sidOf(i) } : {}),
    });
    const before = () => fixes.current("trust-policy", original)!;
    const preface = corrected
      ? l("With the trusted entity corrected, ", "信頼できるエンティティを修正した後、")
      : l("", "");

    // 1. Does the role let TiDB Cloud in without any External ID? (insecure: confused deputy)
    const withoutId = askTrust(ctx, trust, null);
    if (withId.answer.decision === "allow" && withoutId.answer.decision === "allow") {
      const allowing = withoutId.cited.find((c) => c.effect === "Allow" && c.document === "trust-policy") ?? {
        statement: statements[0].statement,
      };
      const i = allowing.statement;
      const after = setExternalId(before(), i, externalId, []);
      return {
        status: "warn",
        title: l("The trust policy does not require an External ID", "信頼ポリシーの条件に外部ID が設定されていません"),
        detail: l(
          `${preface.en}${citeText(cite(i))} lets TiDB Cloud's account assume the role without sts:ExternalId: the import works, but any TiDB Cloud cluster could use this role. Require this cluster's External ID.`,
          `${preface.ja}${beforeJa(citeTextJa(cite(i)))}は sts:ExternalId なしで TiDB Cloud のアカウントにロールの引き受けを許可しています。インポートは動作しますが、どの TiDB Cloud クラスターからもこのロールを使用できます。このクラスターの外部ID を条件に設定してください。`,
        ),
        evidence: evidence(i),
        fix: policyFix(fixes, snapshot, ID, "trust-policy", before(), after),
      };
    }

    // 2. A statement whose External ID condition holds.
    for (const s of statements) {
      const ext = conditionEntries(trust, s.statement).filter((e) => isExternalIdKey(e.key));
      const failedExt = (s.failedConditions ?? []).filter((f) => isExternalIdKey(f.key));
      if (ext.length > 0 && failedExt.length === 0) {
        const values = ext.flatMap((e) => e.values);
        return {
          status: "pass",
          detail: l(
            `${citeText(cite(s.statement))} requires sts:ExternalId = ${externalId}` +
              (values.length > 1 ? ` (among ${values.length} External IDs: several clusters share this role).` : "."),
            `${beforeJa(citeTextJa(cite(s.statement)))}は sts:ExternalId = ${externalId} を条件にしています` +
              (values.length > 1
                ? `（${values.length} 個の外部ID のうちの 1 つ。複数のクラスターがこのロールを共有しています）。`
                : "。"),
          ),
          evidence: evidence(s.statement),
        };
      }
    }

    // 3. The External ID condition fails: name the mistake precisely.
    const s = statements.find((x) => (x.failedConditions ?? []).some((f) => isExternalIdKey(f.key))) ?? statements[0];
    const entries = conditionEntries(trust, s.statement).filter((e) => isExternalIdKey(e.key));
    if (entries.length === 0) {
      // The statement has no External ID condition, but other conditions keep it from applying.
      const after = setExternalId(before(), s.statement, externalId, []);
      return {
        status: "warn",
        title: l("The trust policy does not require an External ID", "信頼ポリシーの条件に外部ID が設定されていません"),
        detail: l(
          `${preface.en}${citeText(cite(s.statement))} has no sts:ExternalId condition (its other conditions are judged by role.trust.blocking-conditions). Require this cluster's External ID.`,
          `${preface.ja}${beforeJa(citeTextJa(cite(s.statement)))}には sts:ExternalId の条件がありません（その他の条件は role.trust.blocking-conditions で確認します）。このクラスターの外部ID を条件に設定してください。`,
        ),
        evidence: evidence(s.statement),
        fix: policyFix(fixes, snapshot, ID, "trust-policy", before(), after),
      };
    }
    const e = entries[0];
    const values = e.values;
    let title = l("The trust policy requires another External ID", "信頼ポリシーの条件に別の外部ID が設定されています");
    let why: { en: string; ja: string };
    if (e.key.toLowerCase() !== "sts:externalid") {
      title = l(`The trust condition uses the wrong key ${e.key}`, `信頼ポリシーの条件のキー ${e.key} が誤っています`);
      why = l(
        `the condition key is ${e.key}; STS sets sts:ExternalId, so ${e.key} is never present`,
        `条件キーが ${e.key} になっています。STS が設定するのは sts:ExternalId なので、${e.key} は存在しません`,
      );
    } else if (NEGATED.test(e.operator)) {
      title = l(
        `The trust condition uses the wrong operator ${e.operator}`,
        `信頼ポリシーの条件の演算子 ${e.operator} が誤っています`,
      );
      why = l(
        `${e.operator} admits every External ID except the listed ones; use StringEquals`,
        `${e.operator} は指定した値以外の外部ID を許可する演算子です。StringEquals を使用してください`,
      );
    } else if (!STRING_OK.test(e.operator)) {
      title = l(
        `The trust condition uses the wrong operator ${e.operator}`,
        `信頼ポリシーの条件の演算子 ${e.operator} が誤っています`,
      );
      why = l(
        `${e.operator} is not a string operator; use StringEquals`,
        `${e.operator} は文字列の演算子ではありません。StringEquals を使用してください`,
      );
    } else if (values.some((v) => v.toLowerCase() === externalId.toLowerCase())) {
      title = l(
        "The External ID in the trust policy differs in case",
        "信頼ポリシーの外部ID の大文字と小文字が異なります",
      );
      why = l(
        `it requires "${values.join('", "')}", which differs from "${externalId}" only in letter case; ${e.operator} compares case-sensitively`,
        `条件の値「${values.join("」「")}」は「${externalId}」と大文字・小文字だけが異なります。${e.operator} は大文字と小文字を区別します`,
      );
    } else if (values.some((v) => v.trim() === externalId)) {
      title = l("The External ID in the trust policy has extra spaces", "信頼ポリシーの外部ID に余分な空白があります");
      why = l(
        `it requires "${values.join('", "')}", with spaces`,
        `条件の値「${values.join("」「")}」に空白が含まれています`,
      );
    } else {
      const other = values.find((v) => TIDB_EXTERNAL_ID.test(v));
      why = other
        ? l(
            `it requires "${values.join('", "')}"; that looks like another TiDB Cloud cluster's External ID (or the guide's sample), not this cluster's "${externalId}". If another cluster also uses this role, list both`,
            `条件の値「${values.join("」「")}」は別の TiDB Cloud クラスターの外部ID（またはガイドのサンプル）のようで、このクラスターの「${externalId}」ではありません。別のクラスターもこのロールを使う場合は両方をリストにしてください`,
          )
        : l(
            `it requires "${values.join('", "')}", but this cluster's External ID is "${externalId}"`,
            `条件の値は「${values.join("」「")}」ですが、このクラスターの外部ID は「${externalId}」です`,
          );
    }
    const after = setExternalId(before(), s.statement, externalId, [{ operator: e.operator, key: e.key }]);
    return {
      status: "fail",
      title,
      detail: l(
        `${preface.en}${citeText(cite(s.statement))}: ${why.en}.`,
        `${preface.ja}${citeTextJa(cite(s.statement))}: ${why.ja}。`,
      ),
      evidence: { ...evidence(s.statement), operator: e.operator, key: e.key, values },
      fix: policyFix(fixes, snapshot, ID, "trust-policy", before(), after),
    };
  },
});
