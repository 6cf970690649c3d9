/** String operators. `*`/`?` are wildcards only in StringLike / StringNotLike; values are case-sensitive unless IgnoreCase. */
import { globRange } from "../match/direct";
import { codesToString } from "../variables";
import { compileCodes, globPrefixMatch } from "../wildcard";
import type { OperatorDef, ValuePredicate } from "./types";

const equals =
  (s: string): ValuePredicate =>
  (v) =>
    v === s;
const equalsIc = (text: string): ValuePredicate => {
  const s = text.toLowerCase();
  return (v) => v.toLowerCase() === s;
};
const likeText =
  (p: string): ValuePredicate =>
  (v) =>
    globRange(p, 0, p.length, v, 0, v.length, false);
const fromCodes = (f: (text: string) => ValuePredicate) => (codes: number[]) => f(codesToString(codes));

/** A literal value against "prefix + at least one more character": it may equal some of them, never all. */
const equalsPrefix = (codes: number[], prefix: string) => {
  const s = codesToString(codes);
  return s.length > prefix.length && s.startsWith(prefix) ? 1 : 0;
};
const equalsPrefixIc = (codes: number[], prefix: string) => equalsPrefix(lowerCodes(codes), prefix.toLowerCase());
const likePrefix = (codes: number[], prefix: string) => globPrefixMatch(codes, prefix);
const lowerCodes = (codes: number[]) =>
  codes.map((c) => (c >= 0 ? String.fromCharCode(c).toLowerCase().charCodeAt(0) : c));

const EQUALS = { compileText: equals, compile: fromCodes(equals), prefix: equalsPrefix };
const EQUALS_IC = { compileText: equalsIc, compile: fromCodes(equalsIc), prefix: equalsPrefixIc };
const LIKE = { compileText: likeText, compile: compileCodes, prefix: likePrefix };

export const stringOperators: OperatorDef[] = [
  { name: "StringEquals", negated: false, variables: true, ...EQUALS },
  { name: "StringNotEquals", negated: true, variables: true, ...EQUALS },
  { name: "StringEqualsIgnoreCase", negated: false, variables: true, ...EQUALS_IC },
  { name: "StringNotEqualsIgnoreCase", negated: true, variables: true, ...EQUALS_IC },
  { name: "StringLike", negated: false, variables: true, ...LIKE },
  { name: "StringNotLike", negated: true, variables: true, ...LIKE },
];
