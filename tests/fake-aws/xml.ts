/** Tiny XML writer for the fake AWS endpoint's responses. */

function esc(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export type XmlContent = string | number | boolean | null | undefined | XmlContent[];

/** <tag>content</tag>; string content is escaped, arrays are concatenated, null/undefined omit the element. */
export function el(tag: string, content: XmlContent, attrs = ""): string {
  if (content === null || content === undefined) return "";
  const inner = Array.isArray(content)
    ? content.map((c) => (typeof c === "string" ? c : inner1(c))).join("")
    : inner1(content);
  return `<${tag}${attrs ? " " + attrs : ""}>${inner}</${tag}>`;
}

function inner1(c: XmlContent): string {
  if (c === null || c === undefined) return "";
  if (Array.isArray(c)) return c.map(inner1).join("");
  return typeof c === "string" ? c : String(c);
}

/** Escaped text node. */
export function t(s: string | number | boolean | null | undefined): string | undefined {
  return s === null || s === undefined ? undefined : esc(String(s));
}

/** IAM/STS list members: <member>…</member> for each item. */
export function members<T>(items: readonly T[], render: (item: T) => XmlContent): string {
  return items.map((i) => el("member", render(i))).join("");
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';
