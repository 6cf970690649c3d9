/** String operators. `*`/`?` are wildcards only in StringLike / StringNotLike; values are case-sensitive unless IgnoreCase. */
import { codesToString } from "../variables";
import { compileCodes, globPrefixMatch } from "../wildcard";
import type { OperatorDef } from "./types";

const equals = (codes: number[]) => {
  const s = codesToString(codes);
  return (v: string) => v === s;
};
const equalsIc = (codes: number[]) => {
  const s = codesToString(codes).toLowerCase();
  return (v: string) => v.toLowerCase() === s;
};
const like = (codes: number[]) => compileCodes(codes);

/** A literal value against "prefix + at least one more character": it may equal some of them, never all. */
const equalsPrefix = (codes: number[], prefix: string) => {
  const s = codesToString(codes);
  return s.length > prefix.length && s.startsWith(prefix) ? 1 : 0;
};
const equalsPrefixIc = (codes: number[], prefix: string) => equalsPrefix(lowerCodes(codes), prefix.toLowerCase());
const likePrefix = (codes: number[], prefix: string) => globPrefixMatch(codes, prefix);
const lowerCodes = (codes: number[]) =>
  codes.map((c) => (c >= 0 ? String.fromCharCode(c).toLowerCase().charCodeAt(0) : c));

export const stringOperators: OperatorDef[] = [
  { name: "StringEquals", negated: false, variables: true, compile: equals, prefix: equalsPrefix },
  { name: "StringNotEquals", negated: true, variables: true, compile: equals, prefix: equalsPrefix },
  { name: "StringEqualsIgnoreCase", negated: false, variables: true, compile: equalsIc, prefix: equalsPrefixIc },
  { name: "StringNotEqualsIgnoreCase", negated: true, variables: true, compile: equalsIc, prefix: equalsPrefixIc },
  { name: "StringLike", negated: false, variables: true, compile: like, prefix: likePrefix },
  { name: "StringNotLike", negated: true, variables: true, compile: like, prefix: likePrefix },
];
