/**
 * Parses the policies the user pastes in offline mode, and a whole pasted snapshot. Accepts a bare policy JSON or the
 * raw output of the AWS CLI commands that print it (`aws iam get-role`, `get-role-policy`, `get-user-policy`,
 * `get-group-policy`, `get-policy-version`, `aws s3api get-bucket-policy`, `aws kms get-key-policy`), URL-encoded
 * documents included, and the CLI's "not found" errors that mean "no such setting". Never throws: a problem comes
 * back as data naming the field and the JSON path. Bucket settings: parse-bucket-settings.ts.
 */
import type { PolicyDocument } from "@/lib/snapshot/schema";
import {
  fail,
  isEmpty,
  isRecord,
  notFoundError,
  parseJsonText,
  str,
  type Json,
  type ParseResult,
  type PasteSource,
} from "./paste-result";

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
