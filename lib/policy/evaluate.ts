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
import { compiledPolicy } from "./compile";
import type { Tri } from "./conditions";
import { buildContext, describePrincipal, type EvalContext, type PrincipalInfo } from "./context";
import { explainAll, explainHits, type ConsideredPolicy } from "./explain";
import { describeHit, identityRef, scan, toMatched, uniqueMatched, type Hit } from "./hits";
import { withExplanations } from "./lazy-answer";
import { PrincipalMatch, SESSION_NAME_KEY } from "./match/principal";
import { serviceRuleFor, type ServiceRule } from "./services";
import type { Answer, AuthorizationQuestion, MatchedStatement, StatementExplanation } from "./types";

const describeKey = (k: string) =>
  k === SESSION_NAME_KEY ? `${k} (the role session name, chosen by whoever assumes the role)` : k;

function malformed(message: string): Answer {
  return {
    decision: "implicit-deny",
    reason: `malformed question: ${message}`,
    matched: [],
    unknownKeys: [],
    explanations: [],
  };
}

/** Everything one evaluation works out; the explanations are computed from it on demand. */
class Evaluation {
  hits: Hit[] = [];
  deny: Tri = 0;
  id: Tri = 0;
  bnd: Tri = 2;
  ses: Tri = 2;
  rpDirect: Tri = 0;
  rpExact: Tri = 0;
  rpAccount: Tri = 0;
  limit: Tri = 2;
  idLim: Tri = 0;
  allowed: Tri = 0;
  sameAccount: boolean;
  rule: ServiceRule;
  hasBoundary: boolean;
  hasSession: boolean;
  hasResource: boolean;

  constructor(
    readonly q: AuthorizationQuestion,
    readonly action: string,
    readonly actionLower: string,
    readonly resource: string,
    readonly principal: PrincipalInfo,
    readonly pAccount: string,
    readonly rAccount: string,
    readonly ctx: EvalContext,
  ) {
    this.sameAccount = pAccount === rAccount;
    this.rule = serviceRuleFor(actionLower);
    this.hasBoundary = q.permissionsBoundary !== undefined && q.permissionsBoundary !== null;
    this.hasSession = q.sessionPolicy !== undefined && q.sessionPolicy !== null;
    this.hasResource = q.resourcePolicy !== undefined && q.resourcePolicy !== null;
  }

  considered(): ConsideredPolicy[] {
    const q = this.q;
    const out: ConsideredPolicy[] = [];
    const ids = Array.isArray(q.identityPolicies) ? q.identityPolicies : [];
    for (let i = 0; i < ids.length; i++)
      out.push({ ref: identityRef(i), policy: compiledPolicy(ids[i]), isResource: false });
    if (this.hasBoundary)
      out.push({ ref: "boundary", policy: compiledPolicy(q.permissionsBoundary), isResource: false });
    if (this.hasSession) out.push({ ref: "session", policy: compiledPolicy(q.sessionPolicy), isResource: false });
    if (this.hasResource) out.push({ ref: "resource", policy: compiledPolicy(q.resourcePolicy), isResource: true });
    return out;
  }

