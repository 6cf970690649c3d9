/**
 * What an AWS credential looks like, in one place. The access key ID (AKIA… long-term, ASIA… temporary) is not a
 * secret; the secret access key and the session token are. Used to scrub log lines and AWS error messages, by the
 * wizard (a secret pasted into the wrong field, or echoed by TiDB Cloud's message, never leaves the browser) and by
 * the share scan that refuses a report holding one. Pure, and safe in the browser.
 *
 * Sources: IAM User Guide, "IAM identifiers" (unique ID prefixes: AKIA access key, ASIA temporary access key) and
 * "Manage access keys for IAM users" (a secret access key has 40 characters); STS session tokens are long base64
 * strings beginning with a few known prefixes.
 */

/** An access key ID as the AWS APIs take it (AccessKeyId: 16 to 128 characters). */
export const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;
/** An access key ID inside text: AKIA (an IAM user's long-term key) or ASIA (temporary, with a session token). */
export const ACCESS_KEY_ID_IN_TEXT = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/;

export type AccessKeyKind = "long-term" | "temporary";

/** Long-term (AKIA…) or temporary (ASIA…) key, or null for anything else. */
export function accessKeyIdKind(id: string): AccessKeyKind | null {
  if (/^AKIA[A-Z0-9]{16}$/.test(id)) return "long-term";
  if (/^ASIA[A-Z0-9]{16}$/.test(id)) return "temporary";
  return null;
}

export type SecretKind = "secret-access-key" | "session-token";

/** How STS session tokens begin (older and current formats). */
const TOKEN_PREFIXES = ["FwoGZXIvYXdzE", "FQoGZXIvYXdzE", "AQoDYXdzE", "IQoJb3JpZ2lu"];
/** Runs of the base64 alphabet, with their padding. */
const BASE64_RUN = /[A-Za-z0-9/+]+=*/g;
/** Characters that glue a run to an ARN, a URL or a name (`role/…`, `…-data/…`, `x.y`): then it is part of those. */
const GLUE = /[_.:@-]/;
export const REDACTED = "[redacted]";

/** Random base64 has both cases; names, words, paths and hex (External IDs, hashes) mostly do not. */
function mixedCase(s: string): boolean {
  return /[A-Z]/.test(s) && /[a-z]/.test(s) && !/^[0-9a-fA-F]+$/.test(s);
}

/** The kind of secret a whole base64 run is shaped like. */
function kindOfRun(run: string): SecretKind | null {
  if (TOKEN_PREFIXES.some((p) => run.includes(p))) return "session-token";
  const body = run.replace(/=+$/, "");
  if (body.length === 40 && mixedCase(body)) return "secret-access-key";
  if (body.length >= 100 && mixedCase(body) && !body.includes("//")) return "session-token";
  return null;
}

export interface SecretRun {
  index: number;
  length: number;
  kind: SecretKind;
  /** The run touches an ARN, URL or name character: part of a longer identifier more likely than a credential. */
  glued: boolean;
}

/** Every run of `text` shaped like a secret access key or a session token. */
export function secretRuns(text: string): SecretRun[] {
  const out: SecretRun[] = [];
  for (const m of text.matchAll(BASE64_RUN)) {
    const kind = kindOfRun(m[0]);
    if (!kind) continue;
    const before = text[m.index - 1] ?? "";
    const after = text[m.index + m[0].length] ?? "";
    out.push({ index: m.index, length: m[0].length, kind, glued: GLUE.test(before) || GLUE.test(after) });
  }
  return out;
}

/**
 * The kind of secret `text` holds, if any, for refusing it (a share): a run glued to an ARN or a URL is taken for
 * part of it, since refusing a report for its role name would be wrong; a token prefix counts anywhere.
 */
export function secretKindOf(text: string): SecretKind | null {
  if (TOKEN_PREFIXES.some((p) => text.includes(p))) return "session-token";
  return secretRuns(text).find((r) => !r.glued)?.kind ?? null;
}

/** A field or variable named like a secret (`secretAccessKey`, `aws_session_token`, …). */
export function secretKindOfName(name: string): SecretKind | null {
  const m = /^(aws_?)?(secret_?access_?key|secret_?key|session_?token|security_?token)$/i.exec(name);
  if (!m) return null;
  return /token/i.test(m[2]) ? "session-token" : "secret-access-key";
}

// A secret named in text, as TiDB Cloud's access-key message and the AWS CLI's files print it: whatever follows the
// name is the secret, whatever it looks like (a short or cut-off one too).
const QUOTE_OPEN = `['‘’"“「『\`]`;
const QUOTE_CLOSE = `['’"”」』\`]`;
const NAMED: RegExp[] = [
  new RegExp(`(secret access key\\s*${QUOTE_OPEN}?)[^'’"”」』\`\\s]*(${QUOTE_CLOSE}?)`, "gi"),
  new RegExp(`(シークレット\\s*アクセス\\s*キー\\s*[:：]?\\s*${QUOTE_OPEN}?)[^'’"”」』\`\\s]*(${QUOTE_CLOSE}?)`, "g"),
  /((?:aws_)?(?:secret_access_key|session_token|security_token)\s*[=:]\s*)[^\s'"]+()/gi,
  /("(?:SecretAccessKey|SessionToken|secretAccessKey|sessionToken)"\s*:\s*")[^"]*(")/g,
];

/** Replaces the value after each place a secret is named (`secret access key '…'`, `aws_secret_access_key = …`). */
export function redactNamedSecrets(text: string): string {
  return NAMED.reduce((t, re) => t.replace(re, (_m, a: string, b: string) => `${a}${REDACTED}${b}`), text);
}

// Signature material of a SigV4 request or presigned URL, as an SDK error may quote it.
const SIGV4 = /(Signature=)[0-9a-f]+|(X-Amz-Security-Token=)[^&\s]+/g;

/**
 * Scrubs a text before it is written or shown: each of the given secrets, each secret named in it, SigV4 signature
 * material, and every run shaped like a secret (glued or not: here a false positive costs nothing).
 */
export function scrubSecrets(text: string, known: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const s of known) if (s && s.length >= 8) out = out.split(s).join(REDACTED);
  out = redactNamedSecrets(out).replace(SIGV4, (_m, sig?: string, token?: string) => `${sig ?? token}${REDACTED}`);
  const runs = secretRuns(out);
  for (let i = runs.length - 1; i >= 0; i--) {
    const r = runs[i];
    out = out.slice(0, r.index) + REDACTED + out.slice(r.index + r.length);
  }
  return out;
}
