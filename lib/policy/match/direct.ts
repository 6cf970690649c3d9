/**
 * Matching action and resource patterns straight from the policy text, without compiling them: nothing is
 * allocated and nothing is cached. A document the engine sees once is matched this way; compiled matchers
 * (wildcard.ts, arn.ts) pay off only for documents asked about again. Same results as the compiled forms.
 */

const STAR = 42; // *
const QMARK = 63; // ?

/**
 * `*` (any run, also none) and `?` (one character) glob of p[ps, pe) against v[vs, ve). Greedy with one backtrack
 * point, the last `*`: linear in practice, never exponential. With `ci`, ASCII letters of the pattern are lower-cased
 * (pass a lower-cased value).
 */
export function globRange(p: string, ps: number, pe: number, v: string, vs: number, ve: number, ci: boolean): boolean {
  let pi = ps;
  let vi = vs;
  let starP = -1;
  let starV = 0;
  while (vi < ve) {
    if (pi < pe) {
      let c = p.charCodeAt(pi);
      if (c === STAR) {
        starP = pi++;
        starV = vi;
        continue;
      }
      if (ci && c >= 65 && c <= 90) c += 32;
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
  while (pi < pe && p.charCodeAt(pi) === STAR) pi++;
  return pi === pe;
}

/** An Action pattern (`s3:Get*`, any case) against a lower-cased action. Patterns are ASCII (parsePolicy checks). */
export function actionPatternMatches(pattern: string, actionLower: string): boolean {
  return globRange(pattern, 0, pattern.length, actionLower, 0, actionLower.length, true);
}

/** Index of the colon that ends the fifth ARN part (before the resource part), or -1. */
function fifthColon(s: string): number {
  let j = -1;
  for (let k = 0; k < 5; k++) {
    j = s.indexOf(":", j + 1);
    if (j < 0) return -1;
  }
  return j;
}

function hasWildcard(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === STAR || c === QMARK) return true;
  }
  return false;
}

/**
 * A Resource pattern without policy variables against a resource ARN, as arn.ts's compileArnPattern: the six
 * colon-separated parts are matched one by one when a wildcard is in the first five (so a `*` in the region does
 * not run into the account); otherwise, or when the pattern is not a six-part ARN ("*"), as one string.
 */
export function arnPatternMatches(pattern: string, value: string): boolean {
  const p5 = fifthColon(pattern);
  if (p5 < 0 || !hasWildcard(pattern, 0, p5))
    return globRange(pattern, 0, pattern.length, value, 0, value.length, false);
  if (fifthColon(value) < 0) return false;
  let ps = 0;
  let vs = 0;
  for (let k = 0; k < 5; k++) {
    const pe = pattern.indexOf(":", ps);
    const ve = value.indexOf(":", vs);
    if (!globRange(pattern, ps, pe, value, vs, ve, false)) return false;
    ps = pe + 1;
    vs = ve + 1;
  }
  return globRange(pattern, ps, pattern.length, value, vs, value.length, false);
}
