import { allowOnly } from "../derive/allow-only";
import { ask, type Asked, type AskInput } from "../derive/ask";
import type { ImportRequest } from "../derive/requests";
import type { CheckContext } from "../types";

/** An identity side that allows kms:Decrypt on every key: isolates what the key policy decides. */
const ALLOW_DECRYPT = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] };

/** kms:Decrypt as S3 makes it for the principal, with the key policy as the resource policy and the given identity side. */
function askKey(
  ctx: CheckContext,
  req: ImportRequest,
  keyPolicy: Record<string, unknown>,
  identity: Pick<AskInput, "identity" | "boundary">,
): Asked {
  const p = ctx.derived.principal!;
  return ask({
    request: req,
    principal: p.requestArn,
    principalAccount: p.accountId,
    resourceAccount: req.kmsKey?.accountId ?? p.accountId,
    ...identity,
    resource: { document: `key-policy:${req.resource}`, doc: keyPolicy },
  });
}

/**
 * Judged by the key policy alone (the identity side assumed to allow). A principal with a permissions boundary is
 * asked with an allow-all boundary in its place: a Deny with NotPrincipal always denies such a principal.
 */
export function askKeyPolicy(ctx: CheckContext, req: ImportRequest, keyPolicy: Record<string, unknown>): Asked {
  return askKey(ctx, req, keyPolicy, {
    identity: [{ document: "assumed-identity-allow", doc: ALLOW_DECRYPT }],
    boundary: ctx.derived.identity?.boundary ? { document: "assumed-boundary-allow", doc: ALLOW_DECRYPT } : null,
  });
}

/**
 * The key policy alone, without any identity Allow: within the key's account a statement naming the principal, or
 * `"*"` with conditions the request meets (the AWS managed key's own policy: kms:CallerAccount + kms:ViaService),
 * lets it decrypt; across accounts it never does (the identity side must allow too). The permissions boundary limits
 * it as AWS does. Deny statements are left to kms.key-policy and identity.explicit-deny.
 */
export function askKeyPolicyAlone(ctx: CheckContext, req: ImportRequest, keyPolicy: Record<string, unknown>): Asked {
  const boundary = ctx.derived.identity?.boundary ?? null;
  return askKey(ctx, req, allowOnly(keyPolicy), {
    identity: [],
    boundary: boundary ? { document: boundary.document, doc: allowOnly(boundary.doc) } : null,
  });
}

const managed = new Map<string, Record<string, unknown>>();

/**
 * The key policy of the AWS managed key aws/s3, which AWS writes and nobody can change (KMS Developer Guide, "AWS
 * managed keys"): every principal of the account may use it through S3 in the key's region. Used when the snapshot
 * does not hold the key's policy.
 */
export function awsS3KeyPolicy(partition: string, account: string, region: string): Record<string, unknown> {
  const k = `${partition}:${account}:${region}`;
  let doc = managed.get(k);
  if (!doc) {
    doc = {
      Version: "2012-10-17",
      Id: "auto-s3-2",
      Statement: [
        {
          Sid: "Allow access through S3 for all principals in the account that are authorized to use S3",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
          Resource: "*",
          Condition: { StringEquals: { "kms:CallerAccount": account, "kms:ViaService": `s3.${region}.amazonaws.com` } },
        },
        {
          Sid: "Allow direct access to key metadata to the account",
          Effect: "Allow",
          Principal: { AWS: `arn:${partition}:iam::${account}:root` },
          Action: ["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"],
          Resource: "*",
        },
      ],
    };
    if (managed.size > 50) managed.clear();
    managed.set(k, doc);
  }
  return doc;
}
