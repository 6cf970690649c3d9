/** Per-statement explanations: which parts of each statement matched the request, and which conditions failed. */
import { actionMatches, resourceMatches, type CompiledPolicy } from "./compile";
import { evalCondition, type Tri } from "./conditions";
import type { EvalContext, PrincipalInfo } from "./context";
import { appliedTri, principalApplies } from "./match/principal";
import type { MatchResult, StatementExplanation } from "./types";

const TRI_NAME: readonly MatchResult[] = ["no-match", "unknown", "match"];

export interface ConsideredPolicy {
  ref: string;
  policy: CompiledPolicy;
  /** Resource policies check Principal; identity, boundary and session policies do not. */
  isResource: boolean;
}

/**
 * One record per well-formed statement, in order. With `applyingOnly`, only the records whose `applies` is not
 * "no-match" (the same records, in the same order): a statement whose action, resource or principal rules it out is
 * left as soon as that is known, so that asking which statements apply costs little more than deciding.
 */
export function explainAll(
  policies: ConsideredPolicy[],
  actionLower: string,
  resource: string,
  principal: PrincipalInfo,
  ctx: EvalContext,
  hasBoundary: boolean,
  applyingOnly = false,
): StatementExplanation[] {
  const out: StatementExplanation[] = [];
  for (const { ref, policy, isResource } of policies) {
    for (const st of policy.statements()) {
      const a: Tri = actionMatches(st, actionLower) ? 2 : 0;
      if (applyingOnly && a === 0) continue;
      const r = resourceMatches(st, resource, ctx, null);
      if (applyingOnly && r === 0) continue;
      let p: Tri = 2;
      if (isResource) {
        p = st.principal
          ? appliedTri(principalApplies(st.principal, st.notPrincipal, st.deny, principal, hasBoundary))
          : 0;
        if (applyingOnly && p === 0) continue;
      }
      let c: Tri = 2;
      const failed: NonNullable<StatementExplanation["failedConditions"]> = [];
      for (const cc of st.conditionsFor(ctx)) {
        const v = evalCondition(cc, ctx, null);
        if (v !== 2)
          failed.push(
            v === 1
              ? { operator: cc.parsed.operator, key: cc.parsed.key, undecided: true }
              : { operator: cc.parsed.operator, key: cc.parsed.key },
          );
        if (v < c) c = v;
      }
      const applies = Math.min(a, r, p, c) as Tri;
      if (applyingOnly && applies === 0) continue;
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
      out.push(e);
    }
  }
  return out;
}
