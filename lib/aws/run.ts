import "server-only";
import { setMaxListeners } from "node:events";
import type { StepId } from "@/lib/report/types";
import { classifyAwsError, unavailableReason, type ClassifiedAwsError } from "./errors";
import type { ImportCall, OperationName } from "@/lib/reads/operations";

/** One read of the collection, as shown in progress lines and the wizard's progress. */
export interface ProgressEvent {
  type: "start" | "end";
  /** Increasing id of the read within this run. */
  id: number;
  /** The operation, e.g. "s3:GetBucketPolicy", or "import:GetObject" for a ground-truth call with the import's key. */
  op: OperationName | `import:${ImportCall}`;
  /** The wizard step the read serves. */
  step: StepId;
  /** What is being read, without any secret (e.g. the policy name or the object key). */
  subject?: string;
  /** Number of dependent reads up to and including this one (1 = needs nothing). */
  depth: number;
  /** On "end": whether it succeeded; a failure is recorded in the snapshot's `unavailable`, never thrown. */
  ok?: boolean;
  /** On a failed "end": AWS answered that the thing does not exist (no bucket policy, say): an answer, not a miss. */
  absent?: boolean;
  /** On a failed "end": the short classified reason. */
  error?: string;
  /** Milliseconds since the run started. */
  at: number;
}

/** A finished read that later reads may depend on. */
export interface CallRef {
  id: number;
  depth: number;
}

export type CallResult<T> =
  { ok: true; value: T; ref: CallRef } | { ok: false; error: ClassifiedAwsError; reason: string; ref: CallRef };

/**
 * The machinery of one collection: runs reads as soon as they are called (each read's inputs are awaited by its
 * caller, so the reads form a dependency graph, not phases), tracks every read still in flight, applies the one
 * deadline for the run, and reports progress. It never throws for an AWS error.
 */
export class CollectRun {
  private nextId = 1;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly started = Date.now();
  readonly controller = new AbortController();
  maxDepth = 0;
  calls = 0;

  constructor(
    private readonly onProgress: ((e: ProgressEvent) => void) | undefined,
    /** Values that must never appear in a message (secrets of this run). */
    readonly secrets: readonly (string | undefined)[],
  ) {
    // Every read in flight listens to the one deadline signal.
    setMaxListeners(10_000, this.controller.signal);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  private emit(e: Omit<ProgressEvent, "at">) {
    if (!this.onProgress) return;
    try {
      this.onProgress({ ...e, at: Date.now() - this.started });
    } catch {
      // A progress listener's failure must not stop the collection.
    }
  }

  /** Runs one read after its parents; an error becomes a classified result. */
  async call<T>(
    op: OperationName,
    step: StepId,
    parents: readonly (CallRef | undefined)[],
    send: (signal: AbortSignal) => Promise<T>,
    subject?: string,
    displayOp?: ProgressEvent["op"],
  ): Promise<CallResult<T>> {
    const depth = 1 + Math.max(0, ...parents.map((p) => p?.depth ?? 0));
    const ref: CallRef = { id: this.nextId++, depth };
    this.calls++;
    this.maxDepth = Math.max(this.maxDepth, depth);
    const shownOp = displayOp ?? op;
    this.emit({ type: "start", id: ref.id, op: shownOp, step, depth, ...(subject ? { subject } : {}) });
    const finish = (r: CallResult<T>) => {
      this.emit({
        type: "end",
        id: ref.id,
        op: shownOp,
        step,
        depth,
        ok: r.ok,
        ...(subject ? { subject } : {}),
        ...(!r.ok ? { error: r.reason, ...(r.error.code === "not-found" ? { absent: true } : {}) } : {}),
      });
      return r;
    };
    if (this.signal.aborted) {
      const error = classifyAwsError(Object.assign(new Error("aborted"), { name: "AbortError" }), op);
      return finish({ ok: false, error, reason: unavailableReason(error, op), ref });
    }
    try {
      const value = await send(this.signal);
      return finish({ ok: true, value, ref });
    } catch (e) {
      const error = classifyAwsError(e, op, this.secrets);
      if (this.signal.aborted && error.code !== "not-found" && error.code !== "access-denied") error.code = "deadline";
      return finish({ ok: false, error, reason: unavailableReason(error, op), ref });
    }
  }

  /** Starts a dependent branch without awaiting it; the run waits for every branch before it ends. */
  spawn(p: Promise<unknown>): void {
    const tracked = p.catch(() => undefined).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Resolves when every branch has settled (branches may spawn more while this waits). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
