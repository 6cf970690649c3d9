/**
 * Condition evaluation with three values: 2 = true, 1 = unknown (depends on a key of unknownKeys), 0 = false.
 * AWS rules encoded here (IAM User Guide, "IAM JSON policy elements: Condition operators" and "Single-valued vs.
 * multivalued context keys"):
 * - several values for one key are ORed; for a negated operator (StringNotEquals…) the key must match none of them;
 * - a key absent from the request: positive operators are false, negated operators true, …IfExists true,
 *   ForAllValues true, ForAnyValue false; Null:"true" is true;
 * - a key in unknownKeys is present with an unknown value: every operator on it is unknown, except Null (decided);
 *   a key of an unknown family (`aws:PrincipalTag/*`) may also be absent, so Null on it is unknown too;
 * - a partly known key (partialContext) is present: a condition on it is decided when every value it may have gives
 *   the same result (`oneOf`: each value is tried; `prefix`: String operators compare the pattern with every
 *   continuation of the prefix), and undecided otherwise; with `orAbsent` it may also be missing, which is one more
 *   possibility to agree with (and Null on it is undecided).
 */
import type { EvalContext } from "../context";
import type { ParsedCondition } from "../types";
import { parseTemplate, resolveTemplate, MISSING, UNKNOWN, type Template } from "../variables";
import { patternCodes } from "../wildcard";
import { arnOperators } from "./arn";
import { boolOperators } from "./bool";
import { dateOperators } from "./date";
import { ipOperators } from "./ip";
import { numericOperators } from "./numeric";
import { stringOperators } from "./string";
import type { OperatorDef, ValuePredicate } from "./types";
import { countLookup } from "../cache-stats";

export type Tri = 0 | 1 | 2;

export const OPERATORS: ReadonlyMap<string, OperatorDef> = new Map(
  [...stringOperators, ...numericOperators, ...dateOperators, ...boolOperators, ...ipOperators, ...arnOperators].map(
    (o) => [o.name, o],
  ),
);

export interface CompiledCondition {
  parsed: ParsedCondition;
  keyLower: string;
  op: OperatorDef | null;
  isNull: boolean;
  /** Per value: its template when it has `${…}` where policy variables apply, else null (compiled from its text). */
  templates: (Template | null)[];
  /** Compiled tests for values without variables (undefined for a value with variables; null = never matches). */
  preds: (ValuePredicate | null | undefined)[];
  hasVars: boolean;
  /** One-entry memo: the result for the last context evaluated (conditions are pure functions of the context). */
  memoCtx: EvalContext | null;
  memoResult: Tri;
}

const interned = new Map<string, CompiledCondition>();

/**
 * Compiles a condition entry. With `shared` (documents asked about again and again), identical entries (operator,
 * key, values) share one compiled object and its memo; without (a document seen once), the entry is compiled on its
 * own and nothing is kept.
 */
export function compileCondition(c: ParsedCondition, variablesEnabled: boolean, shared = true): CompiledCondition {
  if (!shared) return compileConditionRaw(c, variablesEnabled);
  const id = `${variablesEnabled ? 1 : 0}\u0000${c.operator}\u0000${c.key}\u0000${c.values.join("\u0001")}`;
  let cc = interned.get(id);
  countLookup("conditions", cc !== undefined);
  if (!cc) {
    cc = compileConditionRaw(c, variablesEnabled);
    if (interned.size > 20_000) interned.clear();
    interned.set(id, cc);
  }
  return cc;
}

function compileConditionRaw(c: ParsedCondition, variablesEnabled: boolean): CompiledCondition {
  const op = OPERATORS.get(c.baseOperator) ?? null;
  const variables = variablesEnabled && op !== null && op.variables;
  const n = c.values.length;
  const templates = new Array<Template | null>(n);
  const preds = new Array<ValuePredicate | null | undefined>(n);
  let hasVars = false;
  for (let i = 0; i < n; i++) {
    const v = c.values[i];
    const t = variables && v.includes("${") ? parseTemplate(v, true) : null;
    templates[i] = t;
    if (t?.parts) hasVars = true;
    preds[i] = !op ? null : !t ? op.compileText(v) : t.parts ? undefined : op.compile(t.codes);
  }
  return {
    parsed: c,
    keyLower: c.key.toLowerCase(),
    op,
    isNull: c.baseOperator === "Null",
    templates,
    preds,
    hasVars,
    memoCtx: null,
    memoResult: 0,
  };
}

/** Evaluates one condition entry. Unknown key names that made it undecided are pushed to `unknownOut`. */
export function evalCondition(c: CompiledCondition, ctx: EvalContext, unknownOut: string[] | null): Tri {
  if (unknownOut !== null) return evalConditionRaw(c, ctx, unknownOut);
  if (c.memoCtx === ctx) return c.memoResult;
  const r = evalConditionRaw(c, ctx, null);
  c.memoCtx = ctx;
  c.memoResult = r;
  return r;
}

