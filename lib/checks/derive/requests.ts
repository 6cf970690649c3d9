import type { ContextValue, PartialValue } from "@/lib/policy/types";
import type { ParsedBucketUri } from "@/lib/snapshot/bucket-uri";
import { keyInTarget } from "@/lib/snapshot/bucket-uri";
import type { Snapshot } from "@/lib/snapshot/schema";
import type { ImportPrincipal } from "./principal";
import type { KeyInUse } from "./keys";
import { kmsContext, principalContext, s3Context, type RequestContextParts } from "./request-context";

/** One request TiDB Cloud's import makes, as the policy engine is asked about it. */
export interface ImportRequest {
  action: string;
  resource: string;
  context: Record<string, ContextValue>;
  unknownKeys: string[];
  /** Keys known only in part: aws:userid (role id + unknown session name), s3:TlsVersion (1.2 or 1.3). */
  partialContext?: Record<string, PartialValue>;
  /** The object key, for object-level requests. */
  objectKey?: string;
  /** The KMS key, for kms:Decrypt. */
  kmsKey?: KeyInUse;
  /**
   * The same call as S3 makes it for other objects, whose context differs (kms:Decrypt for objects written with and
   * without an S3 Bucket Key): the import needs each of them allowed, so `ask` answers with the worst of them.
   */
  alsoAs?: ImportRequest[];
}

export function bucketArn(partition: string, bucket: string): string {
  return `arn:${partition}:s3:::${bucket}`;
}

function objectArn(partition: string, bucket: string, key: string): string {
  return `arn:${partition}:s3:::${bucket}/${key}`;
}

/** A key to ask about when no object under the target is known. */
function representativeKey(target: ParsedBucketUri): string {
  if (target.kind === "file") return target.key!;
  if (target.kind === "pattern") return target.key!.replace(/\*/g, "sample").replace(/\?/g, "0");
  return `${target.folder}sample.csv`;
}

/** Object keys the import reads: the known objects under the target, or one representative key. */
function importObjectKeys(snapshot: Snapshot, target: ParsedBucketUri): string[] {
  const known = (snapshot.objects ?? []).map((o) => o.key).filter((k) => keyInTarget(target, k));
  return known.length > 0 ? known : [representativeKey(target)];
}

/** The common context of every request TiDB Cloud makes as the principal (see request-context.ts). */
function baseContext(snapshot: Snapshot, p: ImportPrincipal, now: Date, region: string | null): RequestContextParts {
  const parts = principalContext(snapshot, p, now);
  // Always present (IAM User Guide, aws:RequestedRegion): the bucket's region, the key's for S3's call to KMS.
  if (region) parts.context["aws:RequestedRegion"] = region;
  else parts.unknownKeys.push("aws:RequestedRegion");
  return parts;
}

function request(action: string, resource: string, parts: RequestContextParts): ImportRequest {
  const r: ImportRequest = { action, resource, context: parts.context, unknownKeys: parts.unknownKeys };
  if (Object.keys(parts.partialContext).length) r.partialContext = parts.partialContext;
  return r;
}

/**
 * The S3 requests of the import: GetBucketLocation, ListBucket (s3:prefix = folder, no delimiter: TiDB's storage layer
 * lists with Prefix and MaxKeys only), GetObject(+Version) per object.
 */
export function s3Requests(
  snapshot: Snapshot,
  target: ParsedBucketUri,
  p: ImportPrincipal,
  now: Date,
  region: string | null,
): ImportRequest[] {
  const base = baseContext(snapshot, p, now, region);
  const bucket = bucketArn(p.partition, target.bucket);
  const bucketLevel = s3Context(snapshot, base, null);
  const out: ImportRequest[] = [
    request("s3:GetBucketLocation", bucket, bucketLevel),
    request("s3:ListBucket", bucket, {
      ...bucketLevel,
      context: { ...bucketLevel.context, "s3:prefix": target.folder },
      // How many keys a page asks for is not documented for TiDB Cloud's service.
      unknownKeys: [...bucketLevel.unknownKeys, "s3:max-keys"],
    }),
  ];
  const actions = p.kind === "role" ? ["s3:GetObject", "s3:GetObjectVersion"] : ["s3:GetObject"];
  for (const key of importObjectKeys(snapshot, target)) {
    const parts = s3Context(snapshot, base, key);
    for (const action of actions)
      out.push({ ...request(action, objectArn(p.partition, target.bucket, key), parts), objectKey: key });
  }
  return out;
}

/** The kms:EncryptionContext:aws:s3:arn of one kms:Decrypt: known, or one of several values. */
type ArnContext = { exact: string } | { oneOf: string[] };

