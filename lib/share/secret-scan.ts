import { formatPath } from "./json-path";

/**
 * Finds values shaped like AWS secrets anywhere in a JSON document. Pure.
 *
 * - secret access key: a run of exactly 40 base64 characters with upper case, lower case and a digit (or `/`/`+`),
 *   not all hex (External IDs and hashes are hex), bounded by characters outside the base64 alphabet;
 * - session token: the well-known prefixes of STS tokens, or a base64 run of 100 characters or more;
 * - any non-empty value under a key named like a secret (`secretAccessKey`, `sessionToken`, …).
 * ARNs, hex External IDs, account ids, access key ids (not secret) and policy JSON do not match.
 */

export type SecretKind = "secret-access-key" | "session-token";
export interface SecretHit {
  path: string;
  kind: SecretKind;
}

const SECRET_KEY_NAMES = /^(aws_?)?(secret_?access_?key|secret_?key|session_?token|security_?token)$/i;
const TOKEN_PREFIXES = ["FwoGZXIvYXdzE", "IQoJb3JpZ2luX2Vj", "IQoJb3JpZ2lu", "FQoGZXIvYXdzE", "AQoDYXdzE"];
const BASE64_RUN = /[A-Za-z0-9/+]+=*/g;

function looksRandom(run: string): boolean {
  const body = run.replace(/=+$/, "");
  if (/^[0-9a-fA-F]+$/.test(body)) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9/+]/].filter((re) => re.test(body)).length;
  return classes === 3;
}

/** The kind of secret this string holds, if any. */
export function secretKindOf(text: string): SecretKind | null {
  if (TOKEN_PREFIXES.some((p) => text.includes(p))) return "session-token";
  for (const m of text.matchAll(BASE64_RUN)) {
    const run = m[0];
    const body = run.replace(/=+$/, "");
    // A run glued to an ARN or URL piece (`role/…`, `s3://…`) is a path, not a key: look at the neighbours.
    const before = text[m.index - 1] ?? "";
    const after = text[m.index + run.length] ?? "";
    if (/[\w.:@-]/.test(before) || /[\w.:@-]/.test(after)) continue;
    if (body.length >= 100 && looksRandom(body) && !body.includes("//")) return "session-token";
    if (body.length === 40 && looksRandom(body) && !body.startsWith("/") && !body.endsWith("/"))
      return "secret-access-key";
  }
  return null;
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
      if (SECRET_KEY_NAMES.test(k) && typeof v === "string" && v.trim() !== "") {
        return { path: formatPath([...path, k]), kind: /token/i.test(k) ? "session-token" : "secret-access-key" };
      }
      const hit = findSecret(v, [...path, k]);
      if (hit) return hit;
    }
  }
  return null;
}
