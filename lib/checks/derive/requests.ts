import type { ContextValue } from "@/lib/policy/types";
import type { ParsedBucketUri } from "@/lib/snapshot/bucket-uri";
import { keyInTarget } from "@/lib/snapshot/bucket-uri";
import type { Snapshot } from "@/lib/snapshot/schema";
import type { ImportPrincipal } from "./principal";
import type { KeyInUse } from "./keys";

/** One request TiDB Cloud's import makes, as the policy engine is asked about it. */
export interface ImportRequest {
  action: string;
  resource: string;
  context: Record<string, ContextValue>;
  unknownKeys: string[];
  /** The object key, for object-level requests. */
  objectKey?: string;
  /** The KMS key, for kms:Decrypt. */
  kmsKey?: KeyInUse;
}

/**
 * Keys whose value TiDB Cloud's requests carry but we cannot know:
 * - aws:SourceIp: TiDB Cloud's egress addresses are not published.
 * - aws:PrincipalOrgID: the snapshot does not say whether the account is in an organization.
 * - aws:userid: contains the role's unique id (AROA…), not in the snapshot.
 * - s3:TlsVersion: TiDB Cloud uses TLS, but the version it negotiates is not documented.
 * - sts:RoleSessionName / sts:SourceIdentity: TiDB Cloud's session name is not documented.
 * Keys deliberately ABSENT (so Null is true and …IfExists matches): aws:SourceVpce and aws:SourceVpc (TiDB Cloud
 * does not come through the customer's VPC endpoint), aws:MultiFactorAuthPresent (no MFA on a service's session).
 */
export const S3_UNKNOWN_KEYS = ["aws:SourceIp", "aws:PrincipalOrgID", "aws:userid", "s3:TlsVersion"];

export function bucketArn(partition: string, bucket: string): string {
  return `arn:${partition}:s3:::${bucket}`;
}

export function objectArn(partition: string, bucket: string, key: string): string {
  return `arn:${partition}:s3:::${bucket}/${key}`;
}

/** A key to ask about when no object under the target is known. */
export function representativeKey(target: ParsedBucketUri): string {
  if (target.kind === "file") return target.key!;
  if (target.kind === "pattern") return target.key!.replace(/\*/g, "sample").replace(/\?/g, "0");
  return `${target.folder}sample.csv`;
}

/** Object keys the import reads: the known objects under the target, or one representative key. */
export function importObjectKeys(snapshot: Snapshot, target: ParsedBucketUri): string[] {
  const known = (snapshot.objects ?? []).map((o) => o.key).filter((k) => keyInTarget(target, k));
  return known.length > 0 ? known : [representativeKey(target)];
}

/**
 * The common context of every request TiDB Cloud makes as the principal:
 * TLS, the principal's ARN and account, and (role mode) a session issued now.
 */
export function baseContext(p: ImportPrincipal, now: Date, region: string | null): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = {
    "aws:SecureTransport": "true",
    "aws:PrincipalArn": p.principalArn,
    "aws:PrincipalAccount": p.accountId,
    "aws:PrincipalType": p.kind === "role" ? "AssumedRole" : "User",
    "aws:CurrentTime": now.toISOString(),
    "aws:EpochTime": String(Math.floor(now.getTime() / 1000)),
  };
  // TiDB Cloud assumes the role for each import, so the session is issued about now; this is what makes a leftover
  // AWSRevokeOlderSessions Deny (DateLessThan aws:TokenIssueTime) not apply to a new attempt.
  if (p.kind === "role") ctx["aws:TokenIssueTime"] = now.toISOString();
  if (region) ctx["aws:RequestedRegion"] = region;
  return ctx;
}

/** The S3 requests of the import: GetBucketLocation, ListBucket (s3:prefix = folder), GetObject(+Version) per object. */
export function s3Requests(
  snapshot: Snapshot,
  target: ParsedBucketUri,
  p: ImportPrincipal,
  now: Date,
  region: string | null,
): ImportRequest[] {
  const base = {
    ...baseContext(p, now, region),
    // S3 is called directly by TiDB Cloud, not through another AWS service.
    "aws:ViaAWSService": "false",
    "s3:authType": "REST-HEADER",
    "s3:signatureversion": "AWS4-HMAC-SHA256",
  };
  const bucket = bucketArn(p.partition, target.bucket);
  const out: ImportRequest[] = [
    { action: "s3:GetBucketLocation", resource: bucket, context: { ...base }, unknownKeys: [...S3_UNKNOWN_KEYS] },
    {
      action: "s3:ListBucket",
      resource: bucket,
      context: { ...base, "s3:prefix": target.folder },
      // Whether TiDB Cloud sends a delimiter or max-keys is not documented: a condition on them stays undecided.
      unknownKeys: [...S3_UNKNOWN_KEYS, "s3:delimiter", "s3:max-keys"],
    },
  ];
  const actions = p.kind === "role" ? ["s3:GetObject", "s3:GetObjectVersion"] : ["s3:GetObject"];
  for (const key of importObjectKeys(snapshot, target)) {
    for (const action of actions) {
      out.push({
        action,
        resource: objectArn(p.partition, target.bucket, key),
        context: { ...base },
        unknownKeys: [...S3_UNKNOWN_KEYS],
        objectKey: key,
      });
    }
  }
  return out;
}

/**
 * kms:Decrypt as S3 makes it on the principal's behalf (forward access session): kms:ViaService is S3 in the bucket's
 * region, kms:CallerAccount is the principal's account, aws:ViaAWSService is true; the encryption context names the
 * bucket when S3 Bucket Keys are on, the object otherwise.
 */
export function kmsDecryptRequest(
  key: KeyInUse,
  p: ImportPrincipal,
  now: Date,
  region: string | null,
  bucketArnValue: string,
  bucketKeyEnabled: boolean,
): ImportRequest {
  const firstObject = key.objects[0];
  const context: Record<string, ContextValue> = {
    ...baseContext(p, now, region),
    "aws:ViaAWSService": "true",
    "kms:CallerAccount": p.accountId,
    "kms:EncryptionAlgorithm": "SYMMETRIC_DEFAULT",
    "kms:EncryptionContext:aws:s3:arn":
      bucketKeyEnabled || !firstObject ? bucketArnValue : `${bucketArnValue}/${firstObject}`,
  };
  if (region) context["kms:ViaService"] = `s3.${region}.amazonaws.com`;
  return {
    action: "kms:Decrypt",
    resource: key.arn,
    context,
    unknownKeys: ["aws:SourceIp", "aws:PrincipalOrgID", "aws:userid", ...(region ? [] : ["kms:ViaService"])],
    kmsKey: key,
  };
}
