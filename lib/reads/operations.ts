/**
 * How the collection script for AWS CloudShell (lib/cloudshell) makes the same call with the AWS CLI: `command`
 * (service and command), given the API's own input with --cli-input-json. `key`: the input parameters that identify
 * one call (a bundle's recorded call answers the collector's call with the same values). `once`: one page only
 * (--no-paginate; otherwise the CLI asks every page and merges them). `regional`: made in a given region, recorded.
 */
interface CliCommand {
  command: string;
  key: readonly string[];
  once?: true;
  regional?: true;
}

export interface Operation {
  /** The IAM action the call needs (null: none). */
  action: string | null;
  why: string;
  cli: CliCommand;
}

/**
 * Every AWS operation the collector calls with the diagnosing credentials, with the IAM action it needs.
 * The collector can only call operations listed here (its `call` helper takes a key of this table), and the
 * diagnosing credentials' policy is generated from it, so the two cannot drift apart; the
 * collection script for AWS CloudShell makes the same calls with the AWS CLI.
 */
export const OPERATIONS = {
  "sts:GetCallerIdentity": {
    action: null,
    why: "who the diagnosing credentials are (needs no permission)",
    cli: { command: "sts get-caller-identity", key: [] },
  },
  "sts:GetAccessKeyInfo": {
    action: "sts:GetAccessKeyInfo",
    why: "the account that owns the import's access key",
    cli: { command: "sts get-access-key-info", key: ["AccessKeyId"] },
  },

  "iam:GetRole": {
    action: "iam:GetRole",
    why: "the role, its trust policy and permissions boundary",
    cli: { command: "iam get-role", key: ["RoleName"] },
  },
  "iam:ListRolePolicies": {
    action: "iam:ListRolePolicies",
    why: "the role's inline policies",
    cli: { command: "iam list-role-policies", key: ["RoleName"] },
  },
  "iam:GetRolePolicy": {
    action: "iam:GetRolePolicy",
    why: "each inline policy document of the role",
    cli: { command: "iam get-role-policy", key: ["RoleName", "PolicyName"] },
  },
  "iam:ListAttachedRolePolicies": {
    action: "iam:ListAttachedRolePolicies",
    why: "managed policies attached to the role",
    cli: { command: "iam list-attached-role-policies", key: ["RoleName"] },
  },
  "iam:GetPolicy": {
    action: "iam:GetPolicy",
    why: "the default version of each managed policy",
    cli: { command: "iam get-policy", key: ["PolicyArn"] },
  },
  "iam:GetPolicyVersion": {
    action: "iam:GetPolicyVersion",
    why: "each managed policy document",
    cli: { command: "iam get-policy-version", key: ["PolicyArn", "VersionId"] },
  },
  "iam:ListRoleTags": {
    action: "iam:ListRoleTags",
    why: "the role's tags (aws:PrincipalTag in policy conditions)",
    cli: { command: "iam list-role-tags", key: ["RoleName"] },
  },

  "iam:GetAccessKeyLastUsed": {
    action: "iam:GetAccessKeyLastUsed",
    why: "the IAM user that owns the import's access key",
    cli: { command: "iam get-access-key-last-used", key: ["AccessKeyId"] },
  },
  "iam:GetUser": {
    action: "iam:GetUser",
    why: "the IAM user and its permissions boundary",
    cli: { command: "iam get-user", key: ["UserName"] },
  },
  "iam:ListAccessKeys": {
    action: "iam:ListAccessKeys",
    why: "whether the import's access key is Active",
    cli: { command: "iam list-access-keys", key: ["UserName"] },
  },
  "iam:ListUserPolicies": {
    action: "iam:ListUserPolicies",
    why: "the user's inline policies",
    cli: { command: "iam list-user-policies", key: ["UserName"] },
  },
  "iam:GetUserPolicy": {
    action: "iam:GetUserPolicy",
    why: "each inline policy document of the user",
    cli: { command: "iam get-user-policy", key: ["UserName", "PolicyName"] },
  },
  "iam:ListUserTags": {
    action: "iam:ListUserTags",
    why: "the user's tags (aws:PrincipalTag in policy conditions)",
    cli: { command: "iam list-user-tags", key: ["UserName"] },
  },
  "iam:ListAttachedUserPolicies": {
    action: "iam:ListAttachedUserPolicies",
    why: "managed policies attached to the user",
    cli: { command: "iam list-attached-user-policies", key: ["UserName"] },
  },
  "iam:ListGroupsForUser": {
    action: "iam:ListGroupsForUser",
    why: "the user's groups",
    cli: { command: "iam list-groups-for-user", key: ["UserName"] },
  },
  "iam:ListGroupPolicies": {
    action: "iam:ListGroupPolicies",
    why: "each group's inline policies",
    cli: { command: "iam list-group-policies", key: ["GroupName"] },
  },
  "iam:GetGroupPolicy": {
    action: "iam:GetGroupPolicy",
    why: "each inline policy document of a group",
    cli: { command: "iam get-group-policy", key: ["GroupName", "PolicyName"] },
  },
  "iam:ListAttachedGroupPolicies": {
    action: "iam:ListAttachedGroupPolicies",
    why: "managed policies attached to each group",
    cli: { command: "iam list-attached-group-policies", key: ["GroupName"] },
  },

  "s3:HeadBucket": {
    action: "s3:ListBucket",
    why: "that the bucket exists, its region and its owner",
    cli: { command: "s3api head-bucket", key: ["Bucket", "ExpectedBucketOwner"] },
  },
  "s3:GetBucketLocation": {
    action: "s3:GetBucketLocation",
    why: "the bucket's region",
    cli: { command: "s3api get-bucket-location", key: ["Bucket"] },
  },
  "s3:GetBucketAcl": {
    action: "s3:GetBucketAcl",
    why: "the bucket owner's canonical id, to tell who owns each object",
    cli: { command: "s3api get-bucket-acl", key: ["Bucket"] },
  },
  "s3:GetBucketPolicy": {
    action: "s3:GetBucketPolicy",
    why: "the bucket policy",
    cli: { command: "s3api get-bucket-policy", key: ["Bucket"] },
  },
  "s3:GetBucketOwnershipControls": {
    action: "s3:GetBucketOwnershipControls",
    why: "Object Ownership",
    cli: { command: "s3api get-bucket-ownership-controls", key: ["Bucket"] },
  },
  "s3:GetBucketEncryption": {
    action: "s3:GetEncryptionConfiguration",
    why: "the default encryption and its KMS key",
    cli: { command: "s3api get-bucket-encryption", key: ["Bucket"] },
  },
  "s3:GetBucketRequestPayment": {
    action: "s3:GetBucketRequestPayment",
    why: "Requester Pays",
    cli: { command: "s3api get-bucket-request-payment", key: ["Bucket"] },
  },
  "s3:GetBucketTagging": {
    action: "s3:GetBucketTagging",
    why: "the bucket's tags: whether a CloudFormation stack made it (its fixes then belong in the stack's template)",
    cli: { command: "s3api get-bucket-tagging", key: ["Bucket"] },
  },
  "s3:ListObjectsV2": {
    action: "s3:ListBucket",
    why: "the objects under the folder, their owners and storage classes",
    cli: { command: "s3api list-objects-v2", key: ["Bucket", "Prefix"], once: true },
  },
  "s3:HeadObject": {
    action: "s3:GetObject",
    why: "the encryption and KMS key of a few objects (metadata only, never the data)",
    cli: { command: "s3api head-object", key: ["Bucket", "Key"] },
  },
  "s3:GetObjectTagging": {
    action: "s3:GetObjectTagging",
    why: "the tags of the same few objects, only when a policy has s3:ExistingObjectTag conditions",
    cli: { command: "s3api get-object-tagging", key: ["Bucket", "Key"] },
  },

  "iam:SimulatePrincipalPolicy": {
    action: "iam:SimulatePrincipalPolicy",
    why: "AWS's own verdict on the import's requests, beside this tool's (only when asked to simulate)",
    cli: { command: "iam simulate-principal-policy", key: ["PolicySourceArn", "ActionNames"] },
  },

  "kms:DescribeKey": {
    action: "kms:DescribeKey",
    why: "each KMS key in use: type, state, region",
    cli: { command: "kms describe-key", key: ["KeyId"], regional: true },
  },
  "kms:GetKeyPolicy": {
    action: "kms:GetKeyPolicy",
    why: "each KMS key's key policy",
    cli: { command: "kms get-key-policy", key: ["KeyId", "PolicyName"], regional: true },
  },
  "kms:ListAliases": {
    action: "kms:ListAliases",
    why: "each KMS key's aliases",
    cli: { command: "kms list-aliases", key: ["KeyId"], regional: true },
  },
  "kms:ListResourceTags": {
    action: "kms:ListResourceTags",
    why: "a KMS key's tags: for aws:ResourceTag conditions, and whether a CloudFormation stack made a key of the caller's account",
    cli: { command: "kms list-resource-tags", key: ["KeyId"], regional: true },
  },
} as const satisfies Record<string, Operation>;

export type OperationName = keyof typeof OPERATIONS;

/**
 * Operations the collector makes only when a policy asks for their answer (a condition on object tags), so a run over
 * an account whose policies have no such condition does not call them. (A key's tags are also read for a customer
 * managed key of the caller's account, whatever the policies say.)
 */
export const CONDITIONAL_OPERATIONS: readonly OperationName[] = ["s3:GetObjectTagging"];

/** The IAM action an operation needs (null for sts:GetCallerIdentity). */
export function actionFor(op: OperationName): string | null {
  return OPERATIONS[op].action;
}

/**
 * The import's own calls, made only for the ground truth in access-key mode with the import's key (never with the
 * diagnosing credentials, so they are not part of the diagnosing policy).
 */
export type ImportCall = "GetBucketLocation" | "ListObjectsV2" | "GetObject";
