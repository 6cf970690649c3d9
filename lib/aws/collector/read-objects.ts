import "server-only";
import { keyInTarget, listPrefix } from "@/lib/snapshot/bucket-uri";
import { bucketKeyOf } from "@/lib/snapshot/bucket-key";
import type { SnapshotObject } from "@/lib/snapshot/schema";
import type { CallRef } from "../run";
import { pickSample } from "../sample";
import type { Collection } from "./context";
import { ensureKey } from "./read-keys";

/**
 * Rows `objects` and `objectHeads`: one page of the listing under the target (owners and storage classes), then a
 * HEAD of a sample spread over subfolders (encryption and KMS key; an SSE-C object answers 400).
 */
export async function readObjects(c: Collection): Promise<void> {
  try {
    await listAndHead(c);
  } finally {
    c.signals.listed.resolve();
    c.signals.headsDone.resolve();
  }
}

async function listAndHead(c: Collection): Promise<void> {
  const Bucket = c.uri.bucket;
  const Prefix = listPrefix(c.uri);
  const o = c.state.objects;
  const r = await c.call(
    "s3:ListObjectsV2",
    "object-ownership",
    [],
    { Bucket, Prefix, FetchOwner: true, MaxKeys: 1000 },
    { subject: Prefix },
  );
  if (!r.ok) {
    if (r.error.awsCode === "NoSuchBucket") c.state.bucket.notFound = true;
    else o.failed = r.reason;
    return;
  }
  const list: SnapshotObject[] = [];
  for (const x of r.value.Contents ?? []) {
    if (!x.Key || !keyInTarget(c.uri, x.Key)) continue;
    list.push({
      key: x.Key,
      size: x.Size ?? null,
      storageClass: x.StorageClass ?? "STANDARD",
      ...(x.Owner?.ID ? { ownerCanonicalId: x.Owner.ID } : {}),
    });
  }
  o.list = list;
  o.truncated = Boolean(r.value.IsTruncated);
  c.signals.listed.resolve();
  if (c.reads.has("objectHeads")) {
    await Promise.all(pickSample(list, c.headSample).map((obj) => headObject(c, obj, r.ref)));
  }
}

async function headObject(c: Collection, obj: SnapshotObject, parent: CallRef): Promise<void> {
  const r = await c.call(
    "s3:HeadObject",
    "encryption",
    [parent],
    { Bucket: c.uri.bucket, Key: obj.key },
    {
      subject: obj.key,
    },
  );
  if (!r.ok) {
    // An SSE-C object cannot be HEADed without its customer key: S3 answers 400 Bad Request.
    if (r.error.httpStatus === 400) obj.sse = "SSE-C";
    else c.state.objects.headFailed.set(obj.key, r.reason);
    return;
  }
  const v = r.value;
  if (v.SSECustomerAlgorithm) obj.sse = "SSE-C";
  else {
    const sse = v.ServerSideEncryption;
    obj.sse = sse === "AES256" || sse === "aws:kms" || sse === "aws:kms:dsse" ? sse : null;
  }
  if (v.SSEKMSKeyId) obj.kmsKeyId = v.SSEKMSKeyId;
  const bucketKey = bucketKeyOf(obj.sse, v.BucketKeyEnabled);
  if (bucketKey !== undefined) obj.bucketKeyEnabled = bucketKey;
  if (v.StorageClass) obj.storageClass = v.StorageClass;
  if (v.ArchiveStatus) obj.archiveStatus = v.ArchiveStatus;
  if (v.Restore) obj.restored = /ongoing-request="false"/.test(v.Restore);
  if (obj.kmsKeyId && c.reads.has("keys")) ensureKey(c, obj.kmsKeyId, r.ref);
}
