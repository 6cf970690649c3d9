import { z } from "zod";

/**
 * Snapshot v1: everything the analysis needs, read live or pasted by hand.
 * An absent field means "not known"; checks that need it answer `unknown`,
 * using the reason in `unavailable` when there is one. Policy documents are parsed JSON objects.
 */

/** A parsed policy document. Its inner shape is validated by the policy engine, not here. */
const PolicyDocumentSchema = z.record(z.string(), z.unknown());
export type PolicyDocument = Record<string, unknown>;

const PolicyMap = z.record(z.string(), PolicyDocumentSchema);

/**
 * Tags of a role, user, object or key (key → value), when read. Absent: not known, so conditions on
 * aws:PrincipalTag / s3:ExistingObjectTag / aws:ResourceTag are undecided; `{}`: read, and there are none.
 */
const TagMap = z.record(z.string(), z.string());

export const TargetSchema = z.object({
  mode: z.enum(["role", "access-key"]),
  bucketUri: z.string().min(1),
  roleArn: z.string().nullish(),
  externalId: z.string().nullish(),
  tidbAccountId: z.string().nullish(),
  accessKeyId: z.string().nullish(),
  region: z.string().nullish(),
  errorMessage: z.string().nullish(),
});
export type Target = z.infer<typeof TargetSchema>;

const CallerSchema = z.object({
  arn: z.string(),
  accountId: z.string(),
});

const RoleSchema = z.object({
  exists: z.boolean(),
  arn: z.string().nullish(),
  trustPolicy: PolicyDocumentSchema.nullish(),
  inlinePolicies: PolicyMap.nullish(),
  attachedPolicies: PolicyMap.nullish(),
  permissionsBoundary: PolicyDocumentSchema.nullish(),
  /** ARN of the managed policy used as permissions boundary, when known. */
  permissionsBoundaryArn: z.string().nullish(),
  /** The role's unique id (RoleId, AROA…): aws:userid of its sessions is "<id>:<session name>". */
  id: z.string().nullish(),
  /** The role's tags (iam:ListRoleTags): aws:PrincipalTag of its sessions. */
  tags: TagMap.nullish(),
});

const GroupSchema = z.object({
  name: z.string(),
  inlinePolicies: PolicyMap.nullish(),
  attachedPolicies: PolicyMap.nullish(),
});

const AccessKeySchema = z.object({
  id: z.string(),
  status: z.enum(["Active", "Inactive"]),
  lastUsedService: z.string().nullish(),
  lastUsedDate: z.string().nullish(),
});

const UserSchema = z.object({
  exists: z.boolean(),
  arn: z.string().nullish(),
  accountId: z.string().nullish(),
  inlinePolicies: PolicyMap.nullish(),
  attachedPolicies: PolicyMap.nullish(),
  groups: z.array(GroupSchema).nullish(),
  permissionsBoundary: PolicyDocumentSchema.nullish(),
  permissionsBoundaryArn: z.string().nullish(),
  accessKeys: z.array(AccessKeySchema).nullish(),
  /** The user's unique id (UserId, AIDA…): aws:userid of its requests. */
  id: z.string().nullish(),
  /** The user's tags (iam:ListUserTags): aws:PrincipalTag of its requests. */
  tags: TagMap.nullish(),
});

const EncryptionSchema = z.object({
  algorithm: z.enum(["AES256", "aws:kms", "aws:kms:dsse"]),
  kmsKeyId: z.string().nullish(),
  bucketKeyEnabled: z.boolean().nullish(),
});

const BucketSchema = z.object({
  exists: z.boolean(),
  name: z.string().nullish(),
  region: z.string().nullish(),
  ownerAccountId: z.string().nullish(),
  /** Canonical user id of the bucket owner (GetBucketAcl), to tell which sampled objects it owns. */
  ownerCanonicalId: z.string().nullish(),
  policy: PolicyDocumentSchema.nullish(),
  objectOwnership: z.enum(["BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter"]).nullish(),
  encryption: EncryptionSchema.nullish(),
  requesterPays: z.boolean().nullish(),
  /** The bucket's tags (s3:GetBucketTagging): aws:cloudformation:* tags say a stack made the bucket. */
  tags: TagMap.nullish(),
});

