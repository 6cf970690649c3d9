/**
 * Offline mode's boxes for what live mode reads about the objects and Requester Pays: the output of
 * `aws s3api list-objects-v2 … --fetch-owner`, of `aws s3api head-object` for a few objects, and of
 * `aws s3api get-bucket-request-payment`, pasted as is. Pure.
 */
import { bucketKeyOf } from "@/lib/snapshot/bucket-key";
import type { SnapshotObject } from "@/lib/snapshot/schema";
import { fail, isEmpty, isRecord, parseJsonText, type ParseResult } from "./paste-result";

const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

/** The listing: the CLI's output ({ "Contents": [...] }), or the list of its Contents. */
export function parseObjectListing(
  text: string,
  field = "objectListing",
): ParseResult<{ objects: SnapshotObject[]; truncated: boolean }> {
  if (isEmpty(text)) return fail(field, "$", "empty", `${field} is empty`);
  const parsed = parseJsonText(text, field, "$");
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const contents = Array.isArray(v) ? v : isRecord(v) ? (v.Contents ?? []) : null;
  if (!Array.isArray(contents))
    return fail(field, "$.Contents", "objects.invalid", `${field}: $.Contents must be a list of objects`);
  const objects: SnapshotObject[] = [];
  for (const [i, o] of contents.entries()) {
    if (!isRecord(o) || !str(o.Key))
      return fail(field, `$.Contents[${i}].Key`, "objects.invalid", `${field}: $.Contents[${i}].Key is missing`);
    const owner = isRecord(o.Owner) ? str(o.Owner.ID) : undefined;
    objects.push({
      key: o.Key as string,
      size: typeof o.Size === "number" ? o.Size : null,
      storageClass: str(o.StorageClass) ?? "STANDARD",
      ...(owner ? { ownerCanonicalId: owner } : {}),
    });
  }
  const truncated = isRecord(v) && (v.IsTruncated === true || typeof v.NextToken === "string");
  return { ok: true, value: { objects, truncated }, source: "aws s3api list-objects-v2" };
}

export type HeadFacts = Pick<
  SnapshotObject,
  "sse" | "kmsKeyId" | "bucketKeyEnabled" | "storageClass" | "archiveStatus" | "restored"
>;

/**
 * One object's HEAD: the CLI's output, or its error for an SSE-C object (S3 answers 400 Bad Request to a HEAD
 * without the customer key), which says that the object uses SSE-C.
 */
export function parseHeadObject(text: string, field: string): ParseResult<HeadFacts> {
  if (isEmpty(text)) return fail(field, "$", "empty", `${field} is empty`);
  if (/An error occurred \((400|BadRequest)\) when calling the HeadObject operation/.test(text))
    return { ok: true, value: { sse: "SSE-C" }, source: "aws s3api head-object" };
  const parsed = parseJsonText(text, field, "$");
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (!isRecord(v) || !("ContentLength" in v || "ETag" in v || "LastModified" in v || "ServerSideEncryption" in v))
    return fail(field, "$", "head.invalid", `${field}: not the output of aws s3api head-object`);
  const sse = v.ServerSideEncryption;
  const facts: HeadFacts = {
    sse: str(v.SSECustomerAlgorithm)
      ? "SSE-C"
      : sse === "AES256" || sse === "aws:kms" || sse === "aws:kms:dsse"
        ? sse
        : null,
  };
  if (str(v.SSEKMSKeyId)) facts.kmsKeyId = v.SSEKMSKeyId as string;
  // The CLI prints "BucketKeyEnabled": true for an object written with an S3 Bucket Key and leaves it out otherwise
  // (as the live collector reads it: lib/aws/collector/read-objects.ts).
  const bucketKey = bucketKeyOf(facts.sse, v.BucketKeyEnabled === true);
  if (bucketKey !== undefined) facts.bucketKeyEnabled = bucketKey;
  if (str(v.StorageClass)) facts.storageClass = v.StorageClass as string;
  if (str(v.ArchiveStatus)) facts.archiveStatus = v.ArchiveStatus as string;
  if (str(v.Restore)) facts.restored = /ongoing-request="false"/.test(v.Restore as string);
  return { ok: true, value: facts, source: "aws s3api head-object" };
}

/** Requester Pays: the CLI's output ({ "Payer": "BucketOwner" }), or just BucketOwner / Requester. */
export function parseRequestPayment(text: string, field = "requesterPays"): ParseResult<boolean> {
  if (isEmpty(text)) return fail(field, "$", "empty", `${field} is empty`);
  const bare = text.trim().replace(/^"|"$/g, "");
  if (bare === "BucketOwner" || bare === "Requester") return { ok: true, value: bare === "Requester", source: "value" };
  const parsed = parseJsonText(text, field, "$");
  if (!parsed.ok) return parsed;
  const payer = isRecord(parsed.value) ? parsed.value.Payer : undefined;
  if (payer !== "BucketOwner" && payer !== "Requester")
    return fail(field, "$.Payer", "payer.invalid", `${field}: $.Payer must be BucketOwner or Requester`);
  return { ok: true, value: payer === "Requester", source: "aws s3api get-bucket-request-payment" };
}
