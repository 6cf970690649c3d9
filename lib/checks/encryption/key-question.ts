import { ask, type Asked } from "../derive/ask";
import type { ImportRequest } from "../derive/requests";
import type { CheckContext } from "../types";

/** An identity side that allows kms:Decrypt on every key: isolates what the key policy decides. */
const ALLOW_DECRYPT = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] };

/** kms:Decrypt as S3 makes it for the principal, judged by the key policy (identity side assumed to allow). */
export function askKeyPolicy(ctx: CheckContext, req: ImportRequest, keyPolicy: Record<string, unknown>): Asked {
  const p = ctx.derived.principal!;
  return ask({
    request: req,
    principal: p.requestArn,
    principalAccount: p.accountId,
    resourceAccount: req.kmsKey?.accountId ?? p.accountId,
    identity: [{ document: "assumed-identity-allow", doc: ALLOW_DECRYPT }],
    resource: { document: `key-policy:${req.resource}`, doc: keyPolicy },
  });
}

/** kms:Decrypt with the real identity policies and the real key policy. */
export function askKeyFull(ctx: CheckContext, req: ImportRequest, keyPolicy: Record<string, unknown>): Asked {
  const p = ctx.derived.principal!;
  return ask({
    request: req,
    principal: p.requestArn,
    principalAccount: p.accountId,
    resourceAccount: req.kmsKey?.accountId ?? p.accountId,
    identity: ctx.derived.identity?.policies ?? [],
    boundary: ctx.derived.identity?.boundary ?? null,
    resource: { document: `key-policy:${req.resource}`, doc: keyPolicy },
  });
}
