import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { STEPS } from "@/lib/report/types";
import { startFakeAws, type FakeAws } from "@/tests/fake-aws/server";
import { POST } from "./route";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0077";
const TOKEN = "IQoJb3JpZ2luX2VjECANARYROUTE0077bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const body = {
  target: {
    mode: "role",
    bucketUri: "s3://tidb-cloud-source-data/mydata/",
    roleArn: "arn:aws:iam::111122223333:role/tidb-import",
    externalId: "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe",
    tidbAccountId: "380838443567",
    region: "ap-northeast-1",
  },
  credentials: { accessKeyId: "AKIAFAKEROLEOWNER001", secretAccessKey: SECRET, sessionToken: TOKEN },
  locale: "en",
};

let fake: FakeAws;
let dir: string;
beforeAll(async () => {
  fake = await startFakeAws({});
  vi.stubEnv("AWS_ENDPOINT_URL", fake.url);
  // The live limit is counted in the share store: a throwaway one, two diagnoses per client per window.
  dir = mkdtempSync(join(tmpdir(), "s3doctor-live-route-"));
  vi.stubEnv("REPORTS_DB_PATH", join(dir, "reports.db"));
  vi.stubEnv("LIVE_RATE_LIMIT", "2");
  vi.stubEnv("LIVE_RATE_WINDOW_SECONDS", "600");
  vi.stubEnv("TRUST_PROXY", "1");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

const request = (b: string, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1:3000/en/wizard/live", {
    method: "POST",
    body: b,
    headers: { host: "127.0.0.1:3000", "content-type": "application/json", ...headers },
  });

describe("POST /[locale]/wizard/live", () => {
  it("streams per-step progress of the reads, then the result, with no credential anywhere", async () => {
    const res = await POST(request(JSON.stringify(body), { origin: "http://127.0.0.1:3000" }));
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    const lines = text
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            step?: string;
            phase?: string;
            ok?: boolean;
            data?: { report: { findings: { id: string; status: string }[] } };
          },
      );
    const progress = lines.filter((l) => l.type === "progress");
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every((p) => (STEPS as readonly string[]).includes(p.step ?? ""))).toBe(true);
    expect(progress.filter((p) => p.phase === "start").length).toBe(progress.filter((p) => p.phase === "end").length);
    const last = lines[lines.length - 1];
    expect(last).toMatchObject({ type: "result", ok: true });
    expect(last.data?.report.findings.find((f) => f.id === "bucket.object-ownership")?.status).toBe("warn");
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
  });

  it("refuses a cross-origin request before reading anything", async () => {
    const before = fake.calls.length;
    const res = await POST(request(JSON.stringify(body), { origin: "https://evil.example" }));
    expect(res.status).toBe(403);
    expect(fake.calls.length).toBe(before);
  });

  it.each(["null", "file://", "not a url", "http://127.0.0.1:3000.evil.example"])(
    "refuses the origin %j with a clear 403, not a server error",
    async (origin) => {
      const before = fake.calls.length;
      const res = await POST(request(JSON.stringify(body), { origin }));
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Cross-origin/) } });
      expect(fake.calls.length).toBe(before);
    },
  );

  it("answers a body that is not JSON with 400 and a message", async () => {
    const res = await POST(request("{not json"));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: "input.invalid" } });
  });

  it("limits live diagnoses per client: past the limit, 429 with Retry-After and a sentence, and no AWS call", async () => {
    const from = (ip: string, b: unknown = body) =>
      POST(request(JSON.stringify(b), { origin: "http://127.0.0.1:3000", "x-forwarded-for": ip }));
    // A request that would make no AWS call (invalid input) is not counted.
    for (let i = 0; i < 3; i++) {
      const invalid = await from("203.0.113.10", {
        ...body,
        credentials: { ...body.credentials, accessKeyId: "not a key id" },
      });
      expect(invalid.status).toBe(200);
      expect(await invalid.text()).toContain('"code":"input.invalid"');
    }
    for (let i = 0; i < 2; i++) {
      const res = await from("203.0.113.10");
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('"type":"result","ok":true');
    }
    const before = fake.calls.length;
    const refused = await from("203.0.113.10");
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(600);
    expect(await refused.json()).toEqual({
      type: "result",
      ok: false,
      error: {
        code: "rate.limited",
        message: `Too many live diagnoses; try again in ${wait} s.`,
        retryAfterSeconds: wait,
      },
    });
    expect(fake.calls.length).toBe(before);
    // Another client has its own budget.
    expect((await from("203.0.113.11")).status).toBe(200);
  });
});
