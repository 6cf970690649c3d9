/** String operators. `*`/`?` are wildcards only in StringLike / StringNotLike; values are case-sensitive unless IgnoreCase. */
import { codesToString } from "../variables";
import { compileCodes } from "../wildcard";
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

export const stringOperators: OperatorDef[] = [
  { name: "StringEquals", negated: false, variables: true, compile: equals },
  { name: "StringNotEquals", negated: true, variables: true, compile: equals },
  { name: "StringEqualsIgnoreCase", negated: false, variables: true, compile: equalsIc },
  { name: "StringNotEqualsIgnoreCase", negated: true, variables: true, compile: equalsIc },
  { name: "StringLike", negated: false, variables: true, compile: like },
  { name: "StringNotLike", negated: true, variables: true, compile: like },
];
