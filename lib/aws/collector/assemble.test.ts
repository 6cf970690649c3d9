// assemble(state) → Snapshot, without any endpoint: what the readers learnt, complete or cut short, becomes the
// snapshot that says so, each missing part with its reason.
import { describe, expect, it } from "vitest";
import { readsForSteps } from "@/lib/reads/table";
import { SnapshotSchema, type Target } from "@/lib/snapshot/schema";
import { assemble } from "./assemble";
import { newCollectState, type CollectState } from "./state";

const ROLE: Target = {
  mode: "role",
  bucketUri: "s3://b-1/data/",
  roleArn: "arn:aws:iam::111122223333:role/tidb-import",
  externalId: "x1",
};
const KEY_ARN = "arn:aws:kms:ap-northeast-1:111122223333:key/k-1";
const doc = (sid: string) => ({ Version: "2012-10-17", Statement: [{ Sid: sid, Effect: "Allow", Action: "*" }] });
const CANONICAL = "c".repeat(52) + "111122223333";

function roleState(): CollectState {
  const s = newCollectState(ROLE, "b-1", readsForSteps(undefined));
  s.caller = { arn: "arn:aws:iam::111122223333:user/admin", accountId: "111122223333" };
  s.role = {
    arn: ROLE.roleArn!,
    name: "tidb-import",
    exists: true,
    id: "AROAEXAMPLEID1234567",
    tags: { team: "data" },
    trustPolicy: doc("trust"),
    boundaryArn: null,
    boundary: null,
    inline: { docs: { "s3-read": doc("inline") } },
    attached: { docs: {} },
  };
  Object.assign(s.bucket, {
    exists: true,
    region: "ap-northeast-1",
    ownerAccountId: "111122223333",
    ownerCanonicalId: CANONICAL,
    policy: null,
    ownership: "BucketOwnerEnforced",
    encryption: { algorithm: "aws:kms", kmsKeyId: KEY_ARN, bucketKeyEnabled: false },
    requesterPays: false,
    tags: {},
  });
  s.objects.list = [
    { key: "data/a.csv", size: 1, storageClass: "STANDARD", ownerCanonicalId: CANONICAL, sse: "aws:kms" },
    { key: "data/sub/b.csv", size: 2, storageClass: "STANDARD", ownerCanonicalId: "d".repeat(64) },
  ];
  s.objects.truncated = false;
  s.keys.set(KEY_ARN, { keyManager: "CUSTOMER", keyState: "Enabled", region: "ap-northeast-1", policy: doc("key") });
  return s;
}

