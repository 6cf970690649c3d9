/** Per-statement explanations: which parts of each statement matched the request, and which conditions failed. */
import { actionMatches, resourceMatches, type CompiledPolicy, type CompiledStatement } from "./compile";
import { evalCondition, type Tri } from "./conditions";
import type { EvalContext, PrincipalInfo } from "./context";
import type { Hit } from "./hits";
import { appliedTri, principalApplies } from "./match/principal";
import type { MatchResult, StatementExplanation } from "./types";

const TRI_NAME: readonly MatchResult[] = ["no-match", "unknown", "match"];

export interface ConsideredPolicy {
  ref: string;
  policy: CompiledPolicy;
  /** Resource policies check Principal; identity, boundary and session policies do not. */
  isResource: boolean;
}

/** What every statement of one question is explained against. */
export interface Asking {
  actionLower: string;
  resource: string;
  principal: PrincipalInfo;
  ctx: EvalContext;
  hasBoundary: boolean;
}

function explainStatement(st: CompiledStatement, ref: string, isResource: boolean, q: Asking): StatementExplanation {
  const a: Tri = actionMatches(st, q.actionLower) ? 2 : 0;
  const r = resourceMatches(st, q.resource, q.ctx, null);
  let p: Tri = 2;
  if (isResource) {
    p = st.principal
      ? appliedTri(principalApplies(st.principal, st.notPrincipal, st.deny, q.principal, q.hasBoundary))
      : 0;
  }
  let c: Tri = 2;
  const failed: NonNullable<StatementExplanation["failedConditions"]> = [];
  for (const cc of st.conditionsFor(q.ctx)) {
    const v = evalCondition(cc, q.ctx, null);
    if (v !== 2)
      failed.push(
        v === 1
          ? { operator: cc.parsed.operator, key: cc.parsed.key, undecided: true }
          : { operator: cc.parsed.operator, key: cc.parsed.key },
      );
    if (v < c) c = v;
  }
  const applies = Math.min(a, r, p, c) as Tri;
  const e: StatementExplanation = {
    policy: ref,
    statement: st.index,
    effect: st.deny ? "Deny" : "Allow",
    action: TRI_NAME[a],
    resource: TRI_NAME[r],
    principal: TRI_NAME[p],
    condition: TRI_NAME[c],
    applies: TRI_NAME[applies],
  };
  if (st.parsed.sid !== undefined) e.sid = st.parsed.sid;
  if (failed.length) e.failedConditions = failed;
  return e;
}

/** One record per well-formed statement of every policy considered, in order. */
export function explainAll(policies: ConsideredPolicy[], q: Asking): StatementExplanation[] {
  const out: StatementExplanation[] = [];
  for (const { ref, policy, isResource } of policies) {
    for (const st of policy.statements()) out.push(explainStatement(st, ref, isResource, q));
  }
  return out;
}

/**
 * The records of explainAll whose `applies` is not "no-match", in the same order, from the evaluation's hits: the
 * statements that apply or perhaps apply are exactly those it found (the scan tests action, resource, principal and
 * conditions as explainStatement does), and they were found policy by policy, in statement order. The other
 * statements are not explained at all.
 */
export function explainHits(hits: readonly Hit[], q: Asking): StatementExplanation[] {
  const out: StatementExplanation[] = [];
  let last: Hit | null = null;
  for (const h of hits) {
    // A statement that surely applies through a weaker principal match and perhaps also names the session is two hits.
    if (last && h.st === last.st && h.ref === last.ref) continue;
    last = h;
    const e = explainStatement(h.st, h.ref, h.ref === "resource", q);
    if (e.applies !== "no-match") out.push(e);
  }
  return out;
}
