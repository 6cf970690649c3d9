/**
 * What parsing a pasted document gives (a value and what it was recognised as, or an error naming the field and the
 * JSON path), and the pieces every parser of lib/wizard/parse-*.ts shares: JSON text (URL-encoded or not, with the
 * line and column of a syntax error) and the AWS CLI's "not found" errors.
 */
import { syntaxErrorAt } from "./json-error-position";

export const PASTE_ERROR_CODES = [
  "json.invalid",
  "url-decode.invalid",
  "policy.not-object",
  "policy.no-statement",
  "policy.statement-type",
  "ownership.invalid",
  "encryption.invalid",
  "snapshot.invalid",
  "bundle.invalid",
  "bundle.not-bundle",
  "objects.invalid",
  "head.invalid",
  "payer.invalid",
  "empty",
  "too-large.documents",
  "too-large.objects",
  "too-large.snapshot",
  "too-large.bundle",
] as const;
type PasteErrorCode = (typeof PASTE_ERROR_CODES)[number];

export interface PasteError {
  /** Form field, e.g. "trustPolicy", "identityPolicies[1]", "bucketPolicy". */
  field: string;
  /** JSON path inside what was pasted, "$" for the whole text. */
  path: string;
  code: PasteErrorCode;
  /** English message, for logs-free places that have no translations (CLI, tests). */
  message: string;
  params?: Record<string, string | number>;
}

/** What the pasted text was recognised as. */
export type PasteSource =
  | "policy"
  | "aws iam get-role"
  | "aws iam get-role-policy"
  | "aws iam get-user-policy"
  | "aws iam get-group-policy"
  | "aws iam get-policy-version"
  | "aws s3api get-bucket-policy"
  | "aws kms get-key-policy"
  | "aws s3api get-bucket-ownership-controls"
  | "aws s3api get-bucket-encryption"
  | "aws s3api list-objects-v2"
  | "aws s3api head-object"
  | "aws s3api get-bucket-request-payment"
  | "not-found-error"
  | "value";

export type ParseResult<T> =
  { ok: true; value: T; source: PasteSource; meta?: PasteMeta } | { ok: false; error: PasteError };

/** Facts the CLI output carries beside the document (role ARN, policy name, …). */
interface PasteMeta {
  roleArn?: string;
  roleName?: string;
  policyName?: string;
  permissionsBoundaryArn?: string;
  userName?: string;
  groupName?: string;
}
export type Json = unknown;

export function fail<T>(
  field: string,
  path: string,
  code: PasteErrorCode,
  message: string,
  params?: PasteError["params"],
): ParseResult<T> {
  return { ok: false, error: { field, path, code, message, ...(params ? { params } : {}) } };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function looksUrlEncoded(text: string): boolean {
  return /^%7B/i.test(text) || (!text.includes("{") && /%22|%7B/i.test(text));
}

/** JSON text → value; URL-encoded JSON (as IAM's API returns it) is decoded first. */
export function parseJsonText(raw: string, field: string, path: string): ParseResult<Json> {
  let text = raw.trim();
  if (looksUrlEncoded(text)) {
    try {
      text = decodeURIComponent(text).trim();
    } catch {
      return fail(field, path, "url-decode.invalid", `${field}: ${path} looks URL-encoded but cannot be decoded`);
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) as Json, source: "value" };
  } catch {
    const { line, column } = syntaxErrorAt(text);
    return fail(field, path, "json.invalid", `${field}: ${path} is not valid JSON (line ${line}, column ${column})`, {
      line,
      column,
    });
  }
}
export function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

export function isEmpty(text: string): boolean {
  return text.trim().length === 0;
}

/** The CLI's error text for a missing setting, e.g. "An error occurred (NoSuchBucketPolicy) when calling …". */
export function notFoundError(text: string, codes: string[]): boolean {
  const t = text.trim();
  return codes.some((c) => t === c || new RegExp(`\\(${c}\\)`).test(t));
}
