/**
 * What the readers learn, as they learn it: one plain object per collection, written by the readers
 * (./read-*.ts) and turned into a Snapshot by the pure `assemble` (./assemble.ts). A field left undefined means
 * "no answer yet" (the deadline came first); a `…Failed` field holds the reason a read failed.
 */
import type { ReadId } from "@/lib/reads/table";
import type {
  GroundTruth,
  PolicyDocument,
  Snapshot,
  SnapshotBucket,
  SnapshotKey,
  SnapshotObject,
  Target,
} from "@/lib/snapshot/schema";

/** A map of policies (inline or managed); any failure makes the whole map unknown, with the reason. */
export interface PolicyMapState {
  docs: Record<string, PolicyDocument>;
  failed?: string;
}

export interface RoleState {
  arn: string;
  name: string;
  exists?: boolean;
  /** RoleId (AROA…), from GetRole. */
  id?: string;
  tags?: Record<string, string>;
  tagsFailed?: string;
  getRoleFailed?: string;
  trustPolicy?: PolicyDocument | null;
  boundaryArn?: string | null;
  boundary?: PolicyDocument | null;
  boundaryFailed?: string;
  inline?: PolicyMapState;
  attached?: PolicyMapState;
}

export interface GroupState {
  name: string;
  inline?: PolicyMapState;
  attached?: PolicyMapState;
}

export interface UserState {
  exists?: boolean;
  failed?: string;
  name?: string;
  arn?: string;
  /** UserId (AIDA…), from GetUser. */
  id?: string;
  tags?: Record<string, string>;
  tagsFailed?: string;
  accountId?: string;
  accountFailed?: string;
  lastUsedService?: string;
  lastUsedDate?: string;
  boundaryArn?: string | null;
  boundary?: PolicyDocument | null;
  boundaryFailed?: string;
  keys?: { id: string; status: "Active" | "Inactive" }[];
  keysFailed?: string;
  inline?: PolicyMapState;
  attached?: PolicyMapState;
  groups?: GroupState[];
  groupsFailed?: string;
}

interface BucketState {
  exists?: boolean;
  notFound?: boolean;
  region?: string;
  regionFailed?: string;
  ownerAccountId?: string;
  ownerFailed?: string;
  ownerCanonicalId?: string;
  aclFailed?: string;
  policy?: PolicyDocument | null;
  policyFailed?: string;
  ownership?: SnapshotBucket["objectOwnership"];
  ownershipFailed?: string;
  encryption?: SnapshotBucket["encryption"];
  encryptionFailed?: string;
  requesterPays?: boolean;
  requesterPaysFailed?: string;
  tags?: Record<string, string>;
  tagsFailed?: string;
}

interface ObjectsState {
  /** The listing (keys under the target), each entry completed by its HEAD when it is in the sample. */
  list?: SnapshotObject[];
  failed?: string;
  truncated?: boolean;
  /** Object key → why its HEAD failed. */
  headFailed: Map<string, string>;
  /** Object key → why reading its tags failed (tags are read only when a policy has s3:ExistingObjectTag). */
  tagsFailed: Map<string, string>;
}

export interface CollectState {
  target: Target;
  bucketName: string;
  /** The rows of lib/reads/table.ts this run reads. */
  reads: ReadonlySet<ReadId>;
  /** Reasons recorded by the readers themselves (the caller, KMS keys); assemble adds the rest. */
  unavailable: Record<string, string>;
  caller?: { arn: string; accountId: string };
  role?: RoleState;
  user?: UserState;
  bucket: BucketState;
  objects: ObjectsState;
  /** Key ARN → what is known of it. */
  keys: Map<string, SnapshotKey>;
  groundTruth?: GroundTruth[];
  simulation?: NonNullable<Snapshot["simulation"]>;
  simulationFailed?: string;
}

export function newCollectState(target: Target, bucketName: string, reads: ReadonlySet<ReadId>): CollectState {
  return {
    target,
    bucketName,
    reads,
    unavailable: {},
    bucket: {},
    objects: { headFailed: new Map(), tagsFailed: new Map() },
    keys: new Map(),
  };
}

/** Why a part is missing when its read never answered before the run ended. */
export const deadlineReason = (op: string) => `Deadline reached before ${op} answered`;
