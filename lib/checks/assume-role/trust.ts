import { accountOfArn } from "@/lib/policy/arn";
import type { Snapshot } from "@/lib/snapshot/schema";
import type { CheckContext, Outcome } from "../types";
import { l } from "../types";
import { SETTLED_BY, missingData } from "../helpers";
import { ask, statementsOf, type Asked, type ExplainedStatement } from "../derive/ask";
import type { Doc } from "@/lib/fixes/workspace";

/** TiDB Cloud's account in the guide's sample trust policy; the console shows each environment's own id. */
export const GUIDE_TIDB_ACCOUNT_ID = "380838443567";

export function tidbAccountId(snapshot: Snapshot): string {
  return snapshot.target.tidbAccountId?.trim() || GUIDE_TIDB_ACCOUNT_ID;
}

/** The caller-side policy assumed for TiDB Cloud's own account: it may call sts:AssumeRole (out of the user's sight). */
const TIDB_CALLER_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }],
};

export const isExternalIdKey = (key: string) => /externalid/i.test(key);

/** Why a trust check cannot run (role mode only, role known and present, trust policy read); null when it can. */
export function trustPrecondition(ctx: CheckContext): Outcome | null {
  const { snapshot } = ctx;
  if (snapshot.target.mode !== "role") {
    return {
      status: "skipped",
      detail: l("Access-key mode: no role is assumed.", "アクセスキー方式のため、ロールの引き受けはありません。"),
    };
  }
  if (!snapshot.role) return missingData(snapshot, "role", "iam:GetRole", l("The role", "ロール"));
  if (!snapshot.role.exists) {
    return {
      status: "skipped",
      detail: l("The role does not exist (see role.exists).", "ロールが存在しません（role.exists を参照）。"),
    };
  }
  if (!snapshot.role.trustPolicy) {
    return missingData(snapshot, "role.trustPolicy", "iam:GetRole", l("The trust policy", "信頼ポリシー"));
  }
  if (!ctx.derived.principal) {
    return {
      status: "unknown",
      detail: l(
        "The role ARN is not valid, so the request cannot be built.",
        "ロール ARN が正しくないため、リクエストを組み立てられません。",
      ),
      unavailable: SETTLED_BY.roleArn,
    };
  }
  return null;
}

/**
 * Asks the engine whether TiDB Cloud's account (a principal of another account) may sts:AssumeRole on the role,
 * presenting `externalId` as sts:ExternalId (absent when null). TiDB Cloud's own principal ARN, org and source IP are
 * unknown to us, so conditions on them stay undecided.
 */
/**
 * TiDB Cloud's account and AWS Organizations, for conditions on aws:PrincipalOrgID / aws:PrincipalOrgPaths: not
 * known (undecided), in no organization (the keys absent), or in an organization other than every one the policy
 * names (a value that equals none of them). A trust policy's organization conditions name the customer's
 * organization, which TiDB Cloud's account is not in: when both "none" and "other" are denied, so is TiDB Cloud.
 */
export type TidbOrg = "unknown" | "none" | "other";

const OTHER_ORG = "o-tidbcloudnotyours";
const OTHER_ORG_PATH = `${OTHER_ORG}/r-tidb/ou-tidb-notyours/`;

