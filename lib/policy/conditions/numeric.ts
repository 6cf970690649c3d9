/** Numeric operators: integers or decimals; a value that is not a number never matches. */
import { codesToString } from "../variables";
import type { OperatorDef, ValuePredicate } from "./types";

function toNumber(s: string): number | null {
  const t = s.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  return Number(t);
}

/** compileText and compile of one comparison (the context value first, then the policy value). */
function make(test: (ctx: number, pol: number) => boolean) {
  const compileText = (text: string): ValuePredicate | null => {
    const p = toNumber(text);
    if (p === null) return null;
    return (v) => {
      const n = toNumber(v);
      return n !== null && test(n, p);
    };
  };
  return { compileText, compile: (codes: number[]) => compileText(codesToString(codes)) };
}

export const numericOperators: OperatorDef[] = [
  { name: "NumericEquals", negated: false, variables: false, ...make((a, b) => a === b) },
  { name: "NumericNotEquals", negated: true, variables: false, ...make((a, b) => a === b) },
  { name: "NumericLessThan", negated: false, variables: false, ...make((a, b) => a < b) },
  { name: "NumericLessThanEquals", negated: false, variables: false, ...make((a, b) => a <= b) },
  { name: "NumericGreaterThan", negated: false, variables: false, ...make((a, b) => a > b) },
  { name: "NumericGreaterThanEquals", negated: false, variables: false, ...make((a, b) => a >= b) },
];
