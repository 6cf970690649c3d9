/**
 * The decision, following the AWS IAM User Guide "Policy evaluation logic" (same account) and "Cross-account policy
 * evaluation logic", with three values so that keys the asker does not know (unknownKeys) give `unknown` only when
 * they could change the decision.
 *
 * 1. An explicit Deny in any policy considered (identity, permissions boundary, session, resource) wins.
 * 2. Same account: an Allow in an identity policy OR in the resource policy suffices; a resource-policy statement
 *    that names only the account (root ARN or bare id) delegates to the identity policies and allows nothing itself.
 *    Boundary and session policy limit identity allows and resource allows to a role ARN or "*"; a resource policy
 *    naming the exact IAM user ARN or the exact role-session ARN is not limited by them.
 * 3. Cross account: the identity side (limited by boundary and session policy) AND the resource policy must allow.
 * 4. kms: and sts:AssumeRole: see services.ts. The account root user is not limited by identity policies.
 */
import { compiledPolicy, resourceMatches, type CompiledPolicy, type CompiledStatement } from "./compile";
import { evalConditions, type Tri } from "./conditions";
import { buildContext, describePrincipal, type EvalContext, type PrincipalInfo } from "./context";
import { explainAll, type ConsideredPolicy } from "./explain";
import { matchPrincipal, PrincipalMatch } from "./match/principal";
import { serviceRuleFor, type ServiceRule } from "./services";
import type { Answer, AuthorizationQuestion, MatchedStatement, StatementExplanation } from "./types";

interface Hit {
  ref: string;
  st: CompiledStatement;
  tri: 1 | 2;
  pm: PrincipalMatch;
  keys: string[] | null;
}

const min = (a: Tri, b: Tri): Tri => (a < b ? a : b);
const max = (a: Tri, b: Tri): Tri => (a > b ? a : b);

function scan(
  cp: CompiledPolicy,
  ref: string,
  isResource: boolean,
  actionLower: string,
  resource: string,
  principal: PrincipalInfo,
  ctx: EvalContext,
  hits: Hit[],
) {
  const list = cp.candidates(actionLower);
  for (let i = 0; i < list.length; i++) {
    const st = list[i];
    const r = resourceMatches(st, resource, ctx, null);
    if (r === 0) continue;
    let pm = PrincipalMatch.Direct;
    if (isResource) {
      if (!st.principal) continue;
      const m = matchPrincipal(st.principal, principal);
      pm = st.notPrincipal ? (m === PrincipalMatch.None ? PrincipalMatch.Direct : PrincipalMatch.None) : m;
      if (pm === PrincipalMatch.None) continue;
    }
    const c = st.conditions.length ? evalConditions(st.conditions, ctx, null) : 2;
    if (c === 0) continue;
    const tri = min(r, c) as 1 | 2;
    let keys: string[] | null = null;
    if (tri === 1) {
      keys = [];
      resourceMatches(st, resource, ctx, keys);
      evalConditions(st.conditions, ctx, keys);
      keys = [...new Set(keys)];
    }
    hits.push({ ref, st, tri, pm, keys });
  }
}

function policyName(ref: string, rule: ServiceRule): string {
  if (ref.startsWith("identity:")) return `identity policy ${ref.slice(9)}`;
  if (ref === "boundary") return "permissions boundary";
  if (ref === "session") return "session policy";
  return rule.resourcePolicyName;
}

function describeHit(h: Hit, rule: ServiceRule): string {
  const sid = h.st.parsed.sid;
  return `${policyName(h.ref, rule)} statement ${h.st.index}${sid ? ` (Sid ${sid})` : ""}`;
}

function toMatched(h: Hit): MatchedStatement {
  const m: MatchedStatement = { policy: h.ref, statement: h.st.index, effect: h.st.deny ? "Deny" : "Allow" };
  if (h.st.parsed.sid !== undefined) m.sid = h.st.parsed.sid;
  if (h.tri === 1) m.undecided = true;
  return m;
}

function malformed(message: string): Answer {
  return { decision: "implicit-deny", reason: `malformed question: ${message}`, matched: [], unknownKeys: [], explanations: [] };
}

function withExplanations(ans: Answer, compute: () => StatementExplanation[]): Answer {
  let cached: StatementExplanation[] | undefined;
  Object.defineProperty(ans, "explanations", {
    enumerable: true,
    configurable: true,
    get() {
      if (!cached) cached = compute();
      return cached;
    },
    set(v: StatementExplanation[]) {
      Object.defineProperty(ans, "explanations", { value: v, enumerable: true, configurable: true, writable: true });
    },
  });
  return ans;
}

