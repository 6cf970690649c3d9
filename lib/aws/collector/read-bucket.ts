import "server-only";
import type { CallRef } from "../run";
import { parsePolicyDocument } from "../policy-document";
import type { Collection } from "./context";
import { ensureKey } from "./read-keys";
import { readObjects } from "./read-objects";
import { accountOfArn } from "@/lib/policy/arn";

/**
 * The bucket (rows `bucket`, `bucketPolicy`, `requesterPays`, `ownership`, `encryption`, and the objects), every
 * read at once: existence and region, owner, tags, policy, Object Ownership, Requester Pays, default encryption
 * (whose KMS key is read as soon as it is named).
 */
export async function readBucket(c: Collection): Promise<void> {
  if (!c.reads.has("bucket")) return;
  const Bucket = c.uri.bucket;
  const b = c.state.bucket;
  const on = { subject: Bucket };
  const noBucket = (r: { error: { awsCode?: string } }) => {
    if (r.error.awsCode === "NoSuchBucket") b.notFound = true;
    return r.error.awsCode === "NoSuchBucket";
  };
  // The region is told by whichever of HeadBucket and GetBucketLocation knows it first (or by both failing).
  let regionAnswers = 0;
  const tellRegion = (region: string | undefined, ref: CallRef) => {
    regionAnswers++;
    if (region || regionAnswers === 2) c.signals.region.resolve({ region, ref });
  };
  const tasks: Promise<unknown>[] = [
    (async () => {
      const r = await c.call("s3:HeadBucket", "bucket-policy", [], { Bucket }, on);
      if (r.ok) {
        b.exists = true;
        if (r.value.BucketRegion) b.region ??= r.value.BucketRegion;
      } else if (r.error.code === "not-found") b.notFound = true;
      else b.regionFailed ??= r.reason;
      tellRegion(r.ok ? r.value.BucketRegion : undefined, r.ref);
    })(),
    (async () => {
      const r = await c.call("s3:GetBucketLocation", "bucket-policy", [], { Bucket }, on);
      if (r.ok) {
        b.exists = true;
        const lc = r.value.LocationConstraint as string | undefined | null;
        b.region = !lc ? "us-east-1" : lc === "EU" ? "eu-west-1" : lc;
      } else if (!noBucket(r)) b.regionFailed ??= r.reason;
      tellRegion(r.ok ? b.region : undefined, r.ref);
    })(),
    readBucketOwner(c),
    (async () => {
      const r = await c.call("s3:GetBucketAcl", "object-ownership", [], { Bucket }, on);
      if (r.ok) b.ownerCanonicalId = r.value.Owner?.ID;
      else if (!noBucket(r)) b.aclFailed = r.reason;
    })(),
    // The bucket's tags: aws:cloudformation:* say a stack made it (its settings' fixes then belong in the template).
    (async () => {
      const r = await c.call("s3:GetBucketTagging", "bucket-policy", [], { Bucket }, on);
      if (r.ok)
        b.tags = Object.fromEntries((r.value.TagSet ?? []).filter((t) => t.Key).map((t) => [t.Key!, t.Value ?? ""]));
      else if (r.error.awsCode === "NoSuchTagSet") b.tags = {};
      else if (!noBucket(r)) b.tagsFailed = r.reason;
    })(),
  ];
  if (c.reads.has("bucketPolicy")) {
    tasks.push(
      (async () => {
        const r = await c.call("s3:GetBucketPolicy", "bucket-policy", [], { Bucket }, on);
        if (r.ok) {
          const doc = parsePolicyDocument(r.value.Policy);
          if (doc) b.policy = doc;
          else b.policyFailed = "Unreadable bucket policy from s3:GetBucketPolicy";
        } else if (r.error.awsCode === "NoSuchBucketPolicy") b.policy = null;
        else if (!noBucket(r)) b.policyFailed = r.reason;
      })().finally(() => c.signals.bucketPolicyRead.resolve()),
    );
  }
  if (c.reads.has("ownership")) {
    tasks.push(
      (async () => {
        const r = await c.call("s3:GetBucketOwnershipControls", "object-ownership", [], { Bucket }, on);
        if (r.ok) {
          const o = r.value.OwnershipControls?.Rules?.[0]?.ObjectOwnership;
          b.ownership = o === "BucketOwnerEnforced" || o === "BucketOwnerPreferred" ? o : "ObjectWriter";
        } else if (r.error.awsCode === "OwnershipControlsNotFoundError") b.ownership = "ObjectWriter";
        else if (!noBucket(r)) b.ownershipFailed = r.reason;
      })(),
    );
  }
  if (c.reads.has("requesterPays")) {
    tasks.push(
      (async () => {
        const r = await c.call("s3:GetBucketRequestPayment", "bucket-policy", [], { Bucket }, on);
        if (r.ok) b.requesterPays = r.value.Payer === "Requester";
        else if (!noBucket(r)) b.requesterPaysFailed = r.reason;
      })(),
    );
  }
  if (c.reads.has("encryption")) {
    tasks.push(
      (async () => {
        const r = await c.call("s3:GetBucketEncryption", "encryption", [], { Bucket }, on);
        if (r.ok) {
          const rule = r.value.ServerSideEncryptionConfiguration?.Rules?.[0];
          const alg = rule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
          if (alg === "AES256" || alg === "aws:kms" || alg === "aws:kms:dsse") {
            const kmsKeyId = rule?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID ?? null;
            b.encryption = { algorithm: alg, kmsKeyId, bucketKeyEnabled: rule?.BucketKeyEnabled ?? false };
            // Default aws:kms without a key id means the AWS managed key aws/s3: resolve it by its alias.
            if (alg !== "AES256" && c.reads.has("keys")) ensureKey(c, kmsKeyId ?? "alias/aws/s3", r.ref);
          } else b.encryption = null;
        } else if (r.error.awsCode === "ServerSideEncryptionConfigurationNotFoundError") b.encryption = null;
        else if (!noBucket(r)) b.encryptionFailed = r.reason;
      })().finally(() => c.signals.encryptionRead.resolve()),
    );
  }
  if (c.reads.has("objects")) tasks.push(readObjects(c));
  await Promise.all(tasks);
}

