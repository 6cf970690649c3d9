/** The check catalogue, in catalogue order (wizard step by step). Ids are stable: never rename one. */
import type { StepId } from "@/lib/report/types";
import type { CheckId } from "./ids";
import type { Check } from "./types";
import { inputBucketUri } from "./intake/bucket-uri";
import { inputRoleArn } from "./intake/role-arn";
import { inputAccessKeyId } from "./intake/access-key-id";
import { inputExternalId } from "./intake/external-id";
import { inputTidbAccountId } from "./intake/tidb-account-id";
import { inputErrorMessage } from "./intake/error-message";
import { callerIdentity } from "./intake/caller-identity";
import { roleExists } from "./assume-role/role-exists";
import { roleTrustPrincipal } from "./assume-role/trust-principal";
import { roleTrustExternalId } from "./assume-role/trust-external-id";
import { roleTrustBlockingConditions } from "./assume-role/trust-blocking-conditions";
import {
  identityListBucket,
  identityGetBucketLocation,
  identityGetObject,
  identityGetObjectVersion,
} from "./identity/s3-actions";
import { identityExplicitDeny } from "./identity/explicit-deny";
import { identityPermissionsBoundary } from "./identity/permissions-boundary";
import { identityKmsDecrypt } from "./identity/kms-decrypt";
import { identityRevokedSessions } from "./identity/revoked-sessions";
import { accessKeyOwner } from "./identity/access-key-owner";
import { bucketExists } from "./bucket/bucket-exists";
import { bucketPolicyDeny } from "./bucket/policy-deny";
import { bucketPolicyCrossAccount } from "./bucket/cross-account";
import { bucketRequesterPays } from "./bucket/requester-pays";
import { bucketObjectOwnership } from "./ownership/object-ownership";
import { objectsForeignOwner } from "./ownership/foreign-owner";
import { bucketEncryption } from "./encryption/bucket-encryption";
import { kmsAwsManagedKey } from "./encryption/aws-managed-key";
import { kmsKeyPolicy } from "./encryption/key-policy";
import { kmsKeyState } from "./encryption/key-state";
import { objectsArchived, objectsEncryptionKeys, objectsPresent, objectsSseC } from "./encryption/objects";
import { orgGuardrails } from "./summary/org-guardrails";
import { awsSimulation } from "./summary/aws-simulation";
import { summaryNextSteps } from "./summary/next-steps";

export const CHECKS = [
  // 1. intake
  inputBucketUri,
  inputRoleArn,
  inputAccessKeyId,
  inputTidbAccountId,
  inputExternalId,
  inputErrorMessage,
  callerIdentity,
  // 2. assume-role
  roleExists,
  roleTrustPrincipal,
  roleTrustExternalId,
  roleTrustBlockingConditions,
  // 3. identity-policy
  identityListBucket,
  identityGetBucketLocation,
  identityGetObject,
  identityGetObjectVersion,
  identityExplicitDeny,
  identityPermissionsBoundary,
  identityKmsDecrypt,
  identityRevokedSessions,
  accessKeyOwner,
  // 4. bucket-policy
  bucketExists,
  bucketPolicyDeny,
  bucketPolicyCrossAccount,
  bucketRequesterPays,
  // 5. object-ownership
  bucketObjectOwnership,
  objectsForeignOwner,
  // 6. encryption
  bucketEncryption,
  kmsAwsManagedKey,
  kmsKeyPolicy,
  kmsKeyState,
  objectsEncryptionKeys,
  objectsSseC,
  objectsArchived,
  objectsPresent,
  // 7. summary
  orgGuardrails,
  awsSimulation,
  summaryNextSteps,
] as const satisfies readonly Check[];

/** The ids of the checks above. Check.id makes each one of lib/checks/ids.ts; this makes each of those a check here. */
type RegistryId = (typeof CHECKS)[number]["id"];
const _everyIdHasACheck: [Exclude<CheckId, RegistryId>] extends [never] ? true : Exclude<CheckId, RegistryId> = true;

export { CHECK_IDS } from "./ids";

export function checksForStep(step: StepId): readonly Check[] {
  return CHECKS.filter((c) => c.step === step);
}
