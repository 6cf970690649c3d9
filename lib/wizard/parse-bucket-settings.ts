/**
 * Parses the bucket settings the user pastes in offline mode: Object Ownership (`aws s3api
 * get-bucket-ownership-controls`) and default encryption (`aws s3api get-bucket-encryption`), or the bare setting,
 * and the CLI's "not found" errors that mean the default. Never throws: a problem comes back as data naming the field
 * and the JSON path.
 */
import { fail, isEmpty, isRecord, notFoundError, parseJsonText, str, type ParseResult } from "./paste-result";

export type ObjectOwnership = "BucketOwnerEnforced" | "BucketOwnerPreferred" | "ObjectWriter";
export interface BucketEncryption {
  algorithm: "AES256" | "aws:kms" | "aws:kms:dsse";
  kmsKeyId: string | null;
  bucketKeyEnabled: boolean | null;
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
