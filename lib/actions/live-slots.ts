import { availableParallelism } from "node:os";

/**
 * How many live diagnoses one server process runs at once; the others wait their turn, in order of arrival.
 *
 * Each diagnosis sends a dozen AWS calls at a time and signs, parses and checks what comes back on this process's one
 * thread. Unbounded, fifty diagnoses at once keep hundreds of calls in flight, and an answer that has arrived waits
 * behind all of their work: past the per-call timeout (5 s) the run records a timeout that AWS never caused
 * ("Timeout on sts:GetCallerIdentity"). A diagnosis that waits for a slot has started no call and no clock (the
 * per-call timeouts and the run's deadline start when it runs), so waiting costs time, never a false finding.
 * LIVE_CONCURRENCY sets the number (default: two per CPU core, at least two).
 */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** Runs `task` once a slot is free (at once when one is); the slot is freed when it settles, however it settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line (running stays the same), or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

export function liveConcurrency(env: Record<string, string | undefined> = process.env): number {
  const raw = env.LIVE_CONCURRENCY?.trim();
  const n = raw ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : Math.max(2, 2 * availableParallelism());
}

const g = globalThis as { __s3doctorLiveSlots?: Slots };

/** The process's slots for live diagnoses. */
export function liveSlots(): Slots {
  g.__s3doctorLiveSlots ??= new Slots(liveConcurrency());
  return g.__s3doctorLiveSlots;
}
