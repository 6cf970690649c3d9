// A canary secret access key, session token and import secret never appear in any output, log, error, progress
// event, snapshot or report, whether the run succeeds, meets faults, or is refused for bad input.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { collectSnapshot, CollectInputError } from "@/lib/aws/collect";
import { classifyAwsError } from "@/lib/aws/errors";
import type { ProgressEvent } from "@/lib/aws/run";
import type { FakeAws } from "@/tests/fake-aws/server";
import { CANARY_IMPORT_SECRET, CANARY_SECRET, CANARY_TOKEN, loadAnalyzer, startFake } from "./support/live";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(async () => {
  await fake?.stop();
});

const CANARIES = [CANARY_SECRET, CANARY_TOKEN, CANARY_IMPORT_SECRET, "CANARY"];

function captureOutput() {
  const seen: string[] = [];
  const grab = (...args: unknown[]) => {
    seen.push(
      args
        .map((a) => (typeof a === "string" ? a : a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a)))
        .join(" "),
    );
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(grab as never),
    vi.spyOn(process.stderr, "write").mockImplementation(grab as never),
    ...(["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m).mockImplementation(grab)),
  ];
  return {
    seen,
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
}

describe("secrets never leak", () => {
  it("in the snapshot, the report, progress events, errors and anything printed", async () => {
    const out = captureOutput();
    const events: ProgressEvent[] = [];
    const texts: string[] = [];
    try {
      // a clean run in role mode, a run with faults, and an access-key run with the import's secret
      fake.setScenario("role-ok", "AKIALEAKTESTROLE0001");
      fake.setScenario("role-ok", "AKIALEAKTESTFAULT001");
      fake.setFaults(
        {
          "s3:GetBucketPolicy": "AccessDenied",
          "iam:GetRole": "500",
          "kms:DescribeKey": "malformed",
          "s3:ListObjectsV2": "reset",
        },
        "AKIALEAKTESTFAULT001",
      );
      fake.setScenario("access-key-no-get-object", "AKIALEAKTESTKEY00001");
      const role = fake.scenarios.get("role-ok")!.snapshot.target;
      const ak = fake.scenarios.get("access-key-no-get-object")!.snapshot.target;
      const credentials = (accessKeyId: string) => ({
        accessKeyId,
        secretAccessKey: CANARY_SECRET,
        sessionToken: CANARY_TOKEN,
      });
      const runs = await Promise.all([
        collectSnapshot({
          target: role,
          credentials: credentials("AKIALEAKTESTROLE0001"),
          onProgress: (e) => events.push(e),
        }),
        collectSnapshot({
          target: role,
          credentials: credentials("AKIALEAKTESTFAULT001"),
          onProgress: (e) => events.push(e),
          callTimeoutMs: 300,
          maxAttempts: 1,
        }),
        collectSnapshot({
          target: ak,
          credentials: credentials("AKIALEAKTESTKEY00001"),
          importSecret: CANARY_IMPORT_SECRET,
          onProgress: (e) => events.push(e),
        }),
      ]);
      // the import's GetObject really was refused, and its message is in the snapshot
      expect(runs[2].groundTruth?.find((g) => g.call === "GetObject")?.ok).toBe(false);
      texts.push(...runs.map((r) => JSON.stringify(r)));
      const analyze = await loadAnalyzer();
      if (analyze) for (const r of runs) texts.push(JSON.stringify(await analyze(r)));
      // invalid input: the error names the field, never a value of the credentials
      await expect(
        collectSnapshot({
          target: { ...role, region: "mars-north-1" },
          credentials: credentials("AKIALEAKTESTROLE0001"),
        }),
      ).rejects.toSatisfy((e: unknown) => {
        texts.push(String(e), JSON.stringify(e));
        return e instanceof CollectInputError && e.field === "target.region";
      });
      // an SDK-like error that quotes a secret is classified without it
      texts.push(
        JSON.stringify(
          classifyAwsError(
            Object.assign(new Error(`bad ${CANARY_SECRET} and ${CANARY_TOKEN}`), { name: "SignatureDoesNotMatch" }),
            "iam:GetRole",
            [CANARY_SECRET],
          ),
        ),
      );
    } finally {
      out.restore();
    }
    texts.push(JSON.stringify(events), JSON.stringify(fake.calls), ...out.seen);
    for (const text of texts) for (const canary of CANARIES) expect(text).not.toContain(canary);
    expect(events.length).toBeGreaterThan(20);
  });
});
