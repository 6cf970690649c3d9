/**
 * The statements that apply to one request (hits), found policy by policy, and how a hit is named in an answer: the
 * scanning half of evaluate.ts, which tallies the hits into the decision.
 */
import { resourceMatches, type CompiledPolicy, type CompiledStatement } from "./compile";
import { evalConditions } from "./conditions";
import type { EvalContext, PrincipalInfo } from "./context";
import {
  appliedMatch,
  appliedMaybeExact,
  appliedTri,
  principalApplies,
  PrincipalMatch,
  SESSION_NAME_KEY,
} from "./match/principal";
import type { ServiceRule } from "./services";
import type { MatchedStatement } from "./types";

/** A statement that applies surely (tri 2) or perhaps (tri 1, with the unknown keys it depends on). */
export class Hit {
  constructor(
    readonly ref: string,
    readonly st: CompiledStatement,
    readonly tri: 1 | 2,
    readonly pm: PrincipalMatch,
    readonly keys: string[] | null,
  ) {}
}

const IDENTITY_REFS = Array.from({ length: 64 }, (_, i) => `identity:${i}`);
export const identityRef = (i: number) => (i < 64 ? IDENTITY_REFS[i] : `identity:${i}`);

/** Adds to `hits` the statements of one policy that apply to the request (a resource policy: to this principal). */
export function scan(
  cp: CompiledPolicy,
  ref: string,
  isResource: boolean,
  actionLower: string,
  resource: string,
  principal: PrincipalInfo,
  ctx: EvalContext,
  hits: Hit[],
  hasBoundary: boolean,
) {
  const list = cp.candidates(actionLower, resource);
  for (let i = 0; i < list.length; i++) {
    const st = list[i];
    const r = st.lastResource === resource ? st.lastResourceResult : resourceMatches(st, resource, ctx, null);
    if (r === 0) continue;
    let pm = PrincipalMatch.Direct;
    let pt: 0 | 1 | 2 = 2;
    let maybeExact = false;
    if (isResource) {
      if (st.principal === null) continue;
      const v = principalApplies(st.principal, st.notPrincipal, st.deny, principal, hasBoundary);
      pt = appliedTri(v);
      if (pt === 0) continue;
      pm = appliedMatch(v);
      maybeExact = appliedMaybeExact(v);
    }
    const conditions = st.conditionsFor(ctx);
    const c = conditions.length ? evalConditions(conditions, ctx, null) : 2;
    if (c === 0) continue;
    const rc = (r < c ? r : c) as 1 | 2;
    const tri = (rc < pt ? rc : pt) as 1 | 2;
    hits.push(new Hit(ref, st, tri, pm, tri === 1 ? undecidedKeys(st, resource, ctx, pt === 1) : null));
    // The statement surely applies through a weaker match (role ARN, "*") and perhaps also names this session.
    if (maybeExact) hits.push(new Hit(ref, st, 1, PrincipalMatch.Exact, undecidedKeys(st, resource, ctx, true)));
  }
}

/** The unknown keys a statement's outcome depends on (the session name when its principal match does). */
function undecidedKeys(st: CompiledStatement, resource: string, ctx: EvalContext, session: boolean): string[] {
  const keys: string[] = [];
  resourceMatches(st, resource, ctx, keys);
  evalConditions(st.conditionsFor(ctx), ctx, keys);
  if (session) keys.push(SESSION_NAME_KEY);
  return [...new Set(keys)];
}

function policyName(ref: string, rule: ServiceRule): string {
  if (ref.startsWith("identity:")) return `identity policy ${ref.slice(9)}`;
  if (ref === "boundary") return "permissions boundary";
  if (ref === "session") return "session policy";
  return rule.resourcePolicyName;
}

export function describeHit(h: Hit, rule: ServiceRule): string {
  const sid = h.st.parsed.sid;
  return `${policyName(h.ref, rule)} statement ${h.st.index}${sid ? ` (Sid ${sid})` : ""}`;
}

export function toMatched(h: Hit): MatchedStatement {
  const m: MatchedStatement = { policy: h.ref, statement: h.st.index, effect: h.st.deny ? "Deny" : "Allow" };
  if (h.st.parsed.sid !== undefined) m.sid = h.st.parsed.sid;
  if (h.tri === 1) m.undecided = true;
  return m;
}

/** One entry per statement: a statement matched surely and perhaps also through a session name keeps its sure entry. */
export function uniqueMatched(list: MatchedStatement[]): MatchedStatement[] {
  const out: MatchedStatement[] = [];
  for (const m of list) {
    const i = out.findIndex((x) => x.policy === m.policy && x.statement === m.statement);
    if (i < 0) out.push(m);
    else if (out[i].undecided && !m.undecided) out[i] = m;
  }
  return out;
}
