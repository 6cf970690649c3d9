/**
 * Which checks of the catalogue (ids of shared/spec checks.md, typed by lib/checks/ids.ts) can explain each kind of
 * message, the most likely first.
 */
import type { CheckId } from "@/lib/checks/ids";
import type { StepId } from "@/lib/report/types";
import type { PolicyType } from "./types";

export const ASSUME_ROLE_CHECKS: CheckId[] = [
  "role.exists",
  "role.trust.principal",
  "role.trust.external-id",
  "role.trust.blocking-conditions",
  "input.role-arn",
  "input.external-id",
];

const IDENTITY_S3: Record<string, CheckId[]> = {
  "s3:listbucket": ["identity.list-bucket"],
  "s3:getbucketlocation": ["identity.get-bucket-location"],
  "s3:getobject": ["identity.get-object"],
  "s3:getobjectversion": ["identity.get-object-version", "identity.get-object"],
};
const ALL_IDENTITY_S3: CheckId[] = ["identity.list-bucket", "identity.get-bucket-location", "identity.get-object"];

export const KMS_CHECKS: CheckId[] = [
  "identity.kms-decrypt",
  "kms.key-policy",
  "kms.aws-managed-key",
  "kms.key-state",
  "objects.encryption-keys",
  "bucket.encryption",
];

export const REGION_CHECKS: CheckId[] = ["bucket.exists", "input.bucket-uri", "kms.key-state"];

/** TiDB Cloud's access-key message says only "denied": every place a grant can be missing, identity side first. */
export const ACCESS_KEY_CHECKS: CheckId[] = [
  "input.access-key-id",
  "access-key.owner",
  ...ALL_IDENTITY_S3,
  "identity.explicit-deny",
  "identity.permissions-boundary",
  "bucket.exists",
  "bucket.policy.deny",
  "bucket.policy.cross-account",
  "bucket.requester-pays",
  "bucket.object-ownership",
  "objects.foreign-owner",
  ...KMS_CHECKS,
  "objects.sse-c",
  "objects.archived",
  "org.guardrails",
];

const dedupe = (ids: CheckId[]) => [...new Set(ids)];

/** The checks an AWS "is not authorized to perform" message points to, from its action and policy type. */
export function checksForDenial(
  action: string,
  policyType: PolicyType | undefined,
  explicit: boolean | undefined,
): { step: StepId; checks: CheckId[] } {
  const a = action.toLowerCase();
  const kms = a.startsWith("kms:");
  if (a === "sts:assumerole") return { step: "assume-role", checks: ASSUME_ROLE_CHECKS };
  const identity: CheckId[] = kms ? ["identity.kms-decrypt"] : (IDENTITY_S3[a] ?? ALL_IDENTITY_S3);
  const keySide: CheckId[] = ["kms.key-policy", "kms.aws-managed-key", "kms.key-state", "objects.encryption-keys"];
  const bucketSide: CheckId[] = explicit
    ? ["bucket.policy.deny"]
    : ["bucket.policy.cross-account", "bucket.object-ownership", "objects.foreign-owner", "bucket.requester-pays"];
  switch (policyType) {
    case "identity":
      // A KMS denial on the identity side is decided in the permission policies (identity.kms-decrypt), not on the key.
      return {
        step: "identity-policy",
        checks: dedupe(explicit ? ["identity.explicit-deny", ...identity] : [...identity, "identity.explicit-deny"]),
      };
    case "permissions-boundary":
      return { step: "identity-policy", checks: ["identity.permissions-boundary", "identity.explicit-deny"] };
    case "resource":
      return kms
        ? { step: "encryption", checks: dedupe([...keySide, "identity.kms-decrypt"]) }
        : { step: "bucket-policy", checks: dedupe([...bucketSide, "bucket.policy.deny"]) };
    case "scp":
    case "rcp":
    case "vpc-endpoint":
    case "session":
      return { step: "summary", checks: ["org.guardrails"] };
    default:
      return kms
        ? { step: "encryption", checks: KMS_CHECKS }
        : { step: "identity-policy", checks: dedupe([...identity, "identity.explicit-deny", ...bucketSide]) };
  }
}