function evalConditionRaw(c: CompiledCondition, ctx: EvalContext, unknownOut: string[] | null): Tri {
  const key = c.keyLower;
  if (c.isNull) {
    const orAbsent = ctx.partial(key)?.orAbsent === true;
    if (orAbsent || ctx.mayBeAbsent(key)) {
      if (unknownOut) unknownOut.push(orAbsent ? c.parsed.key : ctx.unknownName(key));
      return 1;
    }
    const present = ctx.isUnknown(key) || ctx.values(key) !== undefined || ctx.partial(key) !== undefined;
    for (const v of c.parsed.values) if ((v.toLowerCase() === "true") === !present) return 2;
    return 0;
  }
  const op = c.op;
  if (!op) return 0;
  if (ctx.isUnknown(key)) {
    if (unknownOut) unknownOut.push(ctx.unknownName(key));
    return 1;
  }
  const part = ctx.partial(key);
  if (part !== undefined) {
    let r = "oneOf" in part ? evalOneOf(c, ctx, part.oneOf, unknownOut) : evalPrefix(c, ctx, part.prefix, unknownOut);
    if (part.orAbsent && r !== 1 && evalValues(c, ctx, undefined, null) !== r) r = 1;
    if (r === 1 && unknownOut) unknownOut.push(c.parsed.key);
    return r;
  }
  return evalValues(c, ctx, ctx.values(key), unknownOut);
}

/** The policy-value tests, with templates that use variables resolved now (null: matches nothing). */
function resolvedPreds(
  c: CompiledCondition,
  ctx: EvalContext,
  unknownOut: string[] | null,
): { preds: (ValuePredicate | null | undefined)[]; undecided: boolean } {
  if (!c.hasVars) return { preds: c.preds, undecided: false };
  const preds = c.preds.slice();
  let undecided = false;
  for (let i = 0; i < preds.length; i++) {
    if (preds[i] !== undefined) continue;
    const t = c.templates[i]!;
    const r = resolveTemplate(t, ctx);
    if (r === UNKNOWN) {
      undecided = true;
      if (unknownOut)
        for (const k of t.keys) if (ctx.isUnknown(k) || ctx.partial(k)) unknownOut.push(ctx.unknownName(k));
      preds[i] = null;
    } else if (r === MISSING) preds[i] = null;
    else preds[i] = c.op!.compile(r);
  }
  return { preds, undecided };
}

/** The condition for the given context value(s) (undefined: the key is absent). */
function evalValues(
  c: CompiledCondition,
  ctx: EvalContext,
  values: string | string[] | undefined,
  unknownOut: string[] | null,
): Tri {
  const op = c.op!;
  const q = c.parsed.qualifier;
  if (values === undefined || (q !== null && typeof values !== "string" && values.length === 0)) {
    if (c.parsed.ifExists) return 2;
    if (q === "ForAllValues") return 2;
    if (q === "ForAnyValue") return 0;
    return op.negated ? 2 : 0;
  }
  const { preds, undecided } = resolvedPreds(c, ctx, unknownOut);
  // Per context value: does any policy value match it? (2 yes, 1 unknown, 0 no)
  // No qualifier: a positive operator needs one matching value, a negated one needs none.
  const neg = op.negated;
  const useAll = q === "ForAllValues" || (q === null && neg);
  let acc: Tri = useAll ? 2 : 0;
  const single = typeof values === "string";
  const n = single ? 1 : values.length;
  for (let i = 0; i < n; i++) {
    const v = single ? values : values[i];
    let r: Tri = undecided ? 1 : 0;
    for (let j = 0; j < preds.length; j++) {
      const p = preds[j];
      if (p && p(v)) {
        r = 2;
        break;
      }
    }
    if (neg) r = (2 - r) as Tri;
    if (useAll) {
      if (r < acc) acc = r;
      if (acc === 0) break;
    } else {
      if (r > acc) acc = r;
      if (acc === 2) break;
    }
  }
  return acc;
}

/** One of several values: decided when each gives the same result. */
function evalOneOf(c: CompiledCondition, ctx: EvalContext, oneOf: string[], unknownOut: string[] | null): Tri {
  let first: Tri | null = null;
  for (const v of oneOf) {
    const r = evalValues(c, ctx, v, unknownOut);
    if (r === 1) return 1;
    if (first === null) first = r;
    else if (r !== first) return 1;
  }
  return first ?? 1;
}

/** A value that starts with `prefix` and goes on with characters not known (a single value). */
function evalPrefix(c: CompiledCondition, ctx: EvalContext, prefix: string, unknownOut: string[] | null): Tri {
  const op = c.op!;
  if (!op.prefix) return 1;
  let r: Tri = 0;
  for (let i = 0; i < c.templates.length; i++) {
    const tpl = c.templates[i];
    const codes = tpl ? resolveTemplate(tpl, ctx) : patternCodes(c.parsed.values[i]);
    if (codes === UNKNOWN) {
      if (tpl && unknownOut)
        for (const k of tpl.keys) if (ctx.isUnknown(k) || ctx.partial(k)) unknownOut.push(ctx.unknownName(k));
      r = 1;
      continue;
    }
    if (codes === MISSING) continue;
    const t = op.prefix(codes, prefix);
    if (t > r) r = t;
    if (r === 2) break;
  }
  return op.negated ? ((2 - r) as Tri) : r;
}

/** AND of the condition entries of a statement (short-circuits on false). */
export function evalConditions(cs: CompiledCondition[], ctx: EvalContext, unknownOut: string[] | null): Tri {
  let acc: Tri = 2;
  for (let i = 0; i < cs.length; i++) {
    const r = evalCondition(cs[i], ctx, unknownOut);
    if (r === 0) return 0;
    if (r < acc) acc = r;
  }
  return acc;
}
