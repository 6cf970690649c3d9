/**
 * Which side decides kms:Decrypt for each key in use: the key policy on its own (within the key's account, a
 * statement naming the principal, or "*" with conditions the request meets: the AWS managed key's own policy), the
 * identity policies (through the key policy's account statement), or nothing the principal's account can change (the
 * AWS managed key of another account). Computed once per analysis; identity.kms-decrypt and objects.encryption-keys
 * share it so that they never disagree.
 */
import type { Cited } from "../derive/ask";
import type { ImportRequest } from "../derive/requests";
import type { CheckContext } from "../types";
import { askKeyPolicyAlone, awsS3KeyPolicy } from "./key-question";

export interface KeySides {
  /** Keys whose key policy grants the principal on its own, with the statement that does. */
  direct: { req: ImportRequest; cited?: Cited }[];
  /** Keys that need an identity Allow. */
  needIdentity: ImportRequest[];
  /** The AWS managed key of another account: nothing on the identity side helps (kms.aws-managed-key). */
  otherAccountManaged: ImportRequest[];
}

const sides = new WeakMap<object, KeySides>();

export function keySides(ctx: CheckContext): KeySides {
  let s = sides.get(ctx.derived);
  if (s) return s;
  s = { direct: [], needIdentity: [], otherAccountManaged: [] };
  const p = ctx.derived.principal!;
  for (const req of ctx.derived.kmsRequests) {
    const k = req.kmsKey!;
    const account = k.accountId ?? ctx.derived.bucketAccount;
    if (k.manager === "AWS" && account && account !== p.accountId) {
      s.otherAccountManaged.push(req);
      continue;
    }
    const region = k.key?.region ?? ctx.derived.region;
    const policy =
      k.key?.policy ?? (k.manager === "AWS" && account && region ? awsS3KeyPolicy(p.partition, account, region) : null);
    const alone = policy ? askKeyPolicyAlone(ctx, req, policy) : null;
    if (alone?.answer.decision === "allow") {
      const cited = alone.cited.find((c) => c.effect === "Allow" && c.document.startsWith("key-policy:"));
      s.direct.push({ req, ...(cited ? { cited } : {}) });
    } else s.needIdentity.push(req);
  }
  sides.set(ctx.derived, s);
  return s;
}
