/** Access key IDs: the import's (access-key mode's start field), and the diagnosing credentials of a live run. */
import { ACCESS_KEY_ID, accessKeyIdKind, secretKindOf } from "@/lib/security/secrets";
import type { LiveCredentials } from "./form-types";
import { cleaned, invalid, note, type InputProblem } from "./input-problem";

export type CredentialProblems = Partial<Record<keyof LiveCredentials, InputProblem>>;

/**
 * The access key ID a typed one most likely is: cleaned (./input-problem.ts) and in capitals, with the clean-up's
 * code when one was needed. Null when even that is no access key ID.
 */
function keyIdMeant(v: string) {
  const c = cleaned(v);
  const suggestion = (c?.value ?? v).toUpperCase();
  return accessKeyIdKind(suggestion) ? { suggestion, code: c?.code } : null;
}

/** A secret with spaces in it: offered without them, never shown. */
const spacedSecret = (v: string) => invalid("spaces", "live", { suggestion: v.replace(/\s+/g, ""), hidden: true });

/** The import's access key ID (access-key mode's start field). */
export function accessKeyIdProblem(raw: string): InputProblem | null {
  const v = raw.trim();
  if (!v) return null;
  if (secretKindOf(v)) return invalid("accessKeyId.secret", "all");
  const kind = accessKeyIdKind(v);
  if (kind === "temporary") return note("accessKeyId.temporary");
  if (kind === "long-term") return null;
  const meant = keyIdMeant(v);
  const blocks = ACCESS_KEY_ID.test(v) ? "none" : "live";
  return meant
    ? invalid(meant.code ?? "accessKeyId.shape", blocks, { suggestion: meant.suggestion })
    : invalid("accessKeyId.shape", blocks);
}

/** The problem of each diagnosing credential (live mode); a suggestion for a secret is never shown. */
export function credentialProblems(creds: LiveCredentials): CredentialProblems {
  const out: CredentialProblems = {};
  const key = creds.accessKeyId.trim();
  const secret = creds.secretAccessKey.trim();
  const token = creds.sessionToken.trim();
  const keyKind = accessKeyIdKind(key);
  if (!key) out.accessKeyId = invalid("required", "live");
  else if (secretKindOf(key)) out.accessKeyId = invalid("credentials.key-is-secret", "live");
  else if (!keyKind) {
    const meant = keyIdMeant(key);
    out.accessKeyId = meant
      ? invalid(meant.code ?? "credentials.key-shape", "live", { suggestion: meant.suggestion })
      : ACCESS_KEY_ID.test(key)
        ? undefined
        : invalid("credentials.key-shape", "live");
  }
  if (!secret) out.secretAccessKey = invalid("required", "live");
  else if (/\s/.test(secret)) out.secretAccessKey = spacedSecret(secret);
  else if (accessKeyIdKind(secret)) out.secretAccessKey = invalid("credentials.secret-is-key-id", "live");
  else if (secret.length < 16 || secret.length > 256)
    out.secretAccessKey = invalid("credentials.secret-length", "live", { params: { count: secret.length } });
  else if (secret.length !== 40)
    out.secretAccessKey = note("credentials.secret-not-40", { params: { count: secret.length } });
  if (keyKind === "temporary" && !token) out.sessionToken = invalid("credentials.token-required", "live");
  else if (token && /\s/.test(token)) out.sessionToken = spacedSecret(token);
  else if (token.length > 4096) out.sessionToken = invalid("credentials.token-length", "live");
  else if (token && keyKind === "long-term") out.sessionToken = note("credentials.token-long-term");
  return out;
}
