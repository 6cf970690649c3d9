/** The only shape that crosses the server-action boundary: plain, serialisable, never an Error instance. */
export const ACTION_ERROR_CODES = [
  "input.invalid",
  "aws.invalid-credentials",
  "aws.expired-token",
  "aws.access-denied",
  "aws.throttled",
  "aws.network",
  "aws.timeout",
  "rate.limited",
  "internal",
] as const;
type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

export interface ActionError {
  code: ActionErrorCode;
  /**
   * English, credential-free; the wizard shows its own translated text per code (lib/wizard/action-error-text.ts). A
   * pasted snapshot's schema problem is in the request's language (zod's messages), as it is shown under the box.
   */
  message: string;
  /** The input field or JSON path that is wrong, for input errors. */
  field?: string;
  /** For `rate.limited`: seconds until the client may run again (also the answer's Retry-After). */
  retryAfterSeconds?: number;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });
export const err = (error: ActionError): { ok: false; error: ActionError } => ({ ok: false, error });

/** A zod issue path as the JSON path the user can find: ["target","bucketUri"] → "target.bucketUri". */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}
