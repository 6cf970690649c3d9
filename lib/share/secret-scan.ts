import { secretKindOf, secretKindOfName, type SecretKind } from "@/lib/security/secrets";
import { formatPath } from "./json-path";

/**
 * Finds values shaped like AWS secrets anywhere in a JSON document, by the shapes of lib/security/secrets.ts: a
 * string holding a secret access key or a session token, and any non-empty value under a key named like a secret
 * (`secretAccessKey`, `sessionToken`, …). ARNs, hex External IDs, account ids, access key ids (not secret) and
 * policy JSON do not match. Pure.
 */
export interface SecretHit {
  path: string;
  kind: SecretKind;
}

/** The first secret-shaped value in `value` (keys and values, depth first), with its JSON path. */
export function findSecret(value: unknown, path: PropertyKey[] = []): SecretHit | null {
  if (typeof value === "string") {
    const kind = secretKindOf(value);
    return kind ? { path: formatPath(path), kind } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findSecret(value[i], [...path, i]);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyKind = secretKindOf(k);
      if (keyKind) return { path: formatPath([...path, k]), kind: keyKind };
      const named = secretKindOfName(k);
      if (named && typeof v === "string" && v.trim() !== "") return { path: formatPath([...path, k]), kind: named };
      const hit = findSecret(v, [...path, k]);
      if (hit) return hit;
    }
  }
  return null;
}