  run(): Answer {
    const q = this.q;
    const { actionLower, resource, principal, ctx, hits } = this;
    const ids = Array.isArray(q.identityPolicies) ? q.identityPolicies : [];
    for (let i = 0; i < ids.length; i++)
      scan(compiledPolicy(ids[i]), identityRef(i), false, actionLower, resource, principal, ctx, hits, false);
    const hb = this.hasBoundary;
    if (hb)
      scan(compiledPolicy(q.permissionsBoundary), "boundary", false, actionLower, resource, principal, ctx, hits, hb);
    if (this.hasSession)
      scan(compiledPolicy(q.sessionPolicy), "session", false, actionLower, resource, principal, ctx, hits, hb);
    if (this.hasResource)
      scan(compiledPolicy(q.resourcePolicy), "resource", true, actionLower, resource, principal, ctx, hits, hb);

    let deny: Tri = 0;
    let id: Tri = principal.kind === "root" ? 2 : 0;
    let bnd: Tri = this.hasBoundary ? 0 : 2;
    let ses: Tri = this.hasSession ? 0 : 2;
    let rpDirect: Tri = 0;
    let rpExact: Tri = 0;
    let rpAccount: Tri = 0;
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i];
      const t = h.tri;
      if (h.st.deny) {
        if (t > deny) deny = t;
      } else if (h.ref === "resource") {
        if (h.pm === PrincipalMatch.Exact) {
          if (t > rpExact) rpExact = t;
        } else if (h.pm === PrincipalMatch.Direct) {
          if (t > rpDirect) rpDirect = t;
        } else if (t > rpAccount) rpAccount = t;
      } else if (h.ref === "boundary") {
        if (t > bnd) bnd = t;
      } else if (h.ref === "session") {
        if (t > ses) ses = t;
      } else if (t > id) id = t;
    }
    const limit = min(bnd, ses);
    const idLim = min(id, limit);
    const rule = this.rule;
    let allowed: Tri;
    if (rule.requiresResourcePolicy && !this.hasResource) allowed = 0;
    else if (!this.sameAccount) allowed = min(idLim, max(max(rpDirect, rpExact), rpAccount));
    else if (rule.kind === "default") allowed = max(max(idLim, min(rpDirect, limit)), rpExact);
    else allowed = max(max(min(rpDirect, limit), rpExact), min(rpAccount, idLim));
    this.deny = deny;
    this.id = id;
    this.bnd = bnd;
    this.ses = ses;
    this.rpDirect = rpDirect;
    this.rpExact = rpExact;
    this.rpAccount = rpAccount;
    this.limit = limit;
    this.idLim = idLim;
    this.allowed = allowed;

    if (deny === 2) return this.answer("explicit-deny", this.denyReason(), this.pick(true, 2), []);
    if (allowed === 2 && deny === 0) return this.answer("allow", this.allowReason(), this.pick(false, 2), []);
    if (allowed === 0) {
      const matched: MatchedStatement[] = [];
      for (const h of hits) if ((!h.st.deny && h.tri === 2) || (h.st.deny && h.tri === 1)) matched.push(toMatched(h));
      return this.answer("implicit-deny", this.implicitReason(), uniqueMatched(matched), []);
    }
    // Undecided: the unknown keys of the undecided statements that could change the outcome.
    const keys = new Set<string>();
    const undecided = hits.filter((h) => h.tri === 1 && (h.st.deny ? deny === 1 : allowed === 1));
    for (const h of undecided) for (const k of h.keys ?? []) keys.add(k);
    const names = [...keys];
    const used = [...new Set(undecided.map((h) => describeHit(h, rule)))];
    return this.answer(
      "unknown",
      `undecided: the answer depends on ${names.map(describeKey).join(", ") || "an unknown key"}, used by ${used.join(", ")}`,
      uniqueMatched(hits.map(toMatched)),
      names,
    );
  }

  /** The hits of one effect that surely apply. */
  private pick(deny: boolean, tri: 1 | 2): MatchedStatement[] {
    const out: MatchedStatement[] = [];
    for (const h of this.hits) if (h.st.deny === deny && h.tri === tri) out.push(toMatched(h));
    return uniqueMatched(out);
  }

  private firstHit(ref: "identity" | "resource", pm?: PrincipalMatch): Hit | undefined {
    for (const h of this.hits) {
      if (h.st.deny || h.tri !== 2) continue;
      if (ref === "identity" ? h.ref.startsWith("identity:") : h.ref === "resource" && h.pm === pm) return h;
    }
    return undefined;
  }

  private answer(
    decision: Answer["decision"],
    reason: string,
    matched: MatchedStatement[],
    unknownKeys: string[],
  ): Answer {
    return withExplanations(decision, reason, matched, unknownKeys, this);
  }

  /** Every statement's record, or (applyingOnly) those that apply or perhaps apply, from the hits. */
  explain(applyingOnly = false): StatementExplanation[] {
    return applyingOnly ? explainHits(this.hits, this) : explainAll(this.considered(), this);
  }

  private denyReason(): string {
    for (const h of this.hits) if (h.st.deny && h.tri === 2) return `explicitly denied by ${describeHit(h, this.rule)}`;
    return "explicitly denied";
  }

  private allowReason(): string {
    const rule = this.rule;
    const idHit = this.firstHit("identity");
    const direct = this.firstHit("resource", PrincipalMatch.Exact) ?? this.firstHit("resource", PrincipalMatch.Direct);
    const acct = this.firstHit("resource", PrincipalMatch.Account);
    const idPart = idHit
      ? describeHit(idHit, rule)
      : this.principal.kind === "root"
        ? "the account root user"
        : "an identity policy";
    if (!this.sameAccount)
      return `allowed by ${idPart} and ${describeHit((direct ?? acct)!, rule)} (cross-account: both sides allow)`;
    if (rule.kind === "default")
      return this.idLim === 2 ? `allowed by ${idPart}` : `allowed by ${describeHit(direct!, rule)}`;
    if (direct && (this.rpExact === 2 || min(this.rpDirect, this.limit) === 2))
      return `allowed by ${describeHit(direct, rule)}`;
    return `allowed by ${describeHit(acct!, rule)} (it delegates to IAM policies) and ${idPart}`;
  }

  private implicitReason(): string {
    const { rule, action, q } = this;
    const on = `${action} on ${this.resource}`;
    const pr = q.request.principal;
    if (rule.requiresResourcePolicy && !this.hasResource) {
      return rule.kind === "kms"
        ? `implicitly denied: ${action} needs the KMS key policy, and none was given (a KMS key is usable only when its key policy allows it)`
        : `implicitly denied: ${action} needs the role's trust policy, and none was given`;
    }
    let limits: string | null = null;
    if (this.bnd === 0 && (this.id > 0 || this.rpDirect > 0))
      limits = `implicitly denied: no permissions boundary allows ${on}`;
    else if (this.ses === 0 && (this.id > 0 || this.rpDirect > 0))
      limits = `implicitly denied: no session policy allows ${on}`;
    if (!this.sameAccount) {
      if (this.idLim === 0) return limits ?? `implicitly denied: no identity policy allows ${on}`;
      return `implicitly denied: ${pr} is in account ${this.pAccount} and the resource in account ${this.rAccount}, so the ${rule.resourcePolicyName} must allow too, and no ${rule.resourcePolicyName} statement allows ${on} for this principal`;
    }
    if (rule.kind === "default") {
      return (
        limits ??
        `implicitly denied: no identity policy allows ${on}${this.hasResource ? ` and no ${rule.resourcePolicyName} statement allows it for this principal` : ""}`
      );
    }
    if (this.rpDirect === 0 && this.rpExact === 0 && this.rpAccount === 0) {
      return rule.kind === "kms"
        ? `implicitly denied: the key policy allows ${action} to ${pr} neither directly nor through the account-root statement (an identity policy alone cannot grant access to a KMS key)`
        : `implicitly denied: the trust policy does not allow ${pr} to call ${action}`;
    }
    return (
      limits ??
      `implicitly denied: the ${rule.resourcePolicyName} delegates to IAM policies (account-root statement), but no identity policy allows ${on}`
    );
  }
}

