import { allowOnly } from "../derive/allow-only";
import { ask, type Asked } from "../derive/ask";
import type { NamedPolicy } from "../derive/policies";
import type { ImportRequest } from "../derive/requests";
import { SETTLED_BY, missingData } from "../helpers";
import type { CheckContext, Outcome } from "../types";
import { l } from "../types";

/** Why identity checks cannot run; null when they can. */
export function identityPrecondition(ctx: CheckContext): Outcome | null {
  const { snapshot, derived } = ctx;
  if (!derived.target) {
    return {
      status: "unknown",
      detail: l(
        "The bucket URI is not valid (see input.bucket-uri).",
        "バケット URI が正しくありません（input.bucket-uri を参照）。",
      ),
      unavailable: SETTLED_BY.bucketUri,
    };
  }
  if (snapshot.target.mode === "role") {
    if (!snapshot.role)
      return missingData(
        snapshot,
        "role",
        "iam:GetRole, iam:ListRolePolicies, iam:GetRolePolicy, iam:ListAttachedRolePolicies, iam:GetPolicyVersion",
        l("The role's permission policies", "ロールの権限ポリシー"),
      );
    if (!snapshot.role.exists)
      return {
        status: "skipped",
        detail: l("The role does not exist (see role.exists).", "ロールが存在しません（role.exists を参照）。"),
      };
  } else {
    if (!snapshot.user)
      return missingData(
        snapshot,
        "user",
        "iam:GetAccessKeyLastUsed, iam:ListUserPolicies, iam:GetUserPolicy, iam:ListAttachedUserPolicies, iam:ListGroupsForUser",
        l("The IAM user who owns the access key and its policies", "アクセスキーを所有する IAM ユーザーとそのポリシー"),
      );
    if (!snapshot.user.exists)
      return {
        status: "skipped",
        detail: l(
          "The IAM user does not exist (see access-key.owner).",
          "IAM ユーザーが存在しません（access-key.owner を参照）。",
        ),
      };
  }
  if (!derived.principal) {
    return {
      status: "unknown",
      detail: l("The principal's ARN is not known or not valid.", "プリンシパルの ARN が不明か正しくありません。"),
      unavailable: SETTLED_BY.principalArn,
    };
  }
  const missing = Object.entries(derived.identity?.missing ?? {}).filter(([k]) => !k.endsWith("permissionsBoundary"));
  if (missing.length) {
    const [path, reason] = missing[0];
    return missingData(
      snapshot,
      path,
      snapshot.target.mode === "role"
        ? "iam:GetRolePolicy / iam:GetPolicyVersion"
        : "iam:GetUserPolicy / iam:GetGroupPolicy / iam:GetPolicyVersion",
      l(`Part of the identity policies (${path}: ${reason})`, `権限ポリシーの一部（${path}: ${reason}）`),
    );
  }
  return null;
}

/** A key policy that only delegates to IAM (the default key policy): isolates the identity side of kms:Decrypt. */
export function delegatingKeyPolicy(partition: string, account: string) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "Enable IAM User Permissions",
        Effect: "Allow",
        Principal: { AWS: `arn:${partition}:iam::${account}:root` },
        Action: "kms:*",
        Resource: "*",
      },
    ],
  };
}

/**
 * Asks about the identity side alone: the principal's identity policies (no boundary, no bucket policy). For kms:
 * a key policy that delegates to IAM stands in for the real one (judged by kms.key-policy).
 */
export function askIdentity(ctx: CheckContext, req: ImportRequest, policies?: NamedPolicy[]): Asked {
  const p = ctx.derived.principal!;
  const kms = req.action.startsWith("kms:");
  return ask({
    request: req,
    principal: p.requestArn,
    principalAccount: p.accountId,
    resourceAccount: kms ? (req.kmsKey?.accountId ?? p.accountId) : (ctx.derived.bucketAccount ?? p.accountId),
    identity: policies ?? ctx.derived.identity!.policies,
    resource: kms ? { document: "delegating-key-policy", doc: delegatingKeyPolicy(p.partition, p.accountId) } : null,
  });
}

