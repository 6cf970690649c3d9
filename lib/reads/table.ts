/**
 * What each wizard step reads, declared once. Each row is one read of the account: the AWS operations the live
 * collector calls for it (lib/aws/collector), the snapshot paths it fills, the steps whose checks judge that data,
 * and the offline box that supplies the same data when documents are pasted instead.
 *
 * The one table drives three things, which a test proves agree (lib/reads/table.test.ts,
 * tests/integration/recheck-reads.test.ts):
 * - the collector: a run reads the rows of the steps it is asked for (all of them by default), plus what they need;
 * - "Re-check this step": live, it reads only that step's rows (`readsForSteps([step])`); offline, it shows only that
 *   step's boxes (`boxesOfStep(step)`);
 * - the offline document form, whose boxes are the `box` of each row.
 *
 * Adding a read: one row here, its operations in ./operations.ts, and one reader in lib/aws/collector.
 * Pure: no I/O, safe for the browser.
 */
import type { StepId } from "@/lib/report/types";
import type { OperationName } from "./operations";

/** A box (or group of boxes) of the offline document form. */
export type OfflineBox = "trust" | "identity" | "bucketPolicy" | "ownership" | "encryption" | "objects";
export const OFFLINE_BOXES: readonly OfflineBox[] = [
  "trust",
  "identity",
  "bucketPolicy",
  "ownership",
  "encryption",
  "objects",
];

export interface ReadRow {
  /** What it reads, in a few words. */
  what: string;
  /** The operations the collector calls for it with the diagnosing credentials. */
  ops: readonly OperationName[];
  /** Snapshot paths it fills (or records in `unavailable` when a call fails); `keys.*`: every key's entry. */
  fills: readonly string[];
  /** Steps whose checks judge this data (the summary step re-reads every row). */
  steps: readonly StepId[];
  /** Rows whose answers this row's calls take their input from: read as well whenever this row is. */
  needs?: readonly ReadId[];
  /** Only in this access mode. */
  mode?: "role" | "access-key";
  /** Only when AWS's policy simulator is asked for (the simulate option). */
  optIn?: true;
  /** The offline box that supplies the same data (null: none; offline mode takes it from the start form or lacks it). */
  box: OfflineBox | null;
}

export type ReadId =
  | "caller"
  | "role"
  | "rolePolicies"
  | "user"
  | "userPolicies"
  | "bucket"
  | "bucketPolicy"
  | "requesterPays"
  | "ownership"
  | "objects"
  | "objectHeads"
  | "objectTags"
  | "encryption"
  | "keys"
  | "simulation";

