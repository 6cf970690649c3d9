/**
 * Wildcard matching for IAM patterns: `*` matches any run of characters (including none), `?` exactly one.
 * Patterns are compiled once into a small matcher; the compiled form is cached by pattern text.
 */
import { countLookup } from "./cache-stats";

/** Code points of a compiled pattern: a char code, or STAR / QMARK for a wildcard. */
export const STAR = -1;
export const QMARK = -2;

export type Matcher = (value: string) => boolean;

const always: Matcher = () => true;

/** Compiles a sequence of codes (char codes, STAR, QMARK) into a matcher. `value` must already be lower-cased when ci. */
export function compileCodes(codes: readonly number[]): Matcher {
  let wild = 0;
  let lastStar = -1;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] < 0) {
      wild++;
      if (codes[i] === STAR) lastStar = i;
    }
  }
  if (wild === 0) {
    const lit = String.fromCharCode(...codes);
    return (v) => v === lit;
  }
  if (codes.length === 1 && codes[0] === STAR) return always;
  if (wild === 1 && lastStar === codes.length - 1) {
    const prefix = String.fromCharCode(...codes.slice(0, -1));
    return (v) => v.startsWith(prefix);
  }
  const p = Int32Array.from(codes);
  // One-entry memo: a compiled pattern is shared by every statement that uses it, and within one evaluation they all
  // test the same value.
  let lastV: string | null = null;
  let lastR = false;
  return (v) => {
    if (v === lastV) return lastR;
    lastR = globMatch(p, v);
    lastV = v;
    return lastR;
  };
}

/** Greedy matching with one backtrack point (the last `*`): linear in practice, never exponential. */
function globMatch(p: Int32Array, v: string): boolean {
  const pn = p.length;
  const vn = v.length;
  let pi = 0;
  let vi = 0;
  let starP = -1;
  let starV = 0;
  while (vi < vn) {
    if (pi < pn) {
      const c = p[pi];
      if (c === STAR) {
        starP = pi++;
        starV = vi;
        continue;
      }
      if (c === QMARK || c === v.charCodeAt(vi)) {
        pi++;
        vi++;
        continue;
      }
    }
    if (starP < 0) return false;
    pi = starP + 1;
    vi = ++starV;
  }
  while (pi < pn && p[pi] === STAR) pi++;
  return pi === pn;
}

/**
 * Matches a pattern against every value "prefix + one or more characters" at once: 2 when all of them match, 0 when
 * none does, 1 when some may. Walks the pattern positions reachable after the prefix (a small NFA).
 */
export function globPrefixMatch(codes: readonly number[], prefix: string): 0 | 1 | 2 {
  const n = codes.length;
  let states = new Set<number>();
  const close = (set: Set<number>) => {
    for (const s of [...set]) for (let i = s; i < n && codes[i] === STAR; i++) set.add(i + 1);
    return set;
  };
  close(states.add(0));
  for (let k = 0; k < prefix.length && states.size; k++) {
    const ch = prefix.charCodeAt(k);
    const next = new Set<number>();
    for (const s of states) {
      if (s >= n) continue;
      const c = codes[s];
      if (c === STAR) next.add(s);
      else if (c === QMARK || c === ch) next.add(s + 1);
    }
    states = close(next);
  }
  let some = false;
  for (const s of states) {
    if (s >= n) continue; // the pattern ends here, but the value goes on
    let allStars = true;
    for (let i = s; i < n; i++) if (codes[i] !== STAR) allStars = false;
    if (allStars) return 2;
    some = true;
  }
  return some ? 1 : 0;
}

/** Turns pattern text into codes: `*` and `?` are wildcards, every other character is literal. */
export function patternCodes(pattern: string): number[] {
  const out = new Array<number>(pattern.length);
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    out[i] = c === 42 ? STAR : c === 63 ? QMARK : c;
  }
  return out;
}

const cacheCs = new Map<string, Matcher>();
const cacheCi = new Map<string, Matcher>();
const CACHE_LIMIT = 10_000;

/** A compiled matcher for `pattern` (cached). With caseInsensitive, pass values already lower-cased. */
export function compileWildcard(pattern: string, caseInsensitive = false): Matcher {
  const cache = caseInsensitive ? cacheCi : cacheCs;
  let m = cache.get(pattern);
  countLookup("wildcards", m !== undefined);
  if (!m) {
    m = compileCodes(patternCodes(caseInsensitive ? pattern.toLowerCase() : pattern));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, m);
  }
  return m;
}

/** True when `value` matches `pattern`, where `*` matches any characters and `?` one character. */
export function wildcardMatch(pattern: string, value: string, opts?: { caseInsensitive?: boolean }): boolean {
  if (typeof pattern !== "string" || typeof value !== "string") return false;
  const ci = opts?.caseInsensitive === true;
  return compileWildcard(pattern, ci)(ci ? value.toLowerCase() : value);
}