const min = (a: Tri, b: Tri): Tri => (a < b ? a : b);
const max = (a: Tri, b: Tri): Tri => (a > b ? a : b);

const lowered = new Map<string, string>();

/** The lower-cased action, always the same string object for the same action (so that lookups by it stay cheap). */
function lowerAction(action: string): string {
  let l = lowered.get(action);
  if (l === undefined) {
    l = action.toLowerCase();
    const known = lowered.get(l);
    if (known !== undefined) l = known;
    if (lowered.size > 10_000) lowered.clear();
    lowered.set(action, l);
    lowered.set(l, l);
  }
  return l;
}

function evaluateInner(q: AuthorizationQuestion): Answer {
  if (typeof q !== "object" || q === null) return malformed("the question must be an object");
  const req = q.request;
  if (typeof req !== "object" || req === null) return malformed("request is required");
  if (typeof req.action !== "string" || !req.action) return malformed("request.action is required");
  if (typeof req.resource !== "string") return malformed("request.resource is required");
  if (typeof req.principal !== "string" || !req.principal) return malformed("request.principal is required");
  const principalAccount = typeof q.principalAccount === "string" ? q.principalAccount : "";
  const principal = describePrincipal(req.principal, principalAccount);
  const pAccount = principalAccount || principal.account;
  const rAccount = typeof q.resourceAccount === "string" && q.resourceAccount ? q.resourceAccount : pAccount;
  const ctx = buildContext(req, principal);
  return new Evaluation(q, req.action, lowerAction(req.action), req.resource, principal, pAccount, rAccount, ctx).run();
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
