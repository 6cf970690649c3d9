import "server-only";
import {
  GetAccessKeyLastUsedCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  ListUserPoliciesCommand,
  ListUserTagsCommand,
  SimulatePrincipalPolicyCommand,
} from "@aws-sdk/client-iam";
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  ListAliasesCommand,
  ListResourceTagsCommand,
} from "@aws-sdk/client-kms";
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketRequestPaymentCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  GetBucketTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
} from "@aws-sdk/client-s3";
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { AwsClients } from "../clients";
import type { ApiInput, ApiOp, ApiOutput, AwsApi, SendOptions } from "./api";

type Send<O extends ApiOp> = (c: AwsClients, input: ApiInput<O>, o: SendOptions) => Promise<ApiOutput<O>>;

const opt = (o: SendOptions) => ({ abortSignal: o.signal });

/** Each operation as an AWS SDK v3 command on the right client. */
const SDK: { [O in ApiOp]: Send<O> } = {
  "sts:GetCallerIdentity": (c, i, o) => c.sts().send(new GetCallerIdentityCommand(i), opt(o)),
  "sts:GetAccessKeyInfo": (c, i, o) => c.sts().send(new GetAccessKeyInfoCommand(i), opt(o)),
  "iam:GetRole": (c, i, o) => c.iam().send(new GetRoleCommand(i), opt(o)),
  "iam:ListRolePolicies": (c, i, o) => c.iam().send(new ListRolePoliciesCommand(i), opt(o)),
  "iam:GetRolePolicy": (c, i, o) => c.iam().send(new GetRolePolicyCommand(i), opt(o)),
  "iam:ListAttachedRolePolicies": (c, i, o) => c.iam().send(new ListAttachedRolePoliciesCommand(i), opt(o)),
  "iam:ListRoleTags": (c, i, o) => c.iam().send(new ListRoleTagsCommand(i), opt(o)),
  "iam:GetPolicy": (c, i, o) => c.iam().send(new GetPolicyCommand(i), opt(o)),
  "iam:GetPolicyVersion": (c, i, o) => c.iam().send(new GetPolicyVersionCommand(i), opt(o)),
  "iam:GetAccessKeyLastUsed": (c, i, o) => c.iam().send(new GetAccessKeyLastUsedCommand(i), opt(o)),
  "iam:GetUser": (c, i, o) => c.iam().send(new GetUserCommand(i), opt(o)),
  "iam:ListAccessKeys": (c, i, o) => c.iam().send(new ListAccessKeysCommand(i), opt(o)),
  "iam:ListUserTags": (c, i, o) => c.iam().send(new ListUserTagsCommand(i), opt(o)),
  "iam:ListUserPolicies": (c, i, o) => c.iam().send(new ListUserPoliciesCommand(i), opt(o)),
  "iam:GetUserPolicy": (c, i, o) => c.iam().send(new GetUserPolicyCommand(i), opt(o)),
  "iam:ListAttachedUserPolicies": (c, i, o) => c.iam().send(new ListAttachedUserPoliciesCommand(i), opt(o)),
  "iam:ListGroupsForUser": (c, i, o) => c.iam().send(new ListGroupsForUserCommand(i), opt(o)),
  "iam:ListGroupPolicies": (c, i, o) => c.iam().send(new ListGroupPoliciesCommand(i), opt(o)),
  "iam:GetGroupPolicy": (c, i, o) => c.iam().send(new GetGroupPolicyCommand(i), opt(o)),
  "iam:ListAttachedGroupPolicies": (c, i, o) => c.iam().send(new ListAttachedGroupPoliciesCommand(i), opt(o)),
  "iam:SimulatePrincipalPolicy": (c, i, o) => c.iam().send(new SimulatePrincipalPolicyCommand(i), opt(o)),
  "s3:HeadBucket": (c, i, o) => c.s3().send(new HeadBucketCommand(i), opt(o)),
  "s3:GetBucketLocation": (c, i, o) => c.s3().send(new GetBucketLocationCommand(i), opt(o)),
  "s3:GetBucketAcl": (c, i, o) => c.s3().send(new GetBucketAclCommand(i), opt(o)),
  "s3:GetBucketPolicy": (c, i, o) => c.s3().send(new GetBucketPolicyCommand(i), opt(o)),
  "s3:GetBucketOwnershipControls": (c, i, o) => c.s3().send(new GetBucketOwnershipControlsCommand(i), opt(o)),
  "s3:GetBucketEncryption": (c, i, o) => c.s3().send(new GetBucketEncryptionCommand(i), opt(o)),
  "s3:GetBucketRequestPayment": (c, i, o) => c.s3().send(new GetBucketRequestPaymentCommand(i), opt(o)),
  "s3:GetBucketTagging": (c, i, o) => c.s3().send(new GetBucketTaggingCommand(i), opt(o)),
  "s3:ListObjectsV2": (c, i, o) => c.s3().send(new ListObjectsV2Command(i), opt(o)),
  "s3:HeadObject": (c, i, o) => c.s3().send(new HeadObjectCommand(i), opt(o)),
  "s3:GetObjectTagging": (c, i, o) => c.s3().send(new GetObjectTaggingCommand(i), opt(o)),
  "s3:GetObject": async (c, i, o) => {
    const res = await c.s3().send(new GetObjectCommand(i), opt(o));
    await res.Body?.transformToByteArray();
    return {};
  },
  "kms:DescribeKey": (c, i, o) => c.kms(o.region).send(new DescribeKeyCommand(i), opt(o)),
  "kms:GetKeyPolicy": (c, i, o) => c.kms(o.region).send(new GetKeyPolicyCommand(i), opt(o)),
  "kms:ListAliases": (c, i, o) => c.kms(o.region).send(new ListAliasesCommand(i), opt(o)),
  "kms:ListResourceTags": (c, i, o) => c.kms(o.region).send(new ListResourceTagsCommand(i), opt(o)),
};

/** The live API: each call goes to AWS (or the configured endpoint) with the run's clients. */
export function sdkApi(clients: AwsClients): AwsApi {
  return {
    send: <O extends ApiOp>(op: O, input: ApiInput<O>, o: SendOptions) => (SDK[op] as Send<O>)(clients, input, o),
  };
}
