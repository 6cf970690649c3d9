/**
 * Service-specific evaluation rules (a small registry keyed by action):
 * - default (S3 and the rest): same account, an identity-policy allow OR a resource-policy allow suffices;
 * - kms: the key policy is required; identity policies count only through the key policy's account-root statement;
 * - sts:AssumeRole and friends: the trust policy is required and must allow the caller explicitly, even in the same
 *   account; naming the account root delegates to the caller's identity policies.
 */
export interface ServiceRule {
  kind: "default" | "kms" | "trust";
  /** How answers name the resource policy. */
  resourcePolicyName: string;
  /** Without a resource policy the request is implicitly denied. */
  requiresResourcePolicy: boolean;
}

const DEFAULT: ServiceRule = { kind: "default", resourcePolicyName: "resource policy", requiresResourcePolicy: false };
const KMS: ServiceRule = { kind: "kms", resourcePolicyName: "key policy", requiresResourcePolicy: true };
const TRUST: ServiceRule = { kind: "trust", resourcePolicyName: "trust policy", requiresResourcePolicy: true };

const TRUST_ACTIONS = new Set([
  "sts:assumerole",
  "sts:assumerolewithsaml",
  "sts:assumerolewithwebidentity",
  "sts:tagsession",
  "sts:setsourceidentity",
  "sts:setcontext",
]);

export function serviceRuleFor(actionLower: string): ServiceRule {
  if (actionLower.startsWith("kms:")) return KMS;
  if (TRUST_ACTIONS.has(actionLower)) return TRUST;
  return DEFAULT;
}