/**
 * The owner account: S3 says whether an expected account owns the bucket (HeadBucket with ExpectedBucketOwner).
 * The role's account is asked at once, the caller's as soon as GetCallerIdentity tells it.
 */
async function readBucketOwner(c: Collection): Promise<void> {
  const Bucket = c.uri.bucket;
  const b = c.state.bucket;
  const roleAccount = accountOfArn(c.target.roleArn);
  const tryOwner = async (account: string, parent?: CallRef): Promise<"yes" | "no" | "unknown"> => {
    const r = await c.call(
      "s3:HeadBucket",
      "bucket-policy",
      [parent],
      { Bucket, ExpectedBucketOwner: account },
      {
        subject: `${Bucket} owner ${account}`,
      },
    );
    if (r.ok) return "yes";
    if (r.error.code === "access-denied") return "no";
    if (r.error.code !== "not-found") b.ownerFailed ??= r.reason;
    return "unknown";
  };
  const tried = new Set<string>();
  let denied = false;
  const first = roleAccount ? tryOwner(roleAccount) : Promise.resolve<"yes" | "no" | "unknown">("unknown");
  if (roleAccount) tried.add(roleAccount);
  const [firstAnswer, caller] = await Promise.all([first, c.signals.caller.promise]);
  if (firstAnswer === "yes" && roleAccount) {
    b.ownerAccountId = roleAccount;
    return;
  }
  if (firstAnswer === "no") denied = true;
  if (caller.accountId && !tried.has(caller.accountId)) {
    const a = await tryOwner(caller.accountId, caller.ref);
    if (a === "yes") {
      b.ownerAccountId = caller.accountId;
      return;
    }
    if (a === "no") denied = true;
  }
  if (denied && !b.ownerFailed) {
    b.ownerFailed = `The bucket is not owned by ${[...tried, caller.accountId].filter(Boolean).join(" or ")}, or s3:ListBucket is denied`;
  }
}
