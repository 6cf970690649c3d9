/**
 * Why a Deny with NotPrincipal hits the import, and what its replacement keeps (IAM User Guide, "AWS JSON policy
 * elements: NotPrincipal"). Shared by the resource-policy checks where the shape occurs.
 */
import type { NotPrincipalReplacement } from "@/lib/fixes/not-principal";
import { beforeJa, citeText, citeTextJa, statementsOf, type Cited } from "./ask";
import type { CheckContext, Localized } from "../types";
import { l } from "../types";

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]).map(String);

/** The AWS entries of a statement's NotPrincipal. */
export function notPrincipalEntries(doc: Record<string, unknown>, index: number): string[] {
  const np = statementsOf(doc)[index]?.NotPrincipal;
  if (np === "*") return ["*"];
  return np && typeof np === "object" ? list((np as Record<string, unknown>).AWS) : [];
}

/**
 * The reason, for a statement that surely denies (`denied`) or denies unless TiDB Cloud's session has a name it lists
 * (`maybe`), then what the corrected statement keeps.
 */
export function notPrincipalNote(
  ctx: CheckContext,
  c: Cited,
  entries: string[],
  rep: NotPrincipalReplacement | null,
  mode: "denied" | "maybe",
): Localized {
  const p = ctx.derived.principal!;
  const hasBoundary = !!ctx.derived.identity?.boundary;
  const at = l(citeText(c), citeTextJa(c));
  const sessionPrefix = `arn:${p.partition}:sts::${p.accountId}:assumed-role/${p.name}/`;
  const sessions = entries.filter((e) => e.startsWith(sessionPrefix));
  const namesRole = entries.some(
    (e) => e === p.principalArn || e === p.accountId || e.endsWith(`:${p.accountId}:root`),
  );
  const parts: Localized[] = [];
  if (hasBoundary)
    parts.push(
      l(
        `${at.en} uses NotPrincipal, and the ${p.kind === "role" ? "role" : "user"} has a permissions boundary: AWS always denies a principal that has a permissions boundary under a Deny with NotPrincipal, whatever the list says.`,
        `${beforeJa(at.ja)}は NotPrincipal を使っており、${p.kind === "role" ? "ロール" : "ユーザー"}には権限境界が設定されています。権限境界を持つプリンシパルは、リストの内容にかかわらず NotPrincipal を使った Deny で常に拒否されます。`,
      ),
    );
  else if (p.kind === "role" && mode === "maybe")
    parts.push(
      l(
        `${at.en} uses NotPrincipal and exempts a role session only when it lists that session's own ARN (${sessions.join(", ")}); TiDB Cloud chooses its session name when it assumes the role and does not publish it, so whether the import's session is exempted is not known.`,
        `${beforeJa(at.ja)}は NotPrincipal を使っており、ロールセッションが除外されるのはそのセッション自身の ARN（${sessions.join("、")}）が指定されている場合だけです。セッション名は TiDB Cloud がロールを引き受けるときに決め、公開していないため、インポートのセッションが除外されるかどうかは不明です。`,
      ),
    );
  else if (p.kind === "role")
    parts.push(
      namesRole
        ? l(
            `${at.en} uses NotPrincipal: AWS exempts a role session from it only through the session's own ARN (${sessionPrefix}<session name>); listing the role ARN and the account does not exempt it, and TiDB Cloud chooses the session name.`,
            `${beforeJa(at.ja)}は NotPrincipal を使っています。ロールセッションが除外されるのはセッション自身の ARN（${sessionPrefix}<セッション名>）を指定した場合だけで、ロール ARN とアカウントを指定しても除外されません。セッション名は TiDB Cloud が決めます。`,
          )
        : l(
            `${at.en} uses NotPrincipal and does not list the role ${p.principalArn}, so it denies the import's session.`,
            `${beforeJa(at.ja)}は NotPrincipal を使っており、ロール ${p.principalArn} を含まないため、インポートのセッションを拒否します。`,
          ),
    );
  else
    parts.push(
      l(
        `${at.en} uses NotPrincipal, which exempts an IAM user only when it lists the user's ARN ${p.principalArn}.`,
        `${beforeJa(at.ja)}は NotPrincipal を使っており、IAM ユーザーが除外されるのはユーザーの ARN ${p.principalArn} を指定した場合だけです。`,
      ),
    );
  if (!rep) {
    parts.push(
      l(
        `Replace NotPrincipal by "Principal": "*" with an ArnNotEquals condition on aws:PrincipalArn listing the principals to exempt, as AWS recommends.`,
        `AWS の推奨どおり、NotPrincipal を "Principal": "*" と、除外するプリンシパルを列挙した aws:PrincipalArn の ArnNotEquals 条件に置き換えてください。`,
      ),
    );
    return join(parts);
  }
  parts.push(
    l(
      `The corrected policy uses the form AWS recommends instead: "Principal": "*" with ArnNotEquals on aws:PrincipalArn, keeping every principal it exempted (${rep.arns.join(", ")})${namesRole || p.kind !== "role" ? "" : ` and adding ${p.principalArn}`}.`,
      `修正後のポリシーでは、AWS が推奨する形（"Principal": "*" と aws:PrincipalArn の ArnNotEquals 条件）に置き換え、除外していたプリンシパル（${rep.arns.join("、")}）をすべて残しています${namesRole || p.kind !== "role" ? "" : `。${p.principalArn} も追加しています`}。`,
    ),
  );
  if (rep.widenedSessions.length)
    parts.push(
      l(
        `aws:PrincipalArn names a role, not one of its sessions, so ${rep.widenedSessions.join(", ")} became the role ARN: every session of that role is exempted.`,
        `aws:PrincipalArn はセッションではなくロールを表すため、${rep.widenedSessions.join("、")} はロール ARN に置き換えました。そのロールのすべてのセッションが除外されます。`,
      ),
    );
  return join(parts);
}

const join = (parts: Localized[]) => l(parts.map((x) => x.en).join(" "), parts.map((x) => x.ja).join(""));
