import type { Snapshot, SnapshotKey } from "@/lib/snapshot/schema";
import type { ParsedBucketUri } from "@/lib/snapshot/bucket-uri";
import { keyInTarget } from "@/lib/snapshot/bucket-uri";
import { accountOfArn, parseArn } from "@/lib/policy/arn";

/** A KMS key that encrypts the import's data: the bucket default, or a key found on a sampled object. */
export interface KeyInUse {
  /** Key ARN when it could be resolved, otherwise the id as found. */
  arn: string;
  /** "AWS" for the AWS managed key aws/s3, "CUSTOMER" for a customer managed key, null when not known. */
  manager: "AWS" | "CUSTOMER" | null;
  key: SnapshotKey | null;
  /** The key's account (from its ARN, or the bucket owner for aws/s3 referenced without an ARN). */
  accountId: string | null;
  bucketDefault: boolean;
  /** Object keys (under the import) encrypted with it. */
  objects: string[];
}

/** Marker id for the AWS managed key aws/s3 when the bucket names no key ARN. */
const AWS_S3_MANAGED = "alias/aws/s3";

function keyAccount(arn: string): string | null {
  return parseArn(arn)?.service === "kms" ? accountOfArn(arn) : null;
}

/** Finds the snapshot entry of a key given as ARN, key id, alias name or alias ARN. */
function resolveKey(snapshot: Snapshot, id: string): { arn: string; key: SnapshotKey } | null {
  const keys = snapshot.keys ?? {};
  if (keys[id]) return { arn: id, key: keys[id] };
  const a = parseArn(id);
  const tail = a?.service === "kms" ? a.resource : id;
  for (const [arn, key] of Object.entries(keys)) {
    if (arn.endsWith(`:${tail}`) || arn.endsWith(`/${tail}`)) return { arn, key };
    if ((key.aliases ?? []).some((a) => a === tail || `alias/${a}` === tail || a === `alias/${tail}`))
      return { arn, key };
  }
  return null;
}

export function keysInUse(snapshot: Snapshot, target: ParsedBucketUri | null): KeyInUse[] {
  const out = new Map<string, KeyInUse>();
  const add = (rawId: string | null | undefined, objectKey: string | null) => {
    const id = rawId ?? AWS_S3_MANAGED;
    const resolved = resolveKey(snapshot, id);
    const arn = resolved?.arn ?? id;
    let entry = out.get(arn);
    if (!entry) {
      const isAwsAlias = /alias\/aws\/s3$/.test(id);
      // An alias under aws/ names an AWS managed key, whatever KeyManager says (or when it was not read).
      const awsAlias = (resolved?.key.aliases ?? []).some((a) => /^(alias\/)?aws\//.test(a));
      entry = {
        arn,
        manager: awsAlias ? "AWS" : (resolved?.key.keyManager ?? (isAwsAlias ? "AWS" : null)),
        key: resolved?.key ?? null,
        accountId:
          resolved?.key.accountId ?? keyAccount(arn) ?? (isAwsAlias ? (snapshot.bucket?.ownerAccountId ?? null) : null),
        bucketDefault: false,
        objects: [],
      };
      out.set(arn, entry);
    }
    if (objectKey === null) entry.bucketDefault = true;
    else entry.objects.push(objectKey);
  };
  const enc = snapshot.bucket?.encryption;
  if (enc && enc.algorithm !== "AES256") add(enc.kmsKeyId, null);
  for (const o of snapshot.objects ?? []) {
    if (target && !keyInTarget(target, o.key)) continue;
    if (o.sse === "aws:kms" || o.sse === "aws:kms:dsse") add(o.kmsKeyId, o.key);
  }
  return [...out.values()];
}
