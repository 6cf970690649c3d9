/**
 * Policies are parsed and compiled once and cached by object identity (a WeakMap): treat policy documents passed to
 * the engine as immutable (build a new object to change one).
 */
import { compileArnCodes, compileArnPattern } from "./arn";
import { compileCondition, type CompiledCondition } from "./conditions";
import type { EvalContext } from "./context";
import { compilePrincipal, type CompiledPrincipal } from "./match/principal";
import { parsePolicy } from "./parse-policy";
import type { ParsedPolicy, ParsedStatement } from "./types";
import { parseTemplate, resolveTemplate, MISSING, UNKNOWN, type Template } from "./variables";
import { compileWildcard, type Matcher } from "./wildcard";

export interface CompiledResource {
  template: Template;
  /** Compiled when the pattern has no variable. */
  matcher: Matcher | null;
}

export interface CompiledStatement {
  parsed: ParsedStatement;
  index: number;
  deny: boolean;
  actionMatchers: Matcher[];
  notAction: boolean;
  /** null: no Resource/NotResource element (trust policies): any resource. */
  resources: CompiledResource[] | null;
  notResource: boolean;
  principal: CompiledPrincipal | null;
  notPrincipal: boolean;
  conditions: CompiledCondition[];
  /** No Resource pattern uses a policy variable. */
  staticResources: boolean;
  lastResource: string | null;
  lastResourceResult: 0 | 1 | 2;
}

export interface CompiledPolicy {
  parsed: ParsedPolicy;
  statements: CompiledStatement[];
  /** Statements whose Action/NotAction matches a (lower-cased) action; computed once per action. */
  candidates(actionLower: string): CompiledStatement[];
}

const EMPTY: CompiledPolicy = { parsed: { statements: [] }, statements: [], candidates: () => [] };

function compileStatement(s: ParsedStatement, vars: boolean): CompiledStatement {
  const st = compileStatementRaw(s, vars);
  st.staticResources = st.resources !== null && st.resources.every((r) => r.matcher !== null);
  return st;
}

function compileStatementRaw(s: ParsedStatement, vars: boolean): CompiledStatement {
  const actions = s.action ?? s.notAction ?? [];
  const res = s.resource ?? s.notResource ?? null;
  const pr = s.principal ?? s.notPrincipal ?? null;
  return {
    parsed: s,
    index: s.index,
    deny: s.effect === "Deny",
    actionMatchers: actions.map((a) => compileWildcard(a, true)),
    notAction: !s.action,
    resources: res
      ? res.map((r) => {
          const template = parseTemplate(r, vars);
          return {
            template,
            matcher: template.parts
              ? null
              : r === "*"
                ? () => true
                : r.includes("${")
                  ? compileArnCodes(template.codes)
                  : compileArnPattern(r),
          };
        })
      : null,
    notResource: !s.resource && !!s.notResource,
    principal: pr ? compilePrincipal(pr) : null,
    notPrincipal: !s.principal && !!s.notPrincipal,
    conditions: s.conditions.map((c) => compileCondition(c, vars)),
    staticResources: false,
    lastResource: null,
    lastResourceResult: 0,
  };
}

export function actionMatches(st: CompiledStatement, actionLower: string): boolean {
  let any = false;
  for (let i = 0; i < st.actionMatchers.length; i++) {
    if (st.actionMatchers[i](actionLower)) {
      any = true;
      break;
    }
  }
  return st.notAction ? !any : any;
}

/** 2 match, 1 undecided (a variable's key is unknown), 0 no match. Unknown key names go to unknownOut. */
export function resourceMatches(
  st: CompiledStatement,
  resource: string,
  ctx: EvalContext,
  unknownOut: string[] | null,
): 0 | 1 | 2 {
  if (!st.resources) return 2;
  // Without policy variables the result depends on the resource alone: remember the last one.
  if (st.staticResources) {
    if (st.lastResource === resource) return st.lastResourceResult;
    const r = resourceMatchesRaw(st, resource, ctx, null);
    st.lastResource = resource;
    st.lastResourceResult = r;
    return r;
  }
  return resourceMatchesRaw(st, resource, ctx, unknownOut);
}

function resourceMatchesRaw(
  st: CompiledStatement,
  resource: string,
  ctx: EvalContext,
  unknownOut: string[] | null,
): 0 | 1 | 2 {
  if (!st.resources) return 2;
  let r: 0 | 1 | 2 = 0;
  for (const cr of st.resources) {
    let m: Matcher | null = cr.matcher;
    if (!m) {
      const codes = resolveTemplate(cr.template, ctx);
      if (codes === UNKNOWN) {
        r = 1;
        if (unknownOut) for (const k of cr.template.keys) if (ctx.isUnknown(k)) unknownOut.push(ctx.unknownName(k));
        continue;
      }
      if (codes === MISSING) continue;
      m = compileArnCodes(codes);
    }
    if (m(resource)) {
      r = 2;
      break;
    }
  }
  return st.notResource ? ((2 - r) as 0 | 1 | 2) : r;
}

function compile(doc: unknown): CompiledPolicy {
  const { policy } = parsePolicy(doc);
  if (!policy) return EMPTY;
  const vars = policy.version === "2012-10-17";
  const statements = policy.statements.map((s) => compileStatement(s, vars));
  const byAction = new Map<string, CompiledStatement[]>();
  let lastAction = "";
  let lastList: CompiledStatement[] = [];
  return {
    parsed: policy,
    statements,
    candidates(actionLower) {
      if (actionLower === lastAction) return lastList;
      let list = byAction.get(actionLower);
      if (!list) {
        list = statements.filter((s) => actionMatches(s, actionLower));
        if (byAction.size > 1000) byAction.clear();
        byAction.set(actionLower, list);
      }
      lastAction = actionLower;
      lastList = list;
      return list;
    },
  };
}

const cache = new WeakMap<object, CompiledPolicy>();

/** The compiled form of a policy document (cached per object). Anything malformed compiles to no statements. */
export function compiledPolicy(doc: unknown): CompiledPolicy {
  if (typeof doc !== "object" || doc === null) return typeof doc === "string" ? compile(doc) : EMPTY;
  let c = cache.get(doc);
  if (!c) {
    c = compile(doc);
    cache.set(doc, c);
  }
  return c;
}
