/**
 * JSON values written as HCL (Terraform's native syntax), for `jsonencode({ … })`: objects as `{ Key = value }`,
 * lists as `[ … ]`. Strings are HCL templates, so `${` and `%{` (which Terraform would interpolate) are escaped as
 * `$${` and `%%{`, and every character HCL has no plain escape for is written as \uNNNN. Pure.
 */

/** Keys written bare; anything else (aws:SourceIp, a keyword, a digit first) is quoted. */
const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if", "endif", "endfor", "else"]);

/** A string as an HCL quoted template whose value is exactly `s`. */
export function hclString(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  // A template sequence starts at "${" or "%{": doubling the sign makes it a literal.
  return `"${out.replace(/([$%])\{/g, (_, sign: string) => `${sign}${sign}{`)}"`;
}

function hclKey(k: string): string {
  return BARE_KEY.test(k) && !KEYWORDS.has(k) ? k : hclString(k);
}

function hclNumber(n: number): string {
  if (!Number.isFinite(n)) return "null";
  return String(n);
}

/** A JSON value as an HCL expression, indented by `depth` levels of two spaces (its first line unindented). */
export function hclValue(v: unknown, depth = 0): string {
  const pad = "  ".repeat(depth + 1);
  const end = "  ".repeat(depth);
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return hclString(v);
  if (typeof v === "number") return hclNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    // Short lists of plain values stay on one line, as people write them.
    const flat = v.every((x) => typeof x !== "object" || x === null);
    const items = v.map((x) => hclValue(x, depth + 1));
    if (flat && items.join(", ").length <= 80) return `[${items.join(", ")}]`;
    return `[\n${items.map((i) => `${pad}${i},`).join("\n")}\n${end}]`;
  }
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return "{}";
    const lines = aligned(
      entries.map(([k, x]) => [hclKey(k), hclValue(x, depth + 1)]),
      pad,
    );
    return `{\n${lines.join("\n")}\n${end}}`;
  }
  return "null";
}

/**
 * `key = value` lines aligned as `terraform fmt` does: the equals signs of consecutive one-line values line up; a value
 * over several lines stands on its own.
 */
function aligned(pairs: [string, string][], pad: string): string[] {
  const out: string[] = [];
  let group: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...group.map(([k]) => k.length));
    for (const [k, v] of group) out.push(`${pad}${k.padEnd(width)} = ${v}`);
    group = [];
  };
  for (const [k, v] of pairs) {
    if (v.includes("\n")) {
      flush();
      out.push(`${pad}${k} = ${v}`);
    } else group.push([k, v]);
  }
  flush();
  return out;
}

/** A block's arguments (values are HCL expressions already); a value over several lines after a blank line. */
export function hclArguments(args: [string, string][], depth = 1): string {
  const pad = "  ".repeat(depth);
  return aligned(args, pad)
    .map((line, i) => (i > 0 && line.includes("\n") ? `\n${line}` : line))
    .join("\n");
}
