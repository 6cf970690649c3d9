import type { PolicyDocument } from "@/lib/snapshot/schema";

const allowCache = new WeakMap<object, PolicyDocument>();
const denyCache = new WeakMap<object, PolicyDocument>();

const effectIs = (x: unknown, effect: "Allow" | "Deny") =>
  !!x && typeof x === "object" && (x as { Effect?: unknown }).Effect === effect;

/**
 * The document without the statements of one effect (each becomes null, which matches nothing, so the others keep
 * their index). Cached per document so that the engine compiles each copy once.
 */
function without(doc: PolicyDocument, effect: "Allow" | "Deny", cache: WeakMap<object, PolicyDocument>) {
  let c = cache.get(doc);
  if (!c) {
    const s = doc.Statement;
    c = Array.isArray(s)
      ? { ...doc, Statement: s.map((x) => (effectIs(x, effect) ? null : x)) }
      : effectIs(s, effect)
        ? { ...doc, Statement: [] }
        : doc;
    cache.set(doc, c);
  }
  return c;
}

/**
 * The document without its Deny statements: asks "would this be allowed?" while explicit denies are judged by their
 * own checks.
 */
export function allowOnly(doc: PolicyDocument): PolicyDocument {
  return without(doc, "Deny", allowCache);
}

/**
 * The document without its Allow statements: which Deny statements apply to a request does not depend on any Allow,
 * so a check that looks only for them asks about this copy and skips scanning every grant.
 */
export function denyOnly(doc: PolicyDocument): PolicyDocument {
  return without(doc, "Allow", denyCache);
}
