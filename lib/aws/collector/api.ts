import type * as Iam from "@aws-sdk/client-iam";
import type * as Kms from "@aws-sdk/client-kms";
import type * as S3 from "@aws-sdk/client-s3";
import type * as Sts from "@aws-sdk/client-sts";

/**
 * The input and answer of each AWS operation the readers call. The readers never touch the SDK: they ask an
 * `AwsApi` (the SDK in live mode, see ./sdk-api.ts), so that the same readers can be given other answers.
 * Answers are read defensively: a date may come as a Date or an ISO string, an IAM policy document URL-encoded
 * or already parsed (the AWS CLI decodes it).
 */
interface ApiCalls {
  "sts:GetCallerIdentity": [Sts.GetCallerIdentityCommandInput, Sts.GetCallerIdentityCommandOutput];
  "sts:GetAccessKeyInfo": [Sts.GetAccessKeyInfoCommandInput, Sts.GetAccessKeyInfoCommandOutput];
  "iam:GetRole": [Iam.GetRoleCommandInput, Iam.GetRoleCommandOutput];
  "iam:ListRolePolicies": [Iam.ListRolePoliciesCommandInput, Iam.ListRolePoliciesCommandOutput];
  "iam:GetRolePolicy": [Iam.GetRolePolicyCommandInput, Iam.GetRolePolicyCommandOutput];
  "iam:ListAttachedRolePolicies": [Iam.ListAttachedRolePoliciesCommandInput, Iam.ListAttachedRolePoliciesCommandOutput];
  "iam:ListRoleTags": [Iam.ListRoleTagsCommandInput, Iam.ListRoleTagsCommandOutput];
  "iam:GetPolicy": [Iam.GetPolicyCommandInput, Iam.GetPolicyCommandOutput];
  "iam:GetPolicyVersion": [Iam.GetPolicyVersionCommandInput, Iam.GetPolicyVersionCommandOutput];
  "iam:GetAccessKeyLastUsed": [Iam.GetAccessKeyLastUsedCommandInput, Iam.GetAccessKeyLastUsedCommandOutput];
  "iam:GetUser": [Iam.GetUserCommandInput, Iam.GetUserCommandOutput];
  "iam:ListAccessKeys": [Iam.ListAccessKeysCommandInput, Iam.ListAccessKeysCommandOutput];
  "iam:ListUserTags": [Iam.ListUserTagsCommandInput, Iam.ListUserTagsCommandOutput];
  "iam:ListUserPolicies": [Iam.ListUserPoliciesCommandInput, Iam.ListUserPoliciesCommandOutput];
  "iam:GetUserPolicy": [Iam.GetUserPolicyCommandInput, Iam.GetUserPolicyCommandOutput];
  "iam:ListAttachedUserPolicies": [Iam.ListAttachedUserPoliciesCommandInput, Iam.ListAttachedUserPoliciesCommandOutput];
  "iam:ListGroupsForUser": [Iam.ListGroupsForUserCommandInput, Iam.ListGroupsForUserCommandOutput];
  "iam:ListGroupPolicies": [Iam.ListGroupPoliciesCommandInput, Iam.ListGroupPoliciesCommandOutput];
  "iam:GetGroupPolicy": [Iam.GetGroupPolicyCommandInput, Iam.GetGroupPolicyCommandOutput];
  "iam:ListAttachedGroupPolicies": [
    Iam.ListAttachedGroupPoliciesCommandInput,
    Iam.ListAttachedGroupPoliciesCommandOutput,
  ];
  "iam:SimulatePrincipalPolicy": [Iam.SimulatePrincipalPolicyCommandInput, Iam.SimulatePrincipalPolicyCommandOutput];
  "s3:HeadBucket": [S3.HeadBucketCommandInput, S3.HeadBucketCommandOutput];
  "s3:GetBucketLocation": [S3.GetBucketLocationCommandInput, S3.GetBucketLocationCommandOutput];
  "s3:GetBucketAcl": [S3.GetBucketAclCommandInput, S3.GetBucketAclCommandOutput];
  "s3:GetBucketPolicy": [S3.GetBucketPolicyCommandInput, S3.GetBucketPolicyCommandOutput];
  "s3:GetBucketOwnershipControls": [
    S3.GetBucketOwnershipControlsCommandInput,
    S3.GetBucketOwnershipControlsCommandOutput,
  ];
  "s3:GetBucketEncryption": [S3.GetBucketEncryptionCommandInput, S3.GetBucketEncryptionCommandOutput];
  "s3:GetBucketRequestPayment": [S3.GetBucketRequestPaymentCommandInput, S3.GetBucketRequestPaymentCommandOutput];
  "s3:GetBucketTagging": [S3.GetBucketTaggingCommandInput, S3.GetBucketTaggingCommandOutput];
  "s3:ListObjectsV2": [S3.ListObjectsV2CommandInput, S3.ListObjectsV2CommandOutput];
  "s3:HeadObject": [S3.HeadObjectCommandInput, S3.HeadObjectCommandOutput];
  "s3:GetObjectTagging": [S3.GetObjectTaggingCommandInput, S3.GetObjectTaggingCommandOutput];
  "kms:DescribeKey": [Kms.DescribeKeyCommandInput, Kms.DescribeKeyCommandOutput];
  "kms:GetKeyPolicy": [Kms.GetKeyPolicyCommandInput, Kms.GetKeyPolicyCommandOutput];
  "kms:ListAliases": [Kms.ListAliasesCommandInput, Kms.ListAliasesCommandOutput];
  "kms:ListResourceTags": [Kms.ListResourceTagsCommandInput, Kms.ListResourceTagsCommandOutput];
  /** The import's own first-byte read (ground truth, with the import's key only): answers once the byte arrived. */
  "s3:GetObject": [S3.GetObjectCommandInput, Record<string, never>];
}

export type ApiOp = keyof ApiCalls;
export type ApiInput<O extends ApiOp> = ApiCalls[O][0];
export type ApiOutput<O extends ApiOp> = ApiCalls[O][1];

export interface SendOptions {
  signal: AbortSignal;
  /** Region of a regional call (KMS; S3 follows redirects); the run's region when absent. */
  region?: string;
}

/** Where the readers' calls go. Throws what the SDK throws for an AWS error (classified by lib/aws/errors.ts). */
export interface AwsApi {
  send<O extends ApiOp>(op: O, input: ApiInput<O>, opts: SendOptions): Promise<ApiOutput<O>>;
}
