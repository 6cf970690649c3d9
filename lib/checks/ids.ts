/**
 * The ids of the check catalogue, in catalogue order (shared/spec checks.md: stable, never renamed). A pure list with
 * no imports, so that every layer (the report's schema, triage, the wizard) can name a check without loading the
 * catalogue. lib/checks/registry.ts holds the two equal: a check whose id is not here, or an id without a check, is
 * a type error.
 */
export const CHECK_IDS = [
  // 1. intake
  "input.bucket-uri",
  "input.role-arn",
  "input.access-key-id",
  "input.tidb-account-id",
  "input.external-id",
  "input.error-message",
  "caller.identity",
  // 2. assume-role
  "role.exists",
  "role.trust.principal",
  "role.trust.external-id",
  "role.trust.blocking-conditions",
  // 3. identity-policy
  "identity.list-bucket",
  "identity.get-bucket-location",
  "identity.get-object",
  "identity.get-object-version",
  "identity.explicit-deny",
  "identity.permissions-boundary",
  "identity.kms-decrypt",
  "identity.revoked-sessions",
  "access-key.owner",
  // 4. bucket-policy
  "bucket.exists",
  "bucket.policy.deny",
  "bucket.policy.cross-account",
  "bucket.requester-pays",
  // 5. object-ownership
  "bucket.object-ownership",
  "objects.foreign-owner",
  // 6. encryption
  "bucket.encryption",
  "kms.aws-managed-key",
  "kms.key-policy",
  "kms.key-state",
  "objects.encryption-keys",
  "objects.sse-c",
  "objects.archived",
  "objects.present",
  // 7. summary
  "org.guardrails",
  "aws.simulation",
  "summary.next-steps",
] as const;

/** A check's id: a misspelled one is a type error wherever ids are written. */
export type CheckId = (typeof CHECK_IDS)[number];