export const READS: Record<ReadId, ReadRow> = {
  caller: {
    what: "who the diagnosing credentials are",
    ops: ["sts:GetCallerIdentity"],
    fills: ["caller"],
    steps: ["intake"],
    box: null,
  },
  role: {
    what: "the role, its trust policy and the ARN of its permissions boundary",
    ops: ["iam:GetRole"],
    fills: ["role", "role.exists", "role.arn", "role.id", "role.trustPolicy", "role.permissionsBoundaryArn"],
    steps: ["assume-role"],
    mode: "role",
    box: "trust",
  },
  rolePolicies: {
    what: "the role's inline and attached policies, its permissions boundary and its tags",
    ops: [
      "iam:ListRolePolicies",
      "iam:GetRolePolicy",
      "iam:ListAttachedRolePolicies",
      "iam:GetPolicy",
      "iam:GetPolicyVersion",
      "iam:ListRoleTags",
    ],
    fills: ["role.inlinePolicies", "role.attachedPolicies", "role.permissionsBoundary", "role.tags"],
    steps: ["identity-policy"],
    needs: ["role"],
    mode: "role",
    box: "identity",
  },
  user: {
    what: "the IAM user that owns the access key, the key's status and account",
    ops: ["iam:GetAccessKeyLastUsed", "iam:GetUser", "iam:ListAccessKeys", "sts:GetAccessKeyInfo"],
    fills: [
      "user",
      "user.exists",
      "user.arn",
      "user.id",
      "user.accountId",
      "user.accessKeys",
      "user.permissionsBoundaryArn",
    ],
    steps: ["identity-policy"],
    mode: "access-key",
    box: "identity",
  },
  userPolicies: {
    what: "the user's inline, attached and group policies, its permissions boundary and its tags",
    ops: [
      "iam:ListUserPolicies",
      "iam:GetUserPolicy",
      "iam:ListAttachedUserPolicies",
      "iam:ListGroupsForUser",
      "iam:ListGroupPolicies",
      "iam:GetGroupPolicy",
      "iam:ListAttachedGroupPolicies",
      "iam:GetPolicy",
      "iam:GetPolicyVersion",
      "iam:ListUserTags",
    ],
    fills: ["user.inlinePolicies", "user.attachedPolicies", "user.groups", "user.permissionsBoundary", "user.tags"],
    steps: ["identity-policy"],
    needs: ["user"],
    mode: "access-key",
    box: "identity",
  },
  bucket: {
    what: "that the bucket exists, its region, its owner and its tags",
    ops: ["s3:HeadBucket", "s3:GetBucketLocation", "s3:GetBucketAcl", "s3:GetBucketTagging"],
    fills: [
      "bucket",
      "bucket.exists",
      "bucket.region",
      "bucket.ownerAccountId",
      "bucket.ownerCanonicalId",
      "bucket.tags",
    ],
    steps: ["bucket-policy"],
    box: "bucketPolicy",
  },
  bucketPolicy: {
    what: "the bucket policy",
    ops: ["s3:GetBucketPolicy"],
    fills: ["bucket.policy"],
    steps: ["bucket-policy"],
    needs: ["bucket"],
    box: "bucketPolicy",
  },
  requesterPays: {
    what: "Requester Pays",
    ops: ["s3:GetBucketRequestPayment"],
    fills: ["bucket.requesterPays"],
    steps: ["bucket-policy"],
    needs: ["bucket"],
    box: "bucketPolicy",
  },
  ownership: {
    what: "Object Ownership",
    ops: ["s3:GetBucketOwnershipControls"],
    fills: ["bucket.objectOwnership"],
    steps: ["object-ownership"],
    needs: ["bucket"],
    box: "ownership",
  },
  objects: {
    what: "the objects under the folder, their owners and storage classes",
    ops: ["s3:ListObjectsV2"],
    fills: ["objects", "objectsTruncated"],
    steps: ["object-ownership", "encryption"],
    needs: ["bucket"],
    box: "objects",
  },
  objectHeads: {
    what: "the encryption and KMS key of a sample of the objects (HEAD)",
    ops: ["s3:HeadObject"],
    fills: ["objects[].sse"],
    steps: ["encryption"],
    needs: ["objects"],
    box: "objects",
  },
  objectTags: {
    what: "the tags of the same sample of objects, when a policy has s3:ExistingObjectTag conditions",
    ops: ["s3:GetObjectTagging"],
    fills: ["objects[].tags"],
    steps: ["bucket-policy", "identity-policy"],
    // The bucket policy says whether tags matter (and the identity policies, when this run reads them).
    needs: ["objects", "bucketPolicy"],
    box: null,
  },
  encryption: {
    what: "the bucket's default encryption and its KMS key",
    ops: ["s3:GetBucketEncryption"],
    fills: ["bucket.encryption"],
    steps: ["identity-policy", "encryption"],
    needs: ["bucket"],
    box: "encryption",
  },
  keys: {
    what: "each KMS key in use: state, region, aliases, key policy, and its tags (when a policy has aws:ResourceTag conditions, or the key is the caller's account's own)",
    ops: ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:ListAliases", "kms:ListResourceTags"],
    fills: ["keys.*"],
    steps: ["identity-policy", "encryption"],
    // A key's id comes from the default encryption or an object's HEAD; an alias is resolved in the bucket's region.
    needs: ["encryption", "objectHeads", "bucket"],
    box: "encryption",
  },
  simulation: {
    what: "AWS's own verdict on the import's requests (iam:SimulatePrincipalPolicy)",
    ops: ["iam:SimulatePrincipalPolicy"],
    fills: ["simulation"],
    steps: ["summary"],
    needs: ["user", "objects", "keys"],
    optIn: true,
    box: null,
  },
};
export const READ_IDS = Object.keys(READS) as ReadId[];

const row = (id: ReadId): ReadRow => READS[id];

/** The rows whose checks sit in this step (the summary step sums up all the others: every row). */
export function readsOfStep(step: StepId): ReadId[] {
  return READ_IDS.filter((id) => step === "summary" || row(id).steps.includes(step));
}

/**
 * What a run reads when asked for these steps (all steps when none are given): their rows, every row those need,
 * and always the caller (whether the credentials work at all). The simulator only when `simulate` and the summary
 * step is asked for.
 */
export function readsForSteps(steps: readonly StepId[] | undefined, simulate = false): Set<ReadId> {
  const asked = steps && steps.length > 0 ? steps : undefined;
  const out = new Set<ReadId>(["caller"]);
  const add = (id: ReadId) => {
    if (out.has(id) && id !== "caller") return;
    out.add(id);
    for (const n of row(id).needs ?? []) add(n);
  };
  for (const id of READ_IDS) {
    const r = row(id);
    if (r.optIn && !(simulate && (!asked || asked.includes("summary")))) continue;
    if (!asked || asked.some((s) => s === "summary" || r.steps.includes(s))) add(id);
  }
  return out;
}

/** The offline boxes of a step's rows, in form order: what "Re-check this step" shows offline. */
export function boxesOfStep(step: StepId): OfflineBox[] {
  // The summary re-reads everything live, but has no documents of its own to edit offline.
  if (step === "summary") return [];
  const boxes = new Set(readsOfStep(step).flatMap((id) => (row(id).box ? [row(id).box as OfflineBox] : [])));
  return OFFLINE_BOXES.filter((b) => boxes.has(b));
}

/** The operations of a set of rows in an access mode, sorted. */
export function operationsOf(reads: Iterable<ReadId>, mode: "role" | "access-key"): OperationName[] {
  const ops = new Set<OperationName>();
  for (const id of reads) {
    const r = row(id);
    if (r.mode && r.mode !== mode) continue;
    for (const op of r.ops) ops.add(op);
  }
  return [...ops].sort();
}
