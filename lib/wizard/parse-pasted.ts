/**
 * Parses documents the user pastes in offline mode. Accepts a bare policy JSON or the raw output of the AWS CLI
 * commands that print it (`aws iam get-role`, `get-role-policy`, `get-user-policy`, `get-group-policy`,
 * `get-policy-version`, `aws s3api get-bucket-policy`, `get-bucket-ownership-controls`, `get-bucket-encryption`,
 * `aws kms get-key-policy`), URL-encoded documents included, and the CLI's "not found" errors that mean "no such
 * setting". Never throws: a problem comes back as data naming the field and the JSON path.
 */
import type { PolicyDocument } from "@/lib/snapshot/schema";
import { jsonErrorOffset } from "./json-error-position";

export const PASTE_ERROR_CODES = [
  "json.invalid",
  "url-decode.invalid",
  "policy.not-object",
  "policy.no-statement",
  "policy.statement-type",
  "ownership.invalid",
  "encryption.invalid",
  "snapshot.invalid",
  "empty",
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

export type ObjectOwnership = "BucketOwnerEnforced" | "BucketOwnerPreferred" | "ObjectWriter";
export interface BucketEncryption {
  algorithm: "AES256" | "aws:kms" | "aws:kms:dsse";
  kmsKeyId: string | null;
  bucketKeyEnabled: boolean | null;
}

type Json = unknown;

function fail<T>(
  field: string,
  path: string,
  code: PasteErrorCode,
  message: string,
  params?: PasteError["params"],
): ParseResult<T> {
  return { ok: false, error: { field, path, code, message, ...(params ? { params } : {}) } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function looksUrlEncoded(text: string): boolean {
  return /^%7B/i.test(text) || (!text.includes("{") && /%22|%7B/i.test(text));
}

/** JSON text → value; URL-encoded JSON (as IAM's API returns it) is decoded first. */
function parseJsonText(raw: string, field: string, path: string): ParseResult<Json> {
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
    const pos = jsonErrorOffset(text) ?? text.length;
    const { line, column } = lineColumn(text, pos);
    return fail(field, path, "json.invalid", `${field}: ${path} is not valid JSON (line ${line}, column ${column})`, {
      line,
      column,
    });
  }
}

/** A value that holds a policy: an object, a JSON string, or a URL-encoded JSON string. */
function policyFrom(value: Json, field: string, path: string): ParseResult<PolicyDocument> {
  let v = value;
  if (typeof v === "string") {
    const parsed = parseJsonText(v, field, path);
    if (!parsed.ok) return parsed;
    v = parsed.value;
  }
  if (!isRecord(v))
    return fail(field, path, "policy.not-object", `${field}: ${path} must be a JSON object with a Statement`);
  if (!("Statement" in v)) {
    return fail(
      field,
      `${path}.Statement`,
      "policy.no-statement",
      `${field}: ${path}.Statement is missing; this is not a policy document`,
    );
  }
  const st = v.Statement;
  if (!Array.isArray(st) && !isRecord(st)) {
    return fail(
      field,
      `${path}.Statement`,
      "policy.statement-type",
      `${field}: ${path}.Statement must be an array of statements or one statement object`,
    );
  }
  return { ok: true, value: v, source: "policy" };
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

function isEmpty(text: string): boolean {
  return text.trim().length === 0;
}

/** The CLI's error text for a missing setting, e.g. "An error occurred (NoSuchBucketPolicy) when calling …". */
function notFoundError(text: string, codes: string[]): boolean {
  const t = text.trim();
  return codes.some((c) => t === c || new RegExp(`\\(${c}\\)`).test(t));
}

/**
 * A trust policy: bare, or `aws iam get-role` output (`{"Role": {"AssumeRolePolicyDocument": …}}`), whose document
 * may be an object (the CLI decodes it) or a URL-encoded string (the raw API).
 */
export function parseTrustPolicy(text: string, field = "trustPolicy"): ParseResult<PolicyDocument> {
  if (isEmpty(text)) return fail(field, "$", "empty", `${field} is empty`);
  const parsed = parseJsonText(text, field, "$");
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (isRecord(v) && isRecord(v.Role)) {
    const role = v.Role;
    const doc = policyFrom(role.AssumeRolePolicyDocument, field, "$.Role.AssumeRolePolicyDocument");
    if (!doc.ok) return doc;
    const pb = isRecord(role.PermissionsBoundary) ? str(role.PermissionsBoundary.PermissionsBoundaryArn) : undefined;
    return {
      ok: true,
      value: doc.value,
      source: "aws iam get-role",
      meta: { roleArn: str(role.Arn), roleName: str(role.RoleName), ...(pb ? { permissionsBoundaryArn: pb } : {}) },
    };
  }
  if (isRecord(v) && "AssumeRolePolicyDocument" in v) {
    const doc = policyFrom(v.AssumeRolePolicyDocument, field, "$.AssumeRolePolicyDocument");
    return doc.ok ? { ...doc, source: "aws iam get-role" } : doc;
  }
  return policyFrom(v, field, "$");
}

/**
 * A permission policy of a role, user or group: bare, `get-role-policy` / `get-user-policy` / `get-group-policy`
 * output (`{"PolicyName": …, "PolicyDocument": …}`) or `get-policy-version` output (`{"PolicyVersion": {"Document": …}}`).
 */
export function parseIdentityPolicy(text: string, field = "identityPolicy"): ParseResult<PolicyDocument> {
  if (isEmpty(text)) return fail(field, "$", "empty", `${field} is empty`);
  const parsed = parseJsonText(text, field, "$");
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (isRecord(v) && "PolicyDocument" in v) {
    const doc = policyFrom(v.PolicyDocument, field, "$.PolicyDocument");
    if (!doc.ok) return doc;
    const source: PasteSource = str(v.RoleName)
      ? "aws iam get-role-policy"
      : str(v.UserName)
        ? "aws iam get-user-policy"
        : str(v.GroupName)
          ? "aws iam get-group-policy"
          : "aws iam get-role-policy";
    return {
      ok: true,
      value: doc.value,
      source,
      meta: {
        ...(str(v.PolicyName) ? { policyName: str(v.PolicyName) } : {}),
        ...(str(v.RoleName) ? { roleName: str(v.RoleName) } : {}),
        ...(str(v.UserName) ? { userName: str(v.UserName) } : {}),
        ...(str(v.GroupName) ? { groupName: str(v.GroupName) } : {}),
      },
    };
  }
  if (isRecord(v) && isRecord(v.PolicyVersion)) {
    const doc = policyFrom(v.PolicyVersion.Document, field, "$.PolicyVersion.Document");
    return doc.ok ? { ...doc, source: "aws iam get-policy-version" } : doc;
  }
  return policyFrom(v, field, "$");
}

/**
 * A bucket policy: bare, or `aws s3api get-bucket-policy` output (`{"Policy": "<json string>"}`).
 * The CLI's NoSuchBucketPolicy error means the bucket has no policy: the value is null.
 */
export function parseBucketPolicy(text: string, field = "bucketPolicy"): ParseResult<PolicyDocument | null> {
  if (isEmpty(text)) return fail(field, "$", "empty", `${field} is empty`);
  if (notFoundError(text, ["NoSuchBucketPolicy"])) return { ok: true, value: null, source: "not-found-error" };
  return parseResourcePolicy(text, field, "aws s3api get-bucket-policy");
}

/** A KMS key policy: bare, or `aws kms get-key-policy` output (`{"Policy": "<json string>", "PolicyName": "default"}`). */
export function parseKeyPolicy(text: string, field = "keyPolicy"): ParseResult<PolicyDocument> {
  if (isEmpty(text)) return fail(field, "$", "empty", `${field} is empty`);
  const r = parseResourcePolicy(text, field, "aws kms get-key-policy");
  if (r.ok && r.value === null)
    return fail(field, "$", "policy.not-object", `${field}: $ must be a JSON object with a Statement`);
  return r as ParseResult<PolicyDocument>;
}

function parseResourcePolicy(text: string, field: string, cli: PasteSource): ParseResult<PolicyDocument | null> {
  const parsed = parseJsonText(text, field, "$");
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (isRecord(v) && "Policy" in v && !("Statement" in v)) {
    const doc = policyFrom(v.Policy, field, "$.Policy");
    return doc.ok ? { ...doc, source: cli } : doc;
  }
  return policyFrom(v, field, "$");
}

const OWNERSHIP: ObjectOwnership[] = ["BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter"];

/**
 * Object Ownership: `aws s3api get-bucket-ownership-controls` output, or the bare setting name.
 * OwnershipControlsNotFoundError means no ownership controls, which behaves as ObjectWriter.
 */
export function parseObjectOwnership(text: string, field = "objectOwnership"): ParseResult<ObjectOwnership> {
  if (isEmpty(text)) return fail(field, "$", "empty", `${field} is empty`);
  if (notFoundError(text, ["OwnershipControlsNotFoundError"]))
    return { ok: true, value: "ObjectWriter", source: "not-found-error" };
  const bare = text.trim().replace(/^"|"$/g, "");
  const named = OWNERSHIP.find((o) => o.toLowerCase() === bare.toLowerCase());
  if (named) return { ok: true, value: named, source: "value" };
  const parsed = parseJsonText(text, field, "$");
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const controls = isRecord(v) && isRecord(v.OwnershipControls) ? v.OwnershipControls : isRecord(v) ? v : null;
  const basePath = isRecord(v) && isRecord(v.OwnershipControls) ? "$.OwnershipControls" : "$";
  const rules = controls && Array.isArray(controls.Rules) ? controls.Rules : null;
  if (!rules) {
    return fail(
      field,
      `${basePath}.Rules`,
      "ownership.invalid",
      `${field}: ${basePath}.Rules is missing; paste the output of aws s3api get-bucket-ownership-controls`,
    );
  }
  const first = rules[0];
  const value = isRecord(first) ? first.ObjectOwnership : undefined;
  const found = OWNERSHIP.find((o) => o === value);
  if (!found) {
    return fail(
      field,
      `${basePath}.Rules[0].ObjectOwnership`,
      "ownership.invalid",
      `${field}: ${basePath}.Rules[0].ObjectOwnership must be one of ${OWNERSHIP.join(", ")}`,
    );
  }
  return { ok: true, value: found, source: "aws s3api get-bucket-ownership-controls" };
}

const ALGORITHMS = ["AES256", "aws:kms", "aws:kms:dsse"] as const;

/**
 * Default encryption: `aws s3api get-bucket-encryption` output, its inner `{"Rules": …}`, or a bare algorithm
 * (`AES256`, `aws:kms`, `aws:kms:dsse`). Since 2023 every bucket has default encryption, so the CLI's
 * ServerSideEncryptionConfigurationNotFoundError is read as SSE-S3.
 */
export function parseBucketEncryption(text: string, field = "bucketEncryption"): ParseResult<BucketEncryption> {
  if (isEmpty(text)) return fail(field, "$", "empty", `${field} is empty`);
  if (notFoundError(text, ["ServerSideEncryptionConfigurationNotFoundError"])) {
    return {
      ok: true,
      value: { algorithm: "AES256", kmsKeyId: null, bucketKeyEnabled: null },
      source: "not-found-error",
    };
  }
  const bare = text.trim().replace(/^"|"$/g, "");
  const algo =
    ALGORITHMS.find((a) => a.toLowerCase() === bare.toLowerCase()) ?? (/^sse-s3$/i.test(bare) ? "AES256" : undefined);
  if (algo) return { ok: true, value: { algorithm: algo, kmsKeyId: null, bucketKeyEnabled: null }, source: "value" };
  const parsed = parseJsonText(text, field, "$");
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const inner =
    isRecord(v) && isRecord(v.ServerSideEncryptionConfiguration)
      ? v.ServerSideEncryptionConfiguration
      : isRecord(v)
        ? v
        : null;
  const basePath =
    isRecord(v) && isRecord(v.ServerSideEncryptionConfiguration) ? "$.ServerSideEncryptionConfiguration" : "$";
  const rules = inner && Array.isArray(inner.Rules) ? inner.Rules : null;
  if (!rules || rules.length === 0) {
    return fail(
      field,
      `${basePath}.Rules`,
      "encryption.invalid",
      `${field}: ${basePath}.Rules is missing; paste the output of aws s3api get-bucket-encryption`,
    );
  }
  const rule = rules[0];
  const def =
    isRecord(rule) && isRecord(rule.ApplyServerSideEncryptionByDefault)
      ? rule.ApplyServerSideEncryptionByDefault
      : null;
  const algorithm = ALGORITHMS.find((a) => def && a === def.SSEAlgorithm);
  if (!def || !algorithm) {
    return fail(
      field,
      `${basePath}.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm`,
      "encryption.invalid",
      `${field}: ${basePath}.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm must be one of ${ALGORITHMS.join(", ")}`,
    );
  }
  const bucketKey = isRecord(rule) && typeof rule.BucketKeyEnabled === "boolean" ? rule.BucketKeyEnabled : null;
  return {
    ok: true,
    value: {
      algorithm,
      kmsKeyId: algorithm === "AES256" ? null : (str(def.KMSMasterKeyID) ?? null),
      bucketKeyEnabled: bucketKey,
    },
    source: "aws s3api get-bucket-encryption",
  };
}

/**
 * A whole Snapshot v1, as `npm run cli -- collect` prints it (saved, perhaps edited, then pasted). Only the JSON and
 * the version are checked here (this runs in the browser, without the schema library); the server validates the
 * rest and names the JSON path of any problem.
 */
export function parsePastedSnapshot(text: string, field = "snapshot"): ParseResult<Record<string, unknown>> {
  if (isEmpty(text)) return fail(field, "$", "empty", `${field} is empty`);
  const parsed = parseJsonText(text, field, "$");
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (!isRecord(v))
    return fail(field, "$", "snapshot.invalid", `${field}: $ must be a snapshot object`, {
      message: "expected an object",
    });
  if (v.version !== 1)
    return fail(field, "$.version", "snapshot.invalid", `${field}: $.version must be 1`, { message: "expected 1" });
  return { ok: true, value: v, source: "value" };
}