/**
 * What S3 passes as kms:EncryptionContext:aws:s3:arn when it decrypts the key's objects: the bucket's ARN for an object
 * written with an S3 Bucket Key, the object's ARN otherwise (Amazon S3 User Guide, doc_source/UsingKMSEncryption.md
 * "Encryption context" and doc_source/bucket-key.md). Per object, not per bucket: "When you configure an S3 Bucket Key,
 * objects that are already in the bucket do not use the S3 Bucket Key", and a PUT may override the bucket's setting.
 * - every object of the key says (objects[].bucketKeyEnabled, read with HeadObject): the contexts they give, one, or
 *   both when some objects use a Bucket Key and others do not (each must be allowed: `alsoAs`);
 * - objects that do not say (or none known) while the bucket's default has the Bucket Key on: either, since they may
 *   predate it (`oneOf`: the engine decides when both give the same answer, and says undecided otherwise);
 * - objects that do not say while the bucket's default has it off (or is not known): the object's ARN, as before
 *   objects said (one written with the per-request header would carry the bucket's ARN; not assumed).
 */
function encryptionContexts(
  snapshot: Snapshot,
  key: KeyInUse,
  bucketArnValue: string,
  fallbackKey: string,
): ArnContext[] {
  const byKey = new Map((snapshot.objects ?? []).map((o) => [o.key, o] as const));
  const uses = (k: string): boolean | null => {
    const o = byKey.get(k);
    if (o?.sse === "aws:kms:dsse") return false; // DSSE-KMS never uses an S3 Bucket Key
    return typeof o?.bucketKeyEnabled === "boolean" ? o.bucketKeyEnabled : null;
  };
  const withKey = key.objects.some((k) => uses(k) === true);
  const without = key.objects.find((k) => uses(k) === false);
  const unknown = key.objects.length === 0 ? [fallbackKey] : key.objects.filter((k) => uses(k) === null);
  const out: ArnContext[] = [];
  if (withKey) out.push({ exact: bucketArnValue });
  if (without !== undefined) out.push({ exact: `${bucketArnValue}/${without}` });
  if (unknown.length > 0) {
    const objectArn = `${bucketArnValue}/${unknown[0]}`;
    if (snapshot.bucket?.encryption?.bucketKeyEnabled) {
      if (!withKey || without === undefined) out.push({ oneOf: [bucketArnValue, objectArn] });
    } else if (without === undefined) out.push({ exact: objectArn });
  }
  return out;
}

/**
 * kms:Decrypt as S3 makes it on the principal's behalf (forward access session): kms:ViaService is S3 in the bucket's
 * region, kms:CallerAccount is the principal's account, aws:ViaAWSService is true; the encryption context names the
 * bucket or the object (see encryptionContexts: one request per context the key's objects give); aws:ResourceAccount,
 * kms:ResourceAliases and aws:ResourceTag come from the key.
 */
export function kmsDecryptRequest(
  snapshot: Snapshot,
  key: KeyInUse,
  p: ImportPrincipal,
  now: Date,
  region: string | null,
  bucketArnValue: string,
  target: ParsedBucketUri,
): ImportRequest {
  const parts = kmsContext(baseContext(snapshot, p, now, region), key);
  Object.assign(parts.context, {
    "aws:ViaAWSService": "true",
    "kms:CallerAccount": p.accountId,
    "kms:EncryptionAlgorithm": "SYMMETRIC_DEFAULT",
    "kms:EncryptionContextKeys": ["aws:s3:arn"],
    // S3 calls KMS with temporary credentials made from the principal's (IAM User Guide, aws:MultiFactorAuthPresent).
    "aws:MultiFactorAuthPresent": "false",
  });
  // S3 calls KMS from its own network, so the principal's address is not the request's: an IP allow-list "denies
  // access if an AWS service makes calls on the principal's behalf" (IAM User Guide, reference_policies_condition-keys.md,
  // aws:SourceIp). S3 stands in as CloudTrail names it, a value no IP range matches.
  parts.unknownKeys = parts.unknownKeys.filter((k) => k !== "aws:SourceIp");
  parts.context["aws:SourceIp"] = "s3.amazonaws.com";
  if (region) parts.context["kms:ViaService"] = `s3.${region}.amazonaws.com`;
  else parts.unknownKeys.push("kms:ViaService");
  const [first, ...others] = encryptionContexts(snapshot, key, bucketArnValue, representativeKey(target)).map(
    (c): ImportRequest => {
      const r = request("kms:Decrypt", key.arn, parts);
      if ("exact" in c) r.context = { ...r.context, "kms:EncryptionContext:aws:s3:arn": c.exact };
      else r.partialContext = { ...r.partialContext, "kms:EncryptionContext:aws:s3:arn": c };
      return { ...r, kmsKey: key };
    },
  );
  return others.length ? { ...first, alsoAs: others } : first;
}
