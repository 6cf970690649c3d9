/** ARN parsing and ARN-pattern matching (segment by segment, as IAM compares ARNs). */
import { compileCodes, compileWildcard, type Matcher } from "./wildcard";
import { countLookup } from "./cache-stats";

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits `arn:partition:service:region:account:resource`; null when the text is not an ARN. */
export function parseArn(arn: string): Arn | null {
  if (typeof arn !== "string" || !arn.startsWith("arn:")) return null;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const j = arn.indexOf(":", start);
    if (j < 0) return null;
    parts.push(arn.slice(start, j));
    start = j + 1;
  }
  const resource = arn.slice(start);
  if (!parts[1] || !parts[2]) return null;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource };
}

function splitSix(s: string): string[] | null {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const j = s.indexOf(":", start);
    if (j < 0) return null;
    parts.push(s.slice(start, j));
    start = j + 1;
  }
  parts.push(s.slice(start));
  return parts;
}

/**
 * Compiles an ARN pattern: each of the six colon-separated parts is matched on its own (a `*` in the region part does
 * not run into the account part). A pattern without six parts (like "*") is matched as a whole string.
 */
const arnCache = new Map<string, Matcher>();

export function compileArnPattern(pattern: string): Matcher {
  let m = arnCache.get(pattern);
  countLookup("arnPatterns", m !== undefined);
  if (!m) {
    m = compileArnPatternRaw(pattern);
    if (arnCache.size > 10_000) arnCache.clear();
    arnCache.set(pattern, m);
  }
  return m;
}

function memo(test: Matcher): Matcher {
  let lastV: string | null = null;
  let lastR = false;
  return (v) => {
    if (v === lastV) return lastR;
    lastR = test(v);
    lastV = v;
    return lastR;
  };
}

function compileArnPatternRaw(pattern: string): Matcher {
  const parts = splitSix(pattern);
  if (!parts) return compileWildcard(pattern);
  if (!pattern.includes("*") && !pattern.includes("?")) return (v) => v === pattern;
  // Wildcards only in the resource part: a whole-string match is the same thing, and allocates nothing.
  if (!/[*?]/.test(parts.slice(0, 5).join(":"))) return compileWildcard(pattern);
  const ms = parts.map((p) => compileWildcard(p));
  return memo((v) => {
    const vs = splitSix(v);
    if (!vs) return false;
    for (let i = 0; i < 6; i++) if (!ms[i](vs[i])) return false;
    return true;
  });
}

/**
 * Same as compileArnPattern, from pre-computed codes (policy variables resolved, `${*}` kept literal). With
 * `strict` (the Arn* condition operators) a pattern that is not a six-part ARN matches nothing, except "*".
 */
export function compileArnCodes(codes: number[], strict = false): Matcher {
  const parts: number[][] = [[]];
  for (const c of codes) {
    if (c === 58 && parts.length < 6) parts.push([]);
    else parts[parts.length - 1].push(c);
  }
  if (parts.length < 6) return !strict || (codes.length === 1 && codes[0] < 0) ? compileCodes(codes) : () => false;
  if (!parts.slice(0, 5).some((p) => p.some((c) => c < 0))) return compileCodes(codes);
  const ms = parts.map((p) => compileCodes(p));
  return (v) => {
    const vs = splitSix(v);
    if (!vs) return false;
    for (let i = 0; i < 6; i++) if (!ms[i](vs[i])) return false;
    return true;
  };
}
