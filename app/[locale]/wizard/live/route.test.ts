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
beforeAll(async () => {
  fake = await startFakeAws({});
  vi.stubEnv("AWS_ENDPOINT_URL", fake.url);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.stop();
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
    expect(last.data?.report.findings.find((f) => f.id === "bucket.object-ownership")?.status).toBe("fail");
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
});
