import { ask, type Asked } from "../derive/ask";
import type { ImportRequest } from "../derive/requests";
import { SETTLED_BY, missingData } from "../helpers";
import type { CheckContext, Outcome } from "../types";
import { l } from "../types";

/** Why a bucket-policy check cannot run; null when it can. */
export function bucketPolicyPrecondition(ctx: CheckContext): Outcome | null {
  const { snapshot, derived } = ctx;
  if (!derived.target)
    return {
      status: "unknown",
      detail: l("The bucket URI is not valid.", "バケット URI が正しくありません。"),
      unavailable: SETTLED_BY.bucketUri,
    };
  if (!snapshot.bucket)
    return missingData(snapshot, "bucket", "s3:ListBucket (HeadBucket)", l("The bucket", "バケット"));
  if (!snapshot.bucket.exists)
    return {
      status: "skipped",
      detail: l("The bucket does not exist (see bucket.exists).", "バケットが存在しません（bucket.exists を参照）。"),
    };
  if (snapshot.bucket.policy === undefined || snapshot.unavailable?.["bucket.policy"]) {
    return missingData(snapshot, "bucket.policy", "s3:GetBucketPolicy", l("The bucket policy", "バケットポリシー"));
  }
  if (!derived.principal)
    return {
      status: "unknown",
      detail: l("The principal's ARN is not known.", "プリンシパルの ARN が不明です。"),
      unavailable: SETTLED_BY.principalArn,
    };
  return null;
}

/** An identity policy that allows everything: isolates what the bucket policy alone decides. */
const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/**
 * Asks about a request with the bucket policy as the resource policy, and an allow-all identity side. When the
 * principal has a permissions boundary, an allow-all boundary stands in for it: its content is judged elsewhere, but
 * its presence matters here (a Deny with NotPrincipal always denies a principal that has a boundary).
 */
export function askBucket(ctx: CheckContext, req: ImportRequest, policy: Record<string, unknown>): Asked {
  const p = ctx.derived.principal!;
  return ask({
    request: req,
    principal: p.requestArn,
    principalAccount: p.accountId,
    resourceAccount: ctx.derived.bucketAccount ?? p.accountId,
    identity: [{ document: "assumed-identity-allow", doc: ALLOW_ALL }],
    boundary: ctx.derived.identity?.boundary ? { document: "assumed-boundary-allow", doc: ALLOW_ALL } : null,
    resource: { document: "bucket-policy", doc: policy },
  });
}
