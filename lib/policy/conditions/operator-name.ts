/** Condition operator names: `[ForAllValues:|ForAnyValue:]<Operator>[IfExists]`. Matched case-insensitively. */
import { countLookup } from "../cache-stats";

const BASE_OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "Bool",
  "BinaryEquals",
  "IpAddress",
  "NotIpAddress",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
  "Null",
] as const;

const canonical = new Map(BASE_OPERATORS.map((o) => [o.toLowerCase(), o as string]));

function isKnownOperator(base: string): boolean {
  return canonical.has(base.toLowerCase());
}

export interface OperatorParts {
  qualifier: "ForAllValues" | "ForAnyValue" | null;
  baseOperator: string;
  ifExists: boolean;
}

const known = new Map<string, OperatorParts | null>();

/**
 * splitOperator of a known operator (null for an unknown one), remembered per spelling: operator names are a small
 * vocabulary shared by every document, so this is a lookup table, not a cache of documents.
 */
export function knownOperator(op: string): OperatorParts | null {
  let r = known.get(op);
  countLookup("operators", r !== undefined);
  if (r === undefined) {
    const parts = splitOperator(op);
    r = parts && isKnownOperator(parts.baseOperator) ? parts : null;
    if (known.size >= 1000) known.clear();
    known.set(op, r);
  }
  return r;
}

/** Splits an operator into qualifier, base (canonical spelling when known) and IfExists; null when empty. */
function splitOperator(op: string): OperatorParts | null {
  let rest = op.trim();
  let qualifier: "ForAllValues" | "ForAnyValue" | null = null;
  const lower = rest.toLowerCase();
  if (lower.startsWith("forallvalues:")) {
    qualifier = "ForAllValues";
    rest = rest.slice(13);
  } else if (lower.startsWith("foranyvalue:")) {
    qualifier = "ForAnyValue";
    rest = rest.slice(12);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith("ifexists")) {
    ifExists = true;
    rest = rest.slice(0, -8);
  }
  if (!rest) return null;
  return { qualifier, baseOperator: canonical.get(rest.toLowerCase()) ?? rest, ifExists };
}