export function askTrust(
  ctx: CheckContext,
  trustPolicy: Doc,
  externalId: string | null,
  org: TidbOrg = "unknown",
): Asked {
  const { snapshot, derived, now } = ctx;
  const p = derived.principal!;
  const tidb = tidbAccountId(snapshot);
  const context: Record<string, string> = {
    "aws:SecureTransport": "true",
    "aws:PrincipalAccount": tidb,
    // TiDB Cloud calls STS with credentials of its own (an IAM principal, not a service principal), directly.
    "aws:PrincipalIsAWSService": "false",
    "aws:ViaAWSService": "false",
    "aws:CurrentTime": now.toISOString(),
    "aws:EpochTime": String(Math.floor(now.getTime() / 1000)),
  };
  if (externalId !== null) context["sts:ExternalId"] = externalId;
  if (org === "other") {
    context["aws:PrincipalOrgID"] = OTHER_ORG;
    (context as Record<string, string | string[]>)["aws:PrincipalOrgPaths"] = [OTHER_ORG_PATH];
  }
  return ask({
    request: {
      action: "sts:AssumeRole",
      resource: p.principalArn,
      context,
      // TiDB Cloud's own principal (ARN, type, org, user id), source IP and session name are not known to us.
      unknownKeys: [
        "aws:SourceIp",
        "aws:PrincipalArn",
        "aws:PrincipalType",
        ...(org === "unknown" ? ["aws:PrincipalOrgID", "aws:PrincipalOrgPaths"] : []),
        "aws:userid",
        "sts:RoleSessionName",
        "sts:SourceIdentity",
      ],
    },
    principal: `arn:${p.partition}:iam::${tidb}:root`,
    principalAccount: tidb,
    resourceAccount: p.accountId,
    identity: [{ document: "tidb-cloud-caller-policy", doc: TIDB_CALLER_POLICY }],
    resource: { document: "trust-policy", doc: trustPolicy },
  });
}

/** Trust statements that allow sts:AssumeRole to TiDB Cloud's account, whatever their conditions say. */
export function tidbStatements(asked: Asked): ExplainedStatement[] {
  return asked.statements.filter(
    (s) => s.document === "trust-policy" && s.effect === "Allow" && s.action === "match" && s.principal === "match",
  );
}

/** Condition entries of a statement, flattened: { operator, key, values }. */
export function conditionEntries(doc: Doc, index: number): { operator: string; key: string; values: string[] }[] {
  const st = statementsOf(doc)[index];
  const cond = st?.Condition;
  if (!cond || typeof cond !== "object") return [];
  return Object.entries(cond as Record<string, unknown>).flatMap(([operator, block]) =>
    block && typeof block === "object"
      ? Object.entries(block as Record<string, unknown>).map(([key, v]) => ({
          operator,
          key,
          values: (Array.isArray(v) ? v : [v]).map((x) => String(x)),
        }))
      : [],
  );
}

/** Principal.AWS values of a statement. */
export function awsPrincipals(doc: Doc, index: number): string[] {
  const p = statementsOf(doc)[index]?.Principal;
  if (p === "*") return ["*"];
  if (!p || typeof p !== "object") return [];
  const aws = (p as Record<string, unknown>).AWS;
  return (Array.isArray(aws) ? aws : aws === undefined ? [] : [aws]).map(String);
}

/** The 12-digit accounts the trust policy's Allow statements name as AWS principals (root, bare id, role or user). */
function trustedAccounts(doc: Doc): string[] {
  const out = new Set<string>();
  statementsOf(doc).forEach((s, i) => {
    if (s?.Effect !== "Allow") return;
    for (const p of awsPrincipals(doc, i)) {
      const account = /^\d{12}$/.test(p) ? p : accountOfArn(p);
      if (account) out.add(account);
    }
  });
  return [...out];
}

const differingDigits = (a: string, b: string) => [...a].filter((c, i) => c !== b[i]).length;

/**
 * When the TiDB Cloud account ID typed in the form and the trust policy disagree in a way a typo explains (two
 * digits or fewer differ), or the typed one is the role's own account, it is not known which one is TiDB Cloud's:
 * the checks ask instead of rewriting a trust policy that may be right.
 */
export function accountQuestion(
  snapshot: Snapshot,
): { typed: string; named: string | null; reason: "typo" | "own-account" } | null {
  const typed = snapshot.target.tidbAccountId?.trim() ?? "";
  if (snapshot.target.mode !== "role" || !/^\d{12}$/.test(typed)) return null;
  const own = accountOfArn(snapshot.role?.arn ?? snapshot.target.roleArn);
  const named = snapshot.role?.trustPolicy ? trustedAccounts(snapshot.role.trustPolicy) : [];
  if (own === typed) return { typed, named: named.find((a) => a !== own) ?? null, reason: "own-account" };
  if (named.includes(typed)) return null;
  const close = named.find((a) => differingDigits(a, typed) <= 2);
  return close ? { typed, named: close, reason: "typo" } : null;
}