const KeySchema = z.object({
  keyManager: z.enum(["AWS", "CUSTOMER"]).nullish(),
  keyState: z.string().nullish(),
  region: z.string().nullish(),
  accountId: z.string().nullish(),
  aliases: z.array(z.string()).nullish(),
  description: z.string().nullish(),
  policy: PolicyDocumentSchema.nullish(),
  /**
   * The key's tags (kms:ListResourceTags): aws:ResourceTag of kms:Decrypt; aws:cloudformation:* tags say a stack made
   * the key.
   */
  tags: TagMap.nullish(),
});

const ObjectSchema = z.object({
  key: z.string(),
  size: z.number().nullish(),
  storageClass: z.string().nullish(),
  ownerAccountId: z.string().nullish(),
  /** Canonical user id of the owner, as ListObjectsV2 FetchOwner returns it. */
  ownerCanonicalId: z.string().nullish(),
  sse: z.enum(["AES256", "aws:kms", "aws:kms:dsse", "SSE-C"]).nullish(),
  kmsKeyId: z.string().nullish(),
  /**
   * Whether the object was written with an S3 Bucket Key (HeadObject's x-amz-server-side-encryption-bucket-key-enabled,
   * SDK BucketKeyEnabled; false for an SSE-KMS object whose HEAD lacks it). Per object: objects written before the
   * bucket's Bucket Key was turned on do not use it, and a PUT can override the bucket's setting. It decides the
   * encryption context S3 passes to kms:Decrypt (aws:s3:arn = the bucket's ARN with a Bucket Key, the object's ARN
   * without). Absent: not known.
   */
  bucketKeyEnabled: z.boolean().nullish(),
  archiveStatus: z.string().nullish(),
  restored: z.boolean().nullish(),
  /** The object's tags (s3:GetObjectTagging): s3:ExistingObjectTag of GetObject. */
  tags: TagMap.nullish(),
});

/** Real outcome of one of the import's own calls, made with the import key (access-key mode ground truth). */
const GroundTruthSchema = z.object({
  call: z.enum(["GetBucketLocation", "ListObjectsV2", "GetObject"]),
  ok: z.boolean(),
  code: z.string().nullish(),
  message: z.string().nullish(),
});

/** AWS's own simulator verdict (iam:SimulatePrincipalPolicy), when the diagnosing credentials may call it. */
const SimulationSchema = z.object({
  action: z.string(),
  resource: z.string(),
  decision: z.enum(["allowed", "explicitDeny", "implicitDeny"]),
});

export const SnapshotSchema = z.object({
  version: z.literal(1),
  target: TargetSchema,
  caller: CallerSchema.nullish(),
  role: RoleSchema.nullish(),
  user: UserSchema.nullish(),
  bucket: BucketSchema.nullish(),
  keys: z.record(z.string(), KeySchema).nullish(),
  objects: z.array(ObjectSchema).nullish(),
  /** true when the object listing was truncated (more objects exist than were sampled). */
  objectsTruncated: z.boolean().nullish(),
  groundTruth: z.array(GroundTruthSchema).nullish(),
  simulation: z.array(SimulationSchema).nullish(),
  /**
   * Tags of customer managed policies (attached to the role, the user or its groups, or the permissions boundary), by
   * policy ARN (iam:ListPolicyTags), when a snapshot carries them: aws:cloudformation:* tags say a stack made the
   * policy. Live mode does not read them (CloudFormation does not propagate its tags to IAM resources). A policy
   * absent here: its tags are not known.
   */
  policyTags: z.record(z.string(), TagMap).nullish(),
  /** Dotted path of this document → why it is not known, e.g. "AccessDenied on s3:GetBucketPolicy". */
  unavailable: z.record(z.string(), z.string()).nullish(),
});

export type Snapshot = z.infer<typeof SnapshotSchema>;
export type SnapshotRole = z.infer<typeof RoleSchema>;
export type SnapshotUser = z.infer<typeof UserSchema>;
export type SnapshotBucket = z.infer<typeof BucketSchema>;
export type SnapshotKey = z.infer<typeof KeySchema>;
export type SnapshotObject = z.infer<typeof ObjectSchema>;
export type GroundTruth = z.infer<typeof GroundTruthSchema>;