describe("assemble", () => {
  it("turns a complete role-mode read into a valid snapshot with nothing unavailable", () => {
    const snap = assemble(roleState());
    expect(SnapshotSchema.safeParse(snap).success).toBe(true);
    expect(snap.unavailable).toBeUndefined();
    expect(snap.role).toEqual({
      exists: true,
      arn: ROLE.roleArn,
      id: "AROAEXAMPLEID1234567",
      tags: { team: "data" },
      trustPolicy: doc("trust"),
      inlinePolicies: { "s3-read": doc("inline") },
      attachedPolicies: {},
      permissionsBoundary: null,
    });
    expect(snap.bucket).toMatchObject({ exists: true, name: "b-1", policy: null, requesterPays: false });
    // the bucket owner's objects are marked with its account; another owner's are not
    expect(snap.objects?.map((o) => o.ownerAccountId)).toEqual(["111122223333", undefined]);
    expect(Object.keys(snap.keys ?? {})).toEqual([KEY_ARN]);
  });

  it("records every part a failed or unanswered read leaves out, with its reason", () => {
    const s = roleState();
    s.role = { arn: ROLE.roleArn!, name: "tidb-import", getRoleFailed: "AccessDenied on iam:GetRole" };
    s.role.inline = { docs: {}, failed: "AccessDenied on iam:ListRolePolicies" };
    // attached policies: no answer before the deadline
    s.bucket.policy = undefined;
    s.bucket.policyFailed = "Timeout on s3:GetBucketPolicy (no answer in time)";
    s.bucket.requesterPays = undefined;
    s.objects.headFailed.set("data/sub/b.csv", "AccessDenied on s3:GetObject");
    s.objects.tagsFailed.set("data/a.csv", "AccessDenied on s3:GetObjectTagging");
    s.unavailable[`keys.${KEY_ARN}.aliases`] = "AccessDenied on kms:ListAliases";
    const snap = assemble(s);
    expect(SnapshotSchema.safeParse(snap).success).toBe(true);
    expect(snap.role).toBeUndefined();
    expect(snap.unavailable).toEqual({
      role: "AccessDenied on iam:GetRole",
      "bucket.policy": "Timeout on s3:GetBucketPolicy (no answer in time)",
      "bucket.requesterPays": "Deadline reached before s3:GetBucketRequestPayment answered",
      "objects[1].sse": "AccessDenied on s3:GetObject",
      "objects[0].tags": "AccessDenied on s3:GetObjectTagging",
      [`keys.${KEY_ARN}.aliases`]: "AccessDenied on kms:ListAliases",
    });
    expect(snap.bucket).not.toHaveProperty("policy");
  });

  it("keeps a role known from its policy listing even when GetRole failed, its trust policy unavailable", () => {
    const s = roleState();
    s.role = {
      arn: ROLE.roleArn!,
      name: "tidb-import",
      getRoleFailed: "Throttling on iam:GetRole (still throttled after retries)",
      inline: { docs: {} },
    };
    const snap = assemble(s);
    expect(snap.role).toEqual({ exists: true, arn: ROLE.roleArn, inlinePolicies: {} });
    expect(snap.unavailable).toMatchObject({
      "role.trustPolicy": "Throttling on iam:GetRole (still throttled after retries)",
      "role.attachedPolicies": "Deadline reached before iam:ListAttachedRolePolicies answered",
      "role.tags": "Deadline reached before iam:ListRoleTags answered",
      "role.permissionsBoundary": "Throttling on iam:GetRole (still throttled after retries)",
    });
  });

  it("says so when nothing answered in time: the caller, the bucket, the objects and the simulator", () => {
    const s = newCollectState(ROLE, "b-1", readsForSteps(undefined, true));
    s.unavailable.caller = "Connection error on sts:GetCallerIdentity";
    s.role = { arn: ROLE.roleArn!, name: "tidb-import" };
    const snap = assemble(s);
    expect(SnapshotSchema.safeParse(snap).success).toBe(true);
    expect(snap).toEqual({
      version: 1,
      target: ROLE,
      unavailable: {
        bucket: "Deadline reached before s3:ListBucket answered",
        caller: "Connection error on sts:GetCallerIdentity",
        objects: "Deadline reached before s3:ListBucket answered",
        role: "Deadline reached before iam:GetRole answered",
        simulation: "Deadline reached before iam:SimulatePrincipalPolicy answered",
      },
    });
  });

  it("a missing bucket has no objects, and a re-check of one step has only that step's parts", () => {
    const s = roleState();
    s.bucket = { notFound: true };
    s.objects = { headFailed: new Map(), tagsFailed: new Map() };
    s.keys.clear();
    const snap = assemble(s);
    expect(snap.bucket).toEqual({ exists: false, name: "b-1" });
    expect(snap).not.toHaveProperty("objects");
    expect(snap.unavailable).toBeUndefined();

    const only = newCollectState(ROLE, "b-1", readsForSteps(["assume-role"]));
    only.role = { arn: ROLE.roleArn!, name: "tidb-import", exists: true, trustPolicy: doc("t"), boundaryArn: null };
    expect(assemble(only)).toEqual({
      version: 1,
      target: ROLE,
      role: { exists: true, arn: ROLE.roleArn, trustPolicy: doc("t") },
    });
  });

  it("access-key mode: a key of another account says whose it is; the key's last use goes on the key", () => {
    const target: Target = { mode: "access-key", bucketUri: "s3://b-1/data/", accessKeyId: "AKIAIOSFODNN7EXAMPLE" };
    const s = newCollectState(target, "b-1", readsForSteps(["identity-policy"]));
    s.caller = { arn: "arn:aws:iam::111122223333:user/admin", accountId: "111122223333" };
    s.user = { accountId: "444455556666", failed: "NoSuchEntity on iam:GetAccessKeyLastUsed" };
    expect(assemble(s).unavailable?.user).toBe(
      "NoSuchEntity on iam:GetAccessKeyLastUsed (the key belongs to account 444455556666, not the diagnosing credentials' 111122223333)",
    );
    s.user = {
      exists: true,
      arn: "arn:aws:iam::111122223333:user/importer",
      lastUsedService: "s3",
      lastUsedDate: "2026-01-02T03:04:05.000Z",
      keys: [
        { id: "AKIAIOSFODNN7EXAMPLE", status: "Active" },
        { id: "AKIAOTHERKEY0000000", status: "Inactive" },
      ],
      inline: { docs: {} },
      attached: { docs: {} },
      groups: [{ name: "g", inline: { docs: { p: doc("g") } }, attached: { docs: {} } }],
      boundaryArn: null,
      boundary: null,
    };
    const user = assemble(s).user;
    expect(user?.accountId).toBe("111122223333");
    expect(user?.accessKeys).toEqual([
      { id: "AKIAIOSFODNN7EXAMPLE", status: "Active", lastUsedService: "s3", lastUsedDate: "2026-01-02T03:04:05.000Z" },
      { id: "AKIAOTHERKEY0000000", status: "Inactive" },
    ]);
    expect(user?.groups).toEqual([{ name: "g", inlinePolicies: { p: doc("g") }, attachedPolicies: {} }]);
  });

  it("is pure: assembling twice gives the same snapshot and leaves the state as it was", () => {
    const s = roleState();
    s.objects.headFailed.set("data/a.csv", "AccessDenied on s3:GetObject");
    const before = JSON.stringify({ ...s, reads: [...s.reads], keys: [...s.keys] });
    expect(assemble(s)).toEqual(assemble(s));
    expect(JSON.stringify({ ...s, reads: [...s.reads], keys: [...s.keys] })).toBe(before);
  });
});
