/**
 * The engine's form of a policy document, built as the questions need it:
 * - a statement is parsed only when the prefilter cannot rule it out for the request (prefilter.ts);
 * - its conditions are compiled only when its action and resource match (and its principal, in a resource policy),
 *   on their own for the first request, shared with identical entries of other statements from the second;
 * - its Resource patterns are matched as text on the first resource it is asked about, and compiled into shared,
 *   memoised matchers (arn.ts) from the second;
 * - the statements that can match an action are listed once per action from the second question about that action.
 * So a document seen once (a user's question) is read almost straight from its JSON, and one asked about again and
 * again (the checks of an analysis) gets the compiled forms. Documents are cached by object identity (a WeakMap):
 * treat the documents passed to the engine as immutable (build a new object to change one).
 */
import { compileArnCodes, compileArnPattern } from "./arn";
import { compileCondition, type CompiledCondition, type Tri } from "./conditions";
import type { EvalContext } from "./context";
import { actionPatternMatches, arnPatternMatches } from "./match/direct";
import { compilePrincipal, type CompiledPrincipal } from "./match/principal";
import { parseOneStatement, rawPolicy } from "./parse-policy";
import { mayApply, mayMatchAction } from "./prefilter";
import type { ParsedStatement } from "./types";
import { parseTemplate, resolveTemplate, MISSING, UNKNOWN, type Template } from "./variables";
import type { Matcher } from "./wildcard";
import { countLookup } from "./cache-stats";

export interface CompiledResource {
  template: Template;
  /** Compiled when the pattern has no variable. */
  matcher: Matcher | null;
}

const NO_CONDITIONS: CompiledCondition[] = [];
const always: Matcher = () => true;

function compileResource(r: string, variables: boolean): CompiledResource {
  const template = parseTemplate(r, variables);
  const matcher = template.parts
    ? null
    : r === "*"
      ? always
      : r.includes("${")
        ? compileArnCodes(template.codes)
        : compileArnPattern(r);
  return { template, matcher };
}

export class CompiledStatement {
  readonly index: number;
  readonly deny: boolean;
  readonly notResource: boolean;
  readonly notPrincipal: boolean;
  /** The Resource (or NotResource) patterns; null when there is none (trust policies): any resource. */
  readonly patterns: string[] | null;
  /** Every pattern can be matched as text (no `${…}` where policy variables apply). */
  private readonly plain: boolean;
  /** The last resource asked about, when the answer depends on the resource alone (no policy variable). */
  lastResource: string | null = null;
  lastResourceResult: Tri = 0;
  private compiledResources: CompiledResource[] | undefined;
  private compiledConditions: CompiledCondition[] | undefined;
  /** The context the conditions were compiled on their own for; null once they are shared. */
  private conditionsCtx: EvalContext | null = null;
  private compiledPrincipal: CompiledPrincipal | null | undefined;

  constructor(
    readonly parsed: ParsedStatement,
    readonly variables: boolean,
  ) {
    this.index = parsed.index;
    this.deny = parsed.effect === "Deny";
    this.patterns = parsed.resource ?? parsed.notResource ?? null;
    this.notResource = !parsed.resource && !!parsed.notResource;
    this.notPrincipal = !parsed.principal && !!parsed.notPrincipal;
    let plain = true;
    if (variables && this.patterns) for (const p of this.patterns) if (p.includes("${")) plain = false;
    this.plain = plain;
  }

  /** Principal or NotPrincipal, compiled on first use; null when the statement has neither. */
  get principal(): CompiledPrincipal | null {
    if (this.compiledPrincipal === undefined) {
      const p = this.parsed.principal ?? this.parsed.notPrincipal;
      this.compiledPrincipal = p ? compilePrincipal(p) : null;
    }
    return this.compiledPrincipal;
  }

  /**
   * The condition entries, compiled when first needed: on their own for the first request context (a document seen
   * once keeps nothing), then shared with the identical entries of other statements, whose memo they share.
   */
  conditionsFor(ctx: EvalContext): CompiledCondition[] {
    if (this.parsed.conditions.length === 0) return NO_CONDITIONS;
    let cs = this.compiledConditions;
    if (cs === undefined || (this.conditionsCtx !== null && this.conditionsCtx !== ctx)) {
      const shared = cs !== undefined;
      cs = this.parsed.conditions.map((c) => compileCondition(c, this.variables, shared));
      this.compiledConditions = cs;
      this.conditionsCtx = shared ? null : ctx;
    }
    return cs;
  }

  /** 2 match, 1 undecided (a variable's key is unknown), 0 no match. Unknown key names go to unknownOut. */
  matchResource(resource: string, ctx: EvalContext, unknownOut: string[] | null): Tri {
    if (this.patterns === null) return 2;
    if (this.plain) {
      if (this.lastResource === resource) return this.lastResourceResult;
      // The first resource is matched as text; from the second on, with the compiled (shared, memoised) matchers.
      const r = this.lastResource === null ? this.matchText(resource) : this.matchCompiled(resource, ctx, null);
      this.lastResource = resource;
      this.lastResourceResult = r;
      return r;
    }
    return this.matchCompiled(resource, ctx, unknownOut);
  }

