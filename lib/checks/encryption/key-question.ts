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

/** With the real identity policies, the boundary and the real key policy. */
export function askKeyFull(ctx: CheckContext, req: ImportRequest, keyPolicy: Record<string, unknown>): Asked {
  return askKey(ctx, req, keyPolicy, {
    identity: ctx.derived.identity?.policies ?? [],
    boundary: ctx.derived.identity?.boundary ?? null,
  });
}