const grants = new Map<string, Record<string, unknown>>();

/** A bucket policy granting the principal's account (stand-in for the bucket side, judged by its own checks). */
function accountGrant(partition: string, account: string) {
  const k = `${partition}:${account}`;
  let g = grants.get(k);
  if (!g) {
    g = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: `arn:${partition}:iam::${account}:root` }, Action: "*", Resource: "*" },
      ],
    };
    if (grants.size > 100) grants.clear();
    grants.set(k, g);
  }
  return g;
}

/**
 * The effective decision on the allow side, as AWS makes it (IAM User Guide, "Policy evaluation logic"): the identity
 * policies within the permissions boundary, or, in the same account, a bucket policy grant (limited by the boundary
 * when it names the role ARN or "*", not when it names the IAM user or the session). Explicit denies are left out:
 * identity.explicit-deny and bucket.policy.deny judge them. Across accounts the bucket side is judged by
 * bucket.policy.cross-account, so a stand-in grants it here; for kms: a key policy that delegates to IAM stands in
 * (kms.key-policy judges the real one).
 */
const allowOnlyLists = new WeakMap<NamedPolicy[], NamedPolicy[]>();

/** The identity policies without their Deny statements (one list per list of policies, as asked again and again). */
function allowOnlyPolicies(policies: NamedPolicy[]): NamedPolicy[] {
  let list = allowOnlyLists.get(policies);
  if (!list) {
    list = policies.map((x) => ({ document: x.document, doc: allowOnly(x.doc) }));
    allowOnlyLists.set(policies, list);
  }
  return list;
}

export function askEffective(ctx: CheckContext, req: ImportRequest, withBoundary = true): Asked {
  const p = ctx.derived.principal!;
  const kms = req.action.startsWith("kms:");
  const bucketAccount = ctx.derived.bucketAccount ?? p.accountId;
  const bucketPolicy = ctx.snapshot.bucket?.policy;
  const boundary = withBoundary ? ctx.derived.identity!.boundary : null;
  return ask({
    request: req,
    principal: p.requestArn,
    principalAccount: p.accountId,
    resourceAccount: kms ? (req.kmsKey?.accountId ?? p.accountId) : bucketAccount,
    identity: allowOnlyPolicies(ctx.derived.identity!.policies),
    boundary: boundary ? { document: boundary.document, doc: allowOnly(boundary.doc) } : null,
    resource: kms
      ? { document: "delegating-key-policy", doc: delegatingKeyPolicy(p.partition, p.accountId) }
      : bucketAccount !== p.accountId
        ? { document: "assumed-bucket-grant", doc: accountGrant(p.partition, p.accountId) }
        : bucketPolicy
          ? { document: "bucket-policy", doc: allowOnly(bucketPolicy) }
          : null,
  });
}

/** The identity policies grant the request (an explicit Deny is judged separately by identity.explicit-deny). */
export function identityAllows(a: Asked): "yes" | "no" | "unknown" {
  if (a.answer.decision === "allow") return "yes";
  const allowStatements = a.applying.filter((s) => s.effect === "Allow" && s.document.includes("policy:"));
  if (allowStatements.some((s) => s.applies === "match")) return "yes";
  if (a.answer.decision === "unknown" || allowStatements.some((s) => s.applies === "unknown")) return "unknown";
  return "no";
}

/** Identity policies as corrected so far by earlier fixes (including new policies the fixes created). */
export function currentIdentityPolicies(ctx: CheckContext): NamedPolicy[] {
  const orig = ctx.derived.identity?.policies ?? [];
  const names = new Set(orig.map((p) => p.document));
  const prefix = ctx.snapshot.target.mode === "role" ? "role-policy:" : "user-policy:";
  const created = ctx.fixes
    .names()
    .filter((n) => n.startsWith(prefix) && !names.has(n))
    .map((n) => ({ document: n, doc: ctx.fixes.current(n, null)! }));
  return [...orig.map((p) => ({ document: p.document, doc: ctx.fixes.current(p.document, p.doc)! })), ...created];
}
