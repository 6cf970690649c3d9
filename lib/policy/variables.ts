/**
 * Policy variables in Resource and condition values: `${aws:username}`, `${aws:PrincipalTag/team}`,
 * defaults `${aws:username, 'nobody'}`, and the escapes `${*}`, `${?}`, `${$}` (a literal `*`, `?`, `$`).
 * Variables are recognised only in policies of Version "2012-10-17".
 */
import type { EvalContext } from "./context";
import { QMARK, STAR } from "./wildcard";

type TemplatePart = { lit: number[] } | { key: string; name: string; dflt?: string };

export interface Template {
  /** null when the text has no variable: use `codes`. */
  parts: TemplatePart[] | null;
  /** Codes of the whole text when it has no variable (char codes; STAR / QMARK for raw wildcards). */
  codes: number[];
  /** Lower-cased keys the template reads. */
  keys: string[];
}

function litCodes(s: string, out: number[]) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(c === 42 ? STAR : c === 63 ? QMARK : c);
  }
}

const VAR_RE = /\$\{([^}]*)\}/g;

export function parseTemplate(text: string, variablesEnabled: boolean): Template {
  if (!variablesEnabled || !text.includes("${")) {
    const codes: number[] = [];
    litCodes(text, codes);
    return { parts: null, codes, keys: [] };
  }
  const parts: TemplatePart[] = [];
  const keys: string[] = [];
  let cur: number[] = [];
  let last = 0;
  for (const m of text.matchAll(VAR_RE)) {
    litCodes(text.slice(last, m.index), cur);
    last = m.index! + m[0].length;
    const inner = m[1].trim();
    if (inner === "*" || inner === "?" || inner === "$") {
      cur.push(inner.charCodeAt(0));
      continue;
    }
    const dm = /^([^,]+?)\s*,\s*'([^']*)'$/.exec(inner);
    const name = (dm ? dm[1] : inner).trim();
    if (cur.length) parts.push({ lit: cur });
    cur = [];
    parts.push({ key: name.toLowerCase(), name, dflt: dm ? dm[2] : undefined });
    keys.push(name.toLowerCase());
  }
  litCodes(text.slice(last), cur);
  if (keys.length === 0) return { parts: null, codes: cur, keys };
  if (cur.length) parts.push({ lit: cur });
  return { parts, codes: [], keys };
}

export const MISSING = 0 as const;
export const UNKNOWN = 1 as const;

/**
 * Resolves a template against the context: the codes, MISSING when a variable has no value and no default (the value
 * then matches nothing), or UNKNOWN when a variable's key is unknown to the asker.
 */
export function resolveTemplate(t: Template, ctx: EvalContext): number[] | typeof MISSING | typeof UNKNOWN {
  if (!t.parts) return t.codes;
  const out: number[] = [];
  for (const p of t.parts) {
    if ("lit" in p) {
      for (const c of p.lit) out.push(c);
      continue;
    }
    // A key known only in part (partialContext) has no one value to put in: the template is as unknown as it.
    if (ctx.isUnknown(p.key) || ctx.partial(p.key) !== undefined) return UNKNOWN;
    const v = ctx.values(p.key);
    let s: string | undefined;
    if (typeof v === "string") s = v;
    else if (v && v.length === 1) s = v[0];
    else if (p.dflt !== undefined) s = p.dflt;
    if (s === undefined) return MISSING;
    for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  }
  return out;
}

/** Codes back to text, wildcards as their characters (for operators where `*` is not special). */
export function codesToString(codes: number[]): string {
  let s = "";
  for (const c of codes) s += c === STAR ? "*" : c === QMARK ? "?" : String.fromCharCode(c);
  return s;
}
