/** Date operators: ISO 8601 dates/times (e.g. 2026-01-01T00:00:00Z) or epoch seconds. */
import { codesToString } from "../variables";
import type { OperatorDef, ValuePredicate } from "./types";

/** Milliseconds since the epoch, or null when the text is not a date. */
function toDate(s: string): number | null {
  const t = s.trim();
  if (/^-?\d+$/.test(t)) return Number(t) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : ms;
}

/** compileText and compile of one comparison (the context value first, then the policy value). */
function make(test: (ctx: number, pol: number) => boolean) {
  const compileText = (text: string): ValuePredicate | null => {
    const p = toDate(text);
    if (p === null) return null;
    return (v) => {
      const n = toDate(v);
      return n !== null && test(n, p);
    };
  };
  return { compileText, compile: (codes: number[]) => compileText(codesToString(codes)) };
}

export const dateOperators: OperatorDef[] = [
  { name: "DateEquals", negated: false, variables: false, ...make((a, b) => a === b) },
  { name: "DateNotEquals", negated: true, variables: false, ...make((a, b) => a === b) },
  { name: "DateLessThan", negated: false, variables: false, ...make((a, b) => a < b) },
  { name: "DateLessThanEquals", negated: false, variables: false, ...make((a, b) => a <= b) },
  { name: "DateGreaterThan", negated: false, variables: false, ...make((a, b) => a > b) },
  { name: "DateGreaterThanEquals", negated: false, variables: false, ...make((a, b) => a >= b) },
];
