import type { PolicyDocument } from "@/lib/snapshot/schema";

const cache = new WeakMap<object, PolicyDocument>();

/**
 * The document without its Deny statements (each becomes null, which matches nothing, so the others keep their
 * index): asks "would this be allowed?" while explicit denies are judged by their own checks. Cached per document so
 * that the engine compiles each copy once.
 */
export function allowOnly(doc: PolicyDocument): PolicyDocument {
  let c = cache.get(doc);
  if (!c) {
    const s = doc.Statement;
    const isDeny = (x: unknown) => !!x && typeof x === "object" && (x as { Effect?: unknown }).Effect === "Deny";
    c = Array.isArray(s)
      ? { ...doc, Statement: s.map((x) => (isDeny(x) ? null : x)) }
      : isDeny(s)
        ? { ...doc, Statement: [] }
        : doc;
    cache.set(doc, c);
  }
  return c;
}
