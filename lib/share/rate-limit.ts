import { createHash } from "node:crypto";
import type { RateCounters } from "./store";

/**
 * Rate limits: per client address and window. `SharedRateLimiter` counts in the shared store (SQLite or PostgreSQL),
 * so that every app instance using the store counts against one limit; `RateLimiter` counts in this process's memory
 * and stands in while the store cannot be reached.
 */
export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Sliding-window limit in this process's memory. Pure apart from the clock passed in. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one attempt by `key` at `now` (ms) and says whether it is allowed. Refused attempts are not counted. */
  take(key: string, now: number = Date.now()): RateDecision {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.limit) {
      this.hits.set(key, list);
      const oldest = list[0] ?? now;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 10_000) this.prune(since);
    return { ok: true, remaining: this.limit - list.length };
  }

  private prune(since: number) {
    for (const [k, list] of this.hits) if (list.every((t) => t <= since)) this.hits.delete(k);
  }
}

/** How often (at most) one limiter deletes the store's rows of windows that have ended. */
const PRUNE_EVERY_MS = 60_000;

/**
 * A fixed-window limit counted in the shared store: windows are aligned on multiples of `windowMs` since the epoch,
 * so every instance (with a synchronised clock) counts in the same row, and one atomic statement per attempt makes the
 * limit exact however many instances take at once. A client may therefore get up to `limit` at the end of one window
 * and `limit` again at the start of the next. The client's address is stored as a hash, and only until its window has
 * ended.
 *
 * While the store cannot be reached, each instance falls back to counting in its own memory (and says so through
 * `onStoreError`): a broken database must not turn into refusing everyone, nor into no limit at all.
 */
export class SharedRateLimiter {
  private readonly fallback: RateLimiter;
  private lastPrune = 0;

  constructor(
    readonly scope: string,
    readonly limit: number,
    readonly windowMs: number,
    private readonly counters: () => Promise<RateCounters>,
    private readonly onStoreError: (e: unknown) => void = () => {},
  ) {
    this.fallback = new RateLimiter(limit, windowMs);
  }

  /** Counts one attempt by `client` at `now` (ms) and says whether it is allowed. Refused attempts are not counted. */
  async take(client: string, now: number = Date.now()): Promise<RateDecision> {
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    const end = start + this.windowMs;
    const retryAfterSeconds = Math.max(1, Math.ceil((end - now) / 1000));
    if (this.limit < 1) return { ok: false, retryAfterSeconds };
    let counters: RateCounters;
    let hits: number | null;
    try {
      counters = await this.counters();
      hits = await counters.hit({ scope: this.scope, client: clientHash(client), start, end }, this.limit);
    } catch (e) {
      this.onStoreError(e);
      return this.fallback.take(client, now);
    }
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now;
      counters.prune(now).catch(this.onStoreError);
    }
    return hits === null ? { ok: false, retryAfterSeconds } : { ok: true, remaining: this.limit - hits };
  }
}

/** The client's address as stored: a SHA-256 hash (base64url, 128 bits), not the address in plain text. */
export function clientHash(client: string): string {
  return createHash("sha256").update(client).digest("base64url").slice(0, 22);
}

/**
 * The client address for rate limiting. Route handlers do not see the socket address, so:
 * with `trustProxy` the last X-Forwarded-For entry (the one your proxy appended) or X-Real-IP;
 * without it, every client shares one bucket (a global limit), since any header could be forged.
 */
export function clientKey(headers: Headers, trustProxy: boolean): string {
  if (!trustProxy) return "all-clients";
  const xff = headers.get("x-forwarded-for");
  const last = xff
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
  return last || headers.get("x-real-ip")?.trim() || "all-clients";
}