function evaluateInner(q: AuthorizationQuestion): Answer {
  if (typeof q !== "object" || q === null) return malformed("the question must be an object");
  const req = q.request;
  if (typeof req !== "object" || req === null) return malformed("request is required");
  if (typeof req.action !== "string" || !req.action) return malformed("request.action is required");
  if (typeof req.resource !== "string") return malformed("request.resource is required");
  if (typeof req.principal !== "string" || !req.principal) return malformed("request.principal is required");

  const action = req.action;
  const actionLower = action.toLowerCase();
  const resource = req.resource;
  const principalAccount = typeof q.principalAccount === "string" && q.principalAccount ? q.principalAccount : "";
  const principal = describePrincipal(req.principal, principalAccount);
  const pAccount = principalAccount || principal.account;
  const rAccount = typeof q.resourceAccount === "string" && q.resourceAccount ? q.resourceAccount : pAccount;
  const sameAccount = pAccount === rAccount;
  const ctx = buildContext(req, principal);
  const rule = serviceRuleFor(actionLower);

  const considered: ConsideredPolicy[] = [];
  const ids = Array.isArray(q.identityPolicies) ? q.identityPolicies : [];
  for (let i = 0; i < ids.length; i++) considered.push({ ref: `identity:${i}`, policy: compiledPolicy(ids[i]), isResource: false });
  const hasBoundary = q.permissionsBoundary !== undefined && q.permissionsBoundary !== null;
  const hasSession = q.sessionPolicy !== undefined && q.sessionPolicy !== null;
  const hasResource = q.resourcePolicy !== undefined && q.resourcePolicy !== null;
  if (hasBoundary) considered.push({ ref: "boundary", policy: compiledPolicy(q.permissionsBoundary), isResource: false });
  if (hasSession) considered.push({ ref: "session", policy: compiledPolicy(q.sessionPolicy), isResource: false });
  if (hasResource) considered.push({ ref: "resource", policy: compiledPolicy(q.resourcePolicy), isResource: true });

  const hits: Hit[] = [];
  for (let i = 0; i < considered.length; i++) {
    const c = considered[i];
    scan(c.policy, c.ref, c.isResource, actionLower, resource, principal, ctx, hits);
  }

  let deny: Tri = 0;
  let id: Tri = principal.kind === "root" ? 2 : 0;
  let bnd: Tri = hasBoundary ? 0 : 2;
  let ses: Tri = hasSession ? 0 : 2;
  let rpDirect: Tri = 0;
  let rpExact: Tri = 0;
  let rpAccount: Tri = 0;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (h.st.deny) deny = max(deny, h.tri);
    else if (h.ref === "resource") {
      if (h.pm === PrincipalMatch.Exact) rpExact = max(rpExact, h.tri);
      else if (h.pm === PrincipalMatch.Direct) rpDirect = max(rpDirect, h.tri);
      else rpAccount = max(rpAccount, h.tri);
    } else if (h.ref === "boundary") bnd = max(bnd, h.tri);
    else if (h.ref === "session") ses = max(ses, h.tri);
    else id = max(id, h.tri);
  }
  const limit = min(bnd, ses);
  const idLim = min(id, limit);
  let allowed: Tri;
  if (rule.requiresResourcePolicy && !hasResource) allowed = 0;
  else if (!sameAccount) allowed = min(idLim, max(max(rpDirect, rpExact), rpAccount));
  else if (rule.kind === "default") allowed = max(max(idLim, min(rpDirect, limit)), rpExact);
  else allowed = max(max(min(rpDirect, limit), rpExact), min(rpAccount, idLim));

  const explain = () => explainAll(considered, actionLower, resource, principal, ctx);
  const on = `${action} on ${resource}`;
  const first = (pred: (h: Hit) => boolean) => hits.find(pred);

  if (deny === 2) {
    const denies = hits.filter((h) => h.st.deny && h.tri === 2);
    return withExplanations(
      { decision: "explicit-deny", reason: `explicitly denied by ${describeHit(denies[0], rule)}`, matched: denies.map(toMatched), unknownKeys: [] },
      explain,
    );
  }

  if (allowed === 2 && deny === 0) {
    const allows = hits.filter((h) => !h.st.deny && h.tri === 2);
    const idHit = first((h) => !h.st.deny && h.tri === 2 && h.ref.startsWith("identity:"));
    const rpHit = (pm: PrincipalMatch) => first((h) => !h.st.deny && h.tri === 2 && h.ref === "resource" && h.pm === pm);
    const direct = rpHit(PrincipalMatch.Exact) ?? rpHit(PrincipalMatch.Direct);
    const acct = rpHit(PrincipalMatch.Account);
    const idPart = idHit ? describeHit(idHit, rule) : principal.kind === "root" ? "the account root user" : "an identity policy";
    let reason: string;
    if (!sameAccount) reason = `allowed by ${idPart} and ${describeHit((direct ?? acct)!, rule)} (cross-account: both sides allow)`;
    else if (rule.kind === "default") reason = idLim === 2 ? `allowed by ${idPart}` : `allowed by ${describeHit(direct!, rule)}`;
    else if (direct && (rpExact === 2 || min(rpDirect, limit) === 2)) reason = `allowed by ${describeHit(direct, rule)}`;
    else reason = `allowed by ${describeHit(acct!, rule)} (it delegates to IAM policies) and ${idPart}`;
    return withExplanations({ decision: "allow", reason, matched: allows.map(toMatched), unknownKeys: [] }, explain);
  }

  if (allowed === 0) {
    const matched = hits.filter((h) => (!h.st.deny && h.tri === 2) || (h.st.deny && h.tri === 1)).map(toMatched);
    return withExplanations(
      { decision: "implicit-deny", reason: implicitReason(), matched, unknownKeys: [] },
      explain,
    );
  }

  // Undecided: collect the unknown keys of the undecided statements that could change the outcome.
  const keys = new Set<string>();
  const undecided = hits.filter((h) => h.tri === 1 && (h.st.deny ? deny === 1 : allowed === 1));
  for (const h of undecided) for (const k of h.keys ?? []) keys.add(k);
  const names = [...keys];
  return withExplanations(
    {
      decision: "unknown",
      reason: `undecided: the answer depends on ${names.join(", ") || "an unknown key"}, used by ${undecided.map((h) => describeHit(h, rule)).join(", ")}`,
      matched: hits.map(toMatched),
      unknownKeys: names,
    },
    explain,
  );

  function implicitReason(): string {
    const pr = req.principal;
    if (rule.requiresResourcePolicy && !hasResource) {
      return rule.kind === "kms"
        ? `implicitly denied: ${action} needs the KMS key policy, and none was given (a KMS key is usable only when its key policy allows it)`
        : `implicitly denied: ${action} needs the role's trust policy, and none was given`;
    }
    const limits = () => {
      if (bnd === 0 && (id > 0 || rpDirect > 0)) return `implicitly denied: no permissions boundary allows ${on}`;
      if (ses === 0 && (id > 0 || rpDirect > 0)) return `implicitly denied: no session policy allows ${on}`;
      return null;
    };
    if (!sameAccount) {
      if (idLim === 0) return limits() ?? `implicitly denied: no identity policy allows ${on}`;
      return `implicitly denied: ${pr} is in account ${pAccount} and the resource in account ${rAccount}, so the ${rule.resourcePolicyName} must allow too, and no ${rule.resourcePolicyName} statement allows ${on} for this principal`;
    }
    if (rule.kind === "default") {
      return limits() ?? `implicitly denied: no identity policy allows ${on}${hasResource ? ` and no ${rule.resourcePolicyName} statement allows it for this principal` : ""}`;
    }
    if (rpDirect === 0 && rpExact === 0 && rpAccount === 0) {
      return rule.kind === "kms"
        ? `implicitly denied: the key policy allows ${action} to ${pr} neither directly nor through the account-root statement (an identity policy alone cannot grant access to a KMS key)`
        : `implicitly denied: the trust policy does not allow ${pr} to call ${action}`;
    }
    return limits() ?? `implicitly denied: the ${rule.resourcePolicyName} delegates to IAM policies (account-root statement), but no identity policy allows ${on}`;
  }
}

/**
 * Answers one authorization question. Synchronous, pure, never throws: a malformed policy matches nothing, a
 * malformed question is implicitly denied with a reason starting "malformed question". `explanations` is computed
 * on first access.
 */
export function evaluate(q: AuthorizationQuestion): Answer {
  try {
    return evaluateInner(q);
  } catch (e) {
    return {
      decision: "implicit-deny",
      reason: `could not evaluate the question: ${e instanceof Error ? e.message : String(e)}`,
      matched: [],
      unknownKeys: [],
      explanations: [],
    };
  }
}

export function evaluateMany(qs: AuthorizationQuestion[]): Answer[] {
  return Array.isArray(qs) ? qs.map(evaluate) : [];
}
