import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clientHash, clientKey, RateLimiter, SharedRateLimiter } from "./rate-limit";
import { openSqliteStore } from "./sqlite-store";
import type { RateCounters } from "./store";

const dir = mkdtempSync(join(tmpdir(), "s3doctor-rate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshStore = () => openSqliteStore(join(dir, `r-${++n}.db`));

describe("RateLimiter (in memory)", () => {
  it("allows `limit` creations per window per client, then says when to retry", () => {
    const rl = new RateLimiter(2, 60_000);
    expect(rl.take("a", 0).ok).toBe(true);
    expect(rl.take("a", 1_000).ok).toBe(true);
    expect(rl.take("a", 2_000)).toEqual({ ok: false, retryAfterSeconds: 58 });
    expect(rl.take("b", 2_000).ok).toBe(true);
    expect(rl.take("a", 60_001).ok).toBe(true);
  });
});

describe("SharedRateLimiter (counted in the store)", () => {
  const W = 600_000;
  const t0 = 1_800_000_000_000 - (1_800_000_000_000 % W); // the start of a window

  it("allows `limit` per client and fixed window, then answers the seconds to the window's end", async () => {
    const store = freshStore();
    const rl = new SharedRateLimiter("reports", 2, W, async () => store.counters);
    expect(await rl.take("198.51.100.1", t0 + 1_000)).toEqual({ ok: true, remaining: 1 });
    expect(await rl.take("198.51.100.1", t0 + 2_000)).toEqual({ ok: true, remaining: 0 });
    expect(await rl.take("198.51.100.1", t0 + 100_500)).toEqual({ ok: false, retryAfterSeconds: 500 });
    expect((await rl.take("198.51.100.2", t0 + 100_500)).ok).toBe(true);
    // A refused attempt is not counted: the next window starts afresh.
    expect(await rl.take("198.51.100.1", t0 + W)).toEqual({ ok: true, remaining: 1 });
    await store.close();
  });

  it("shares the count between limiters (app instances) on one database, per scope", async () => {
    const path = join(dir, "shared.db");
    const [a, b] = [openSqliteStore(path), openSqliteStore(path)];
    const ra = new SharedRateLimiter("live", 3, W, async () => a.counters);
    const rb = new SharedRateLimiter("live", 3, W, async () => b.counters);
    const other = new SharedRateLimiter("reports", 3, W, async () => b.counters);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await (i % 2 ? rb : ra).take("client", t0 + i)).ok);
    expect(answers).toEqual([true, true, true, false, false, false]);
    expect((await other.take("client", t0 + 10)).ok).toBe(true);
    await a.close();
    await b.close();
  });

  it("stores the client only as a hash, and prunes the windows that have ended", async () => {
    const path = join(dir, "hash.db");
    const store = openSqliteStore(path);
    const rl = new SharedRateLimiter("live", 5, W, async () => store.counters);
    await rl.take("203.0.113.77", t0);
    await rl.take("203.0.113.78", t0 + W + 1); // prunes the first window (ended), keeps this one
    const raw = new Database(path, { readonly: true });
    const rows = raw.prepare("SELECT * FROM rate_limit_counters").all() as Record<string, unknown>[];
    raw.close();
    expect(JSON.stringify(rows)).not.toContain("203.0.113.7");
    expect(rows).toEqual([
      { scope: "live", client: clientHash("203.0.113.78"), window_start: t0 + W, window_end: t0 + 2 * W, hits: 1 },
    ]);
    await store.close();
  });

  it("counts in this instance's memory while the store cannot be reached, and says so", async () => {
    const errors: unknown[] = [];
    const broken = async (): Promise<RateCounters> => {
      throw new Error("connect ECONNREFUSED");
    };
    const rl = new SharedRateLimiter("reports", 1, W, broken, (e) => errors.push(e));
    expect((await rl.take("c", t0)).ok).toBe(true);
    expect((await rl.take("c", t0 + 1)).ok).toBe(false);
    expect(errors.length).toBe(2);
  });

  it("refuses everything with a limit below one", async () => {
    const store = freshStore();
    const rl = new SharedRateLimiter("reports", 0, W, async () => store.counters);
    expect(await rl.take("c", t0 + 1_000)).toEqual({ ok: false, retryAfterSeconds: 599 });
    await store.close();
  });
});

describe("clientKey", () => {
  const h = new Headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7", "x-real-ip": "192.0.2.1" });
  it("ignores forwarding headers unless the proxy is trusted", () => {
    expect(clientKey(h, false)).toBe("all-clients");
  });
  it("takes the address the trusted proxy appended", () => {
    expect(clientKey(h, true)).toBe("198.51.100.7");
    expect(clientKey(new Headers({ "x-real-ip": "192.0.2.1" }), true)).toBe("192.0.2.1");
  });
});
