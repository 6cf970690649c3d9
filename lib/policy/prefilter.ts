/**
 * Which statements of a document can apply to a request, read from the document as written, before any parsing.
 * A statement is skipped when its Action/NotAction or Resource/NotResource surely leaves the request out, or when it
 * is surely malformed (a malformed statement matches nothing); when in doubt it is kept, and parsePolicy's rules
 * decide. Most statements of a real account are about other services: they are never parsed.
 */
import { actionPatternMatches, arnPatternMatches } from "./match/direct";

const NO = 0;
const UNSURE = 1;
const YES = 2;
const MALFORMED = 3;
type Verdict = typeof NO | typeof UNSURE | typeof YES | typeof MALFORMED;

function actionsVerdict(v: unknown, actionLower: string): Verdict {
  if (typeof v === "string") return actionPatternMatches(v, actionLower) ? YES : NO;
  if (!Array.isArray(v) || v.length === 0) return MALFORMED;
  for (let i = 0; i < v.length; i++) {
    const a: unknown = v[i];
    if (typeof a !== "string") return MALFORMED;
    if (actionPatternMatches(a, actionLower)) return YES;
  }
  return NO;
}

/** A pattern with a policy variable (or an escape such as `${*}`) is left to the compiled form. */
function resourceVerdict(pattern: string, resource: string, variables: boolean): Verdict {
  if (variables && pattern.includes("${")) return UNSURE;
  return arnPatternMatches(pattern, resource) ? YES : NO;
}

function resourcesVerdict(v: unknown, resource: string, variables: boolean): Verdict {
  if (typeof v === "string") return resourceVerdict(v, resource, variables);
  if (!Array.isArray(v) || v.length === 0) return MALFORMED;
  let r: Verdict = NO;
  for (let i = 0; i < v.length; i++) {
    const p: unknown = v[i];
    if (typeof p !== "string") return MALFORMED;
    const m = resourceVerdict(p, resource, variables);
    if (m === YES) return YES;
    if (m === UNSURE) r = UNSURE;
  }
  return r;
}

/** false when the statement (as written) surely does not match the action, or is surely malformed. */
export function mayMatchAction(raw: unknown, actionLower: string): boolean {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return false;
  const s = raw as Record<string, unknown>;
  // A statement with both Action and NotAction is kept when Action matches: parsePolicy then rejects it.
  const a = s.Action;
  if (a !== undefined) return actionsVerdict(a, actionLower) === YES;
  const na = s.NotAction;
  return na !== undefined && actionsVerdict(na, actionLower) === NO;
}

/** false when the statement (as written) surely does not apply to the action and resource, or is malformed. */
export function mayApply(raw: unknown, actionLower: string, resource: string, variables: boolean): boolean {
  if (!mayMatchAction(raw, actionLower)) return false;
  const s = raw as Record<string, unknown>;
  const r = s.Resource;
  if (r !== undefined) {
    const m = resourcesVerdict(r, resource, variables);
    return m === YES || m === UNSURE;
  }
  const nr = s.NotResource;
  if (nr === undefined) return true;
  const m = resourcesVerdict(nr, resource, variables);
  return m === NO || m === UNSURE;
}
