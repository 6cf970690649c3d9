import { ask, type Asked } from "../derive/ask";
import type { NamedPolicy } from "../derive/policies";
import type { ImportRequest } from "../derive/requests";
import type { CheckContext } from "../types";
import { delegatingKeyPolicy } from "./identity-question";

/** The permissions boundary asked alone, as if it were the only identity policy (its Allow statements decide). */
function askBoundary(ctx: CheckContext, r: ImportRequest, boundary: NamedPolicy): Asked {
  const p = ctx.derived.principal!;
  const kms = r.action.startsWith("kms:");
  return ask({
    request: r,
    principal: p.requestArn,
    principalAccount: p.accountId,
    resourceAccount: kms ? (r.kmsKey?.accountId ?? p.accountId) : p.accountId,
    identity: [boundary],
    resource: kms ? { document: "delegating-key-policy", doc: delegatingKeyPolicy(p.partition, p.accountId) } : null,
  });
}

/** Whether the boundary allows the request: "yes" without a boundary. */
export function boundaryAllows(
  ctx: CheckContext,
  r: ImportRequest,
  boundary: NamedPolicy | null,
): "yes" | "no" | "unknown" {
  if (!boundary) return "yes";
  const mine = askBoundary(ctx, r, boundary).applying.filter(
    (s) => s.document === boundary.document && s.effect === "Allow",
  );
  if (mine.some((s) => s.applies === "match")) return "yes";
  if (mine.some((s) => s.applies === "unknown")) return "unknown";
  return "no";
}
