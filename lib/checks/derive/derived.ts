import type { Snapshot } from "@/lib/snapshot/schema";
import { parseBucketUri, type BucketUriResult, type ParsedBucketUri } from "@/lib/snapshot/bucket-uri";
import { collectIdentityPolicies, type IdentityPolicies } from "./policies";
import { importPrincipal, type ImportPrincipal } from "./principal";
import { keysInUse, type KeyInUse } from "./keys";
import { bucketArn, kmsDecryptRequest, s3Requests, type ImportRequest } from "./requests";

/** Facts computed once per analysis and shared by every check. */
export interface Derived {
  uriResult: BucketUriResult;
  /** The target (also when the URI had a fixable problem such as a rewrite), or null when unusable. */
  target: ParsedBucketUri | null;
  principal: ImportPrincipal | null;
  identity: IdentityPolicies | null;
  /** Account that owns the bucket, when known. */
  bucketAccount: string | null;
  /** Region of the bucket (snapshot) or of the target. */
  region: string | null;
  bucketArn: string | null;
  s3Requests: ImportRequest[];
  keys: KeyInUse[];
  kmsRequests: ImportRequest[];
}

export function derive(snapshot: Snapshot, now: Date): Derived {
  const uriResult = parseBucketUri(snapshot.target.bucketUri);
  const target = uriResult.ok ? uriResult.value : uriResult.problem === "no-folder" ? (uriResult.value ?? null) : null;
  const principal = importPrincipal(snapshot);
  const region = snapshot.bucket?.region ?? snapshot.target.region ?? null;
  const bArn = target ? bucketArn(principal?.partition ?? "aws", target.bucket) : null;
  const keys = keysInUse(snapshot, target);
  return {
    uriResult,
    target,
    principal,
    identity: collectIdentityPolicies(snapshot),
    bucketAccount: snapshot.bucket?.ownerAccountId ?? null,
    region,
    bucketArn: bArn,
    s3Requests: target && principal ? s3Requests(snapshot, target, principal, now, region) : [],
    keys,
    kmsRequests:
      principal && bArn && target
        ? keys.map((k) => kmsDecryptRequest(snapshot, k, principal, now, region, bArn, target))
        : [],
  };
}
