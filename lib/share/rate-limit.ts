/**
 * Sliding-window rate limit, in memory (per app instance). Pure apart from the clock passed in.
 * With several instances behind a load balancer each one counts on its own, so the effective limit is
 * `limit × instances`; the README says so.
 */
export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

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
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((list[0] + this.windowMs - now) / 1000)) };
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
