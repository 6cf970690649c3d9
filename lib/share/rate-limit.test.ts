import { describe, expect, it } from "vitest";
import { clientKey, RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows `limit` creations per window per client, then says when to retry", () => {
    const rl = new RateLimiter(2, 60_000);
    expect(rl.take("a", 0).ok).toBe(true);
    expect(rl.take("a", 1_000).ok).toBe(true);
    expect(rl.take("a", 2_000)).toEqual({ ok: false, retryAfterSeconds: 58 });
    expect(rl.take("b", 2_000).ok).toBe(true);
    expect(rl.take("a", 60_001).ok).toBe(true);
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
