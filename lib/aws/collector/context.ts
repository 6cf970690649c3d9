import "server-only";
import type { StepId } from "@/lib/report/types";
import type { OperationName } from "@/lib/reads/operations";
import type { ReadId } from "@/lib/reads/table";
import type { ParsedBucketUri } from "@/lib/snapshot/bucket-uri";
import type { PolicyDocument, Target } from "@/lib/snapshot/schema";
import type { CallRef, CallResult, CollectRun } from "../run";
import type { ApiInput, ApiOutput, AwsApi } from "./api";
import { deferred, type Deferred } from "./deferred";
import type { CollectState } from "./state";

export type PolicyRead = { ok: true; doc: PolicyDocument; ref?: CallRef } | { ok: false; reason: string };

/** What one reader tells the others as soon as it knows (each resolves exactly once, even when its read is off). */
interface Signals {
  /** GetCallerIdentity answered: the caller's account. */
  caller: Deferred<{ accountId?: string; ref?: CallRef }>;
  /** The bucket's region, from HeadBucket or GetBucketLocation (undefined when neither can tell). */
  region: Deferred<{ region?: string; ref?: CallRef }>;
  /** The object listing answered (or will not happen). */
  listed: Deferred<void>;
  /** The default encryption answered (its KMS key, if any, has been asked for). */
  encryptionRead: Deferred<void>;
  /** Every sampled object's HEAD answered (their KMS keys have been asked for). */
  headsDone: Deferred<void>;
  /** Access-key mode: the user's ARN, once GetUser answered. */
  userArn: Deferred<{ arn?: string; ref?: CallRef }>;
  /** The bucket policy answered (or will not be read). */
  bucketPolicyRead: Deferred<void>;
  /** Every identity policy and the permissions boundary answered (or will not be read). */
  identityPoliciesRead: Deferred<void>;
}

/** One collection: its settings, the shared state the readers fill, and the calls they make. */
export interface Collection {
  readonly run: CollectRun;
  readonly state: CollectState;
  readonly target: Target;
  readonly uri: ParsedBucketUri;
  /** The run's region (the bucket's when the user gave it; AWS's default otherwise). */
  readonly region: string;
  readonly reads: ReadonlySet<ReadId>;
  /** How many objects to HEAD. */
  readonly headSample: number;
  readonly signals: Signals;
  /** Managed policies by ARN: each is read once, whoever attached it. */
  readonly managed: Map<string, Promise<PolicyRead>>;
  /** KMS key id (any form) → its ARN once described; ARNs whose policy and aliases were asked for. */
  readonly keyIds: Map<string, Promise<string | undefined>>;
  readonly keyDetails: Set<string>;
  /** Calls one operation with the diagnosing credentials after its parents (never throws for an AWS error). */
  call<O extends OperationName>(
    op: O,
    step: StepId,
    parents: readonly (CallRef | undefined)[],
    input: ApiInput<O>,
    opts?: { subject?: string; region?: string },
  ): Promise<CallResult<ApiOutput<O>>>;
  /** Starts a branch the run waits for. */
  spawn(p: Promise<unknown>): void;
}

export interface CollectionSettings {
  run: CollectRun;
  api: AwsApi;
  state: CollectState;
  target: Target;
  uri: ParsedBucketUri;
  region: string;
  headSample: number;
}

export function newCollection(s: CollectionSettings): Collection {
  const reads = s.state.reads;
  const signals: Signals = {
    caller: deferred(),
    region: deferred(),
    listed: deferred(),
    encryptionRead: deferred(),
    headsDone: deferred(),
    userArn: deferred(),
    bucketPolicyRead: deferred(),
    identityPoliciesRead: deferred(),
  };
  // A signal whose read is off is known at once: nothing will come.
  if (!reads.has("bucket")) signals.region.resolve({});
  if (!reads.has("bucket") || !reads.has("objects")) signals.listed.resolve();
  if (!reads.has("bucket") || !reads.has("encryption")) signals.encryptionRead.resolve();
  if (!reads.has("bucket") || !reads.has("objects")) signals.headsDone.resolve();
  if (s.target.mode !== "access-key" || !reads.has("user")) signals.userArn.resolve({});
  if (!reads.has("bucket") || !reads.has("bucketPolicy")) signals.bucketPolicyRead.resolve();
  const policiesRow = s.target.mode === "role" ? "rolePolicies" : "userPolicies";
  if (!reads.has(policiesRow) || !reads.has(s.target.mode === "role" ? "role" : "user"))
    signals.identityPoliciesRead.resolve();
  return {
    run: s.run,
    state: s.state,
    target: s.target,
    uri: s.uri,
    region: s.region,
    reads,
    headSample: s.headSample,
    signals,
    managed: new Map(),
    keyIds: new Map(),
    keyDetails: new Set(),
    call: (op, step, parents, input, opts = {}) =>
      s.run.call(
        op,
        step,
        parents,
        (signal) => s.api.send(op, input, { signal, ...(opts.region ? { region: opts.region } : {}) }),
        opts.subject,
      ),
    spawn: (p) => s.run.spawn(p),
  };
}
