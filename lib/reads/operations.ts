/**
 * Every AWS operation the collector calls with the diagnosing credentials, with the IAM action it needs.
 * The collector can only call operations listed here (its `call` helper takes a key of this table), and the
 * diagnosing credentials' policy is generated from it, so the two cannot drift apart.
 */
export const OPERATIONS = {
  "sts:GetCallerIdentity": { action: null, why: "who the diagnosing credentials are (needs no permission)" },
  "sts:GetAccessKeyInfo": { action: "sts:GetAccessKeyInfo", why: "the account that owns the import's access key" },

  "iam:GetRole": { action: "iam:GetRole", why: "the role, its trust policy and permissions boundary" },
  "iam:ListRolePolicies": { action: "iam:ListRolePolicies", why: "the role's inline policies" },
  "iam:GetRolePolicy": { action: "iam:GetRolePolicy", why: "each inline policy document of the role" },
  "iam:ListAttachedRolePolicies": {
    action: "iam:ListAttachedRolePolicies",
    why: "managed policies attached to the role",
  },
  "iam:ListRoleTags": { action: "iam:ListRoleTags", why: "the role's tags (aws:PrincipalTag in policy conditions)" },
  "iam:GetPolicy": { action: "iam:GetPolicy", why: "the default version of each managed policy" },
  "iam:GetPolicyVersion": { action: "iam:GetPolicyVersion", why: "each managed policy document" },

  "iam:GetAccessKeyLastUsed": {
    action: "iam:GetAccessKeyLastUsed",
    why: "the IAM user that owns the import's access key",
  },
  "iam:GetUser": { action: "iam:GetUser", why: "the IAM user and its permissions boundary" },
  "iam:ListAccessKeys": { action: "iam:ListAccessKeys", why: "whether the import's access key is Active" },
  "iam:ListUserTags": { action: "iam:ListUserTags", why: "the user's tags (aws:PrincipalTag in policy conditions)" },
  "iam:ListUserPolicies": { action: "iam:ListUserPolicies", why: "the user's inline policies" },
  "iam:GetUserPolicy": { action: "iam:GetUserPolicy", why: "each inline policy document of the user" },
  "iam:ListAttachedUserPolicies": {
    action: "iam:ListAttachedUserPolicies",
    why: "managed policies attached to the user",
  },
  "iam:ListGroupsForUser": { action: "iam:ListGroupsForUser", why: "the user's groups" },
  "iam:ListGroupPolicies": { action: "iam:ListGroupPolicies", why: "each group's inline policies" },
  "iam:GetGroupPolicy": { action: "iam:GetGroupPolicy", why: "each inline policy document of a group" },
  "iam:ListAttachedGroupPolicies": {
    action: "iam:ListAttachedGroupPolicies",
    why: "managed policies attached to each group",
  },

  "s3:HeadBucket": { action: "s3:ListBucket", why: "that the bucket exists, its region and its owner" },
  "s3:GetBucketLocation": { action: "s3:GetBucketLocation", why: "the bucket's region" },
  "s3:GetBucketAcl": {
    action: "s3:GetBucketAcl",
    why: "the bucket owner's canonical id, to tell who owns each object",
  },
  "s3:GetBucketPolicy": { action: "s3:GetBucketPolicy", why: "the bucket policy" },
  "s3:GetBucketOwnershipControls": { action: "s3:GetBucketOwnershipControls", why: "Object Ownership" },
  "s3:GetBucketEncryption": { action: "s3:GetEncryptionConfiguration", why: "the default encryption and its KMS key" },
  "s3:GetBucketRequestPayment": { action: "s3:GetBucketRequestPayment", why: "Requester Pays" },
  "s3:ListObjectsV2": {
    action: "s3:ListBucket",
    why: "the objects under the folder, their owners and storage classes",
  },
  "s3:HeadObject": {
    action: "s3:GetObject",
    why: "the encryption and KMS key of a few objects (metadata only, never the data)",
  },
  "s3:GetObjectTagging": {
    action: "s3:GetObjectTagging",
    why: "the tags of the same few objects, only when a policy has s3:ExistingObjectTag conditions",
  },

  "iam:SimulatePrincipalPolicy": {
    action: "iam:SimulatePrincipalPolicy",
    why: "AWS's own verdict on the import's requests, beside this tool's (only when asked to simulate)",
  },

  "kms:DescribeKey": { action: "kms:DescribeKey", why: "each KMS key in use: type, state, region" },
  "kms:GetKeyPolicy": { action: "kms:GetKeyPolicy", why: "each KMS key's key policy" },
  "kms:ListAliases": { action: "kms:ListAliases", why: "each KMS key's aliases" },
  "kms:ListResourceTags": {
    action: "kms:ListResourceTags",
    why: "a KMS key's tags, only when a policy has aws:ResourceTag conditions",
  },
} as const satisfies Record<string, { action: string | null; why: string }>;

export type OperationName = keyof typeof OPERATIONS;

/**
 * Operations the collector makes only when a policy asks for their answer (a condition on object or key tags), so a
 * run over an account whose policies have no such condition does not call them.
 */
export const CONDITIONAL_OPERATIONS: readonly OperationName[] = ["s3:GetObjectTagging", "kms:ListResourceTags"];

/** The IAM action an operation needs (null for sts:GetCallerIdentity). */
export function actionFor(op: OperationName): string | null {
  return OPERATIONS[op].action;
}

/**
 * The import's own calls, made only for the ground truth in access-key mode with the import's key (never with the
 * diagnosing credentials, so they are not part of the diagnosing policy).
 */
export type ImportCall = "GetBucketLocation" | "ListObjectsV2" | "GetObject";
