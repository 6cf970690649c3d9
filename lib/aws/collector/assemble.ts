/**
 * Turns what the readers learnt into a Snapshot v1. Pure (no SDK, no I/O, no clock): whatever the state holds when
 * the run ends — complete, or cut short by the deadline, or with failed reads — gives the snapshot that says so, each
 * missing part with its reason in `unavailable`.
 */
import type { Snapshot, SnapshotBucket, SnapshotObject } from "@/lib/snapshot/schema";
import { assembleRole, assembleUser } from "./assemble-principal";
import { deadlineReason, type CollectState } from "./state";

export function assemble(state: CollectState): Snapshot {
  const un: Record<string, string> = { ...state.unavailable };
  const snap: Snapshot = { version: 1, target: { ...state.target } };
  if (state.caller) snap.caller = { ...state.caller };
  if (state.role) {
    const role = assembleRole(state, state.role, un);
    if (role) snap.role = role;
  }
  if (state.user) {
    const user = assembleUser(state, state.user, un);
    if (user) snap.user = user;
  }
  if (state.reads.has("bucket")) {
    const bucket = assembleBucket(state, un);
    if (bucket) snap.bucket = bucket;
  }
  if (state.reads.has("objects") && !state.bucket.notFound) {
    // (No bucket, no objects: the bucket checks say so.)
    const o = state.objects;
    if (o.list) {
      const b = snap.bucket;
      snap.objects = o.list.map((obj, i) => {
        const out: SnapshotObject = { ...obj };
        if (
          obj.ownerCanonicalId &&
          b?.ownerCanonicalId &&
          b.ownerAccountId &&
          obj.ownerCanonicalId === b.ownerCanonicalId
        ) {
          out.ownerAccountId = b.ownerAccountId;
        }
        const failed = o.headFailed.get(obj.key);
        if (failed) un[`objects[${i}].sse`] = failed;
        const tagsFailed = o.tagsFailed.get(obj.key);
        if (tagsFailed) un[`objects[${i}].tags`] = tagsFailed;
        return out;
      });
      snap.objectsTruncated = o.truncated ?? false;
    } else un["objects"] = o.failed ?? deadlineReason("s3:ListBucket");
  }
  if (state.keys.size > 0) {
    snap.keys = {};
    for (const [arn, k] of [...state.keys.entries()].sort(([a], [b]) => a.localeCompare(b))) snap.keys[arn] = { ...k };
  }
  if (state.groundTruth) snap.groundTruth = state.groundTruth;
  if (state.reads.has("simulation")) {
    if (state.simulationFailed) un["simulation"] = state.simulationFailed;
    else if (state.simulation) snap.simulation = state.simulation;
    else un["simulation"] = deadlineReason("iam:SimulatePrincipalPolicy");
  }
  if (Object.keys(un).length > 0) {
    snap.unavailable = Object.fromEntries(Object.entries(un).sort(([a], [b]) => a.localeCompare(b)));
  }
  return snap;
}

function assembleBucket(state: CollectState, un: Record<string, string>): SnapshotBucket | undefined {
  const b = state.bucket;
  const name = state.bucketName;
  if (b.notFound && !b.exists) return { exists: false, name };
  // Any successful read of the bucket proves it exists; with none (every read refused), nothing is known.
  const exists =
    b.exists === true ||
    b.ownerCanonicalId !== undefined ||
    b.ownerAccountId !== undefined ||
    b.policy !== undefined ||
    b.ownership !== undefined ||
    b.encryption !== undefined ||
    b.requesterPays !== undefined ||
    state.objects.list !== undefined;
  if (!exists) {
    un["bucket"] = b.regionFailed ?? b.policyFailed ?? deadlineReason("s3:ListBucket");
    return undefined;
  }
  const out: SnapshotBucket = { exists: true, name };
  const set = <K extends keyof SnapshotBucket>(
    key: K,
    value: SnapshotBucket[K] | undefined,
    failed: string | undefined,
    op: string,
    enabled = true,
  ) => {
    if (!enabled) return;
    if (value !== undefined) out[key] = value;
    else un[`bucket.${String(key)}`] = failed ?? deadlineReason(op);
  };
  const reads = state.reads;
  set("region", b.region, b.regionFailed, "s3:GetBucketLocation");
  set("ownerAccountId", b.ownerAccountId, b.ownerFailed, "s3:ListBucket");
  set("ownerCanonicalId", b.ownerCanonicalId, b.aclFailed, "s3:GetBucketAcl");
  set("tags", b.tags, b.tagsFailed, "s3:GetBucketTagging");
  set("policy", b.policy, b.policyFailed, "s3:GetBucketPolicy", reads.has("bucketPolicy"));
  set("objectOwnership", b.ownership, b.ownershipFailed, "s3:GetBucketOwnershipControls", reads.has("ownership"));
  set("encryption", b.encryption, b.encryptionFailed, "s3:GetEncryptionConfiguration", reads.has("encryption"));
  set(
    "requesterPays",
    b.requesterPays,
    b.requesterPaysFailed,
    "s3:GetBucketRequestPayment",
    reads.has("requesterPays"),
  );
  return out;
}