  private matchText(resource: string): Tri {
    const ps = this.patterns!;
    let r: Tri = 0;
    for (let i = 0; i < ps.length; i++) {
      if (arnPatternMatches(ps[i], resource)) {
        r = 2;
        break;
      }
    }
    return this.notResource ? ((2 - r) as Tri) : r;
  }

  private matchCompiled(resource: string, ctx: EvalContext, unknownOut: string[] | null): Tri {
    this.compiledResources ??= this.patterns!.map((r) => compileResource(r, this.variables));
    let r: Tri = 0;
    for (const cr of this.compiledResources) {
      let m: Matcher | null = cr.matcher;
      if (!m) {
        const codes = resolveTemplate(cr.template, ctx);
        if (codes === UNKNOWN) {
          r = 1;
          if (unknownOut)
            for (const k of cr.template.keys)
              if (ctx.isUnknown(k) || ctx.partial(k)) unknownOut.push(ctx.unknownName(k));
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
    return this.notResource ? ((2 - r) as Tri) : r;
  }
}

export function actionMatches(st: CompiledStatement, actionLower: string): boolean {
  const list = st.parsed.action ?? st.parsed.notAction ?? [];
  let any = false;
  for (let i = 0; i < list.length && !any; i++) any = actionPatternMatches(list[i], actionLower);
  return st.parsed.action ? any : !any;
}

/** 2 match, 1 undecided (a variable's key is unknown), 0 no match. Unknown key names go to unknownOut. */
export function resourceMatches(
  st: CompiledStatement,
  resource: string,
  ctx: EvalContext,
  unknownOut: string[] | null,
): Tri {
  return st.matchResource(resource, ctx, unknownOut);
}

export interface CompiledPolicy {
  /** The well-formed statements that can match the action (and, the first time an action is asked, the resource). */
  candidates(actionLower: string, resource: string): CompiledStatement[];
  /** Every well-formed statement, in order (for explanations). */
  statements(): CompiledStatement[];
}

const EMPTY: CompiledPolicy = { candidates: () => [], statements: () => [] };

class LazyPolicy implements CompiledPolicy {
  /** Parsed and compiled statements by position: undefined not yet parsed, null malformed. */
  private readonly slots: (CompiledStatement | null | undefined)[];
  /** Per action, from the second question about it (made then: most documents are asked about once). */
  private byAction: Map<string, CompiledStatement[]> | null = null;
  /** Actions asked about once (their candidates were not kept). */
  private askedOnce: string[] | null = null;
  private lastAction = "";
  private lastList: CompiledStatement[] = [];

  constructor(
    private readonly raw: unknown[],
    private readonly variables: boolean,
  ) {
    this.slots = new Array(raw.length);
  }

  private at(i: number): CompiledStatement | null {
    let st = this.slots[i];
    if (st === undefined) {
      const p = parseOneStatement(this.raw[i], i);
      st = p ? new CompiledStatement(p, this.variables) : null;
      this.slots[i] = st;
    }
    return st;
  }

  candidates(actionLower: string, resource: string): CompiledStatement[] {
    if (actionLower === this.lastAction) return this.lastList;
    let list = this.byAction?.get(actionLower);
    if (list === undefined) {
      const once = this.askedOnce;
      if (once === null || !once.includes(actionLower)) {
        // First question about this action: only the statements that can apply to this resource, not kept.
        if (once === null || once.length >= 1000) this.askedOnce = [actionLower];
        else once.push(actionLower);
        const out: CompiledStatement[] = [];
        for (let i = 0; i < this.raw.length; i++) {
          if (!mayApply(this.raw[i], actionLower, resource, this.variables)) continue;
          const st = this.at(i);
          if (st) out.push(st);
        }
        return out;
      }
      list = [];
      for (let i = 0; i < this.raw.length; i++) {
        if (!mayMatchAction(this.raw[i], actionLower)) continue;
        const st = this.at(i);
        if (st) list.push(st);
      }
      this.byAction ??= new Map();
      if (this.byAction.size > 1000) this.byAction.clear();
      this.byAction.set(actionLower, list);
    }
    this.lastAction = actionLower;
    this.lastList = list;
    return list;
  }

  statements(): CompiledStatement[] {
    const out: CompiledStatement[] = [];
    for (let i = 0; i < this.raw.length; i++) {
      const st = this.at(i);
      if (st) out.push(st);
    }
    return out;
  }
}

function compile(doc: unknown): CompiledPolicy {
  const raw = rawPolicy(doc);
  return raw ? new LazyPolicy(raw.statements, raw.variables) : EMPTY;
}

const cache = new WeakMap<object, CompiledPolicy>();

/** The engine's form of a policy document (cached per object). Anything malformed has no statements. */
export function compiledPolicy(doc: unknown): CompiledPolicy {
  if (typeof doc !== "object" || doc === null) return typeof doc === "string" ? compile(doc) : EMPTY;
  let c = cache.get(doc);
  countLookup("documents", c !== undefined);
  if (!c) {
    c = compile(doc);
    cache.set(doc, c);
  }
  return c;
}
