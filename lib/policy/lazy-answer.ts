/**
 * An answer whose `explanations` are worked out only when read: most callers need the decision alone, and explaining
 * every statement costs more than deciding.
 */
import type { Answer, MatchedStatement, StatementExplanation } from "./types";

/** What can explain an answer on demand (the evaluation that decided it). */
interface Explainer {
  /** Every statement's record, or (applyingOnly) those whose `applies` is not "no-match". */
  explain(applyingOnly?: boolean): StatementExplanation[];
}

const EVALUATION = Symbol("evaluation");
const EXPLANATIONS = Symbol("explanations");
type LazyAnswer = Answer & { [EVALUATION]?: Explainer; [EXPLANATIONS]?: StatementExplanation[] };

/** One shared accessor: explanations are computed on first access from the (hidden, non-enumerable) evaluation. */
const explanationsAccessor: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: LazyAnswer): StatementExplanation[] {
    let e = this[EXPLANATIONS];
    if (e === undefined) {
      e = this[EVALUATION]?.explain() ?? [];
      Object.defineProperty(this, EXPLANATIONS, { value: e, writable: true });
    }
    return e;
  },
  set(this: LazyAnswer, v: StatementExplanation[]) {
    Object.defineProperty(this, EXPLANATIONS, { value: v, writable: true });
  },
};
const hidden: PropertyDescriptor = { value: undefined, enumerable: false, writable: false, configurable: false };

/** The answer, a plain object whose `explanations` (own, enumerable: JSON and copies include it) is computed on first access. */
export function withExplanations(
  decision: Answer["decision"],
  reason: string,
  matched: MatchedStatement[],
  unknownKeys: string[],
  ev: Explainer,
): Answer {
  const a: Answer = { decision, reason, matched, unknownKeys };
  hidden.value = ev;
  Object.defineProperty(a, EVALUATION, hidden);
  hidden.value = undefined;
  Object.defineProperty(a, "explanations", explanationsAccessor);
  return a;
}

/**
 * The records of `answer.explanations` whose `applies` is "match" or "unknown", in the same order: the statements that
 * apply or may apply. Worked out without explaining the other statements when the explanations were not read yet.
 */
export function applyingExplanations(answer: Answer): StatementExplanation[] {
  const a = answer as LazyAnswer;
  const known = a[EXPLANATIONS];
  const ev = a[EVALUATION];
  if (known === undefined && ev) return ev.explain(true);
  return (answer.explanations ?? []).filter((e) => e.applies !== "no-match");
}
