// The collector is a dependency graph, not phases: independent reads start together, and a dependent read starts as
// soon as its own input arrives, even while an unrelated read is still waiting for its answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSnapshot } from "@/lib/aws/collect";
import type { ProgressEvent } from "@/lib/aws/run";
import type { FakeAws } from "@/tests/fake-aws/server";
import { CANARY_SECRET, startFake } from "./support/live";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(async () => {
  await fake?.stop();
});

async function run(accessKeyId: string, scenario: string, extra: Partial<Parameters<typeof collectSnapshot>[0]> = {}) {
  fake.setScenario(scenario, accessKeyId);
  const events: ProgressEvent[] = [];
  const snapshot = await collectSnapshot({
    target: fake.scenarios.get(scenario)!.snapshot.target,
    credentials: { accessKeyId, secretAccessKey: CANARY_SECRET },
    onProgress: (e) => events.push(e),
    ...extra,
  });
  const at = (type: ProgressEvent["type"], op: string) => events.findIndex((e) => e.type === type && e.op === op);
  return { snapshot, events, at };
}

describe("the collector's reads form a dependency graph", () => {
  it("starts every read whose input is known at once, before any answer arrives", async () => {
    const { events } = await run("AKIAGRAPHTEST0000001", "role-ok");
    const firstEnd = events.findIndex((e) => e.type === "end");
    const startedFirst = new Set(events.slice(0, firstEnd).map((e) => e.op));
    for (const op of [
      "sts:GetCallerIdentity",
      "iam:GetRole",
      "iam:ListRolePolicies",
      "iam:ListAttachedRolePolicies",
      "s3:HeadBucket",
      "s3:GetBucketLocation",
      "s3:GetBucketAcl",
      "s3:GetBucketPolicy",
      "s3:GetBucketOwnershipControls",
      "s3:GetBucketEncryption",
      "s3:GetBucketRequestPayment",
      "s3:ListObjectsV2",
    ]) {
      expect(startedFirst, op).toContain(op);
    }
    expect(events.filter((e) => e.type === "start" && e.depth === 1).every((e) => events.indexOf(e) < firstEnd)).toBe(
      true,
    );
  });

  it("starts dependent reads as soon as their input arrives, while an unrelated read still hangs", async () => {
    // given a bucket-policy read that gets no answer for a while
    fake.setFaults({ "s3:GetBucketPolicy": "timeout" }, "AKIAGRAPHTEST0000002");
    const { at, snapshot } = await run("AKIAGRAPHTEST0000002", "role-ok", { callTimeoutMs: 1_500, maxAttempts: 1 });
    const policyEnd = at("end", "s3:GetBucketPolicy");
    // then the chains behind other reads went all the way down before it ended
    for (const op of [
      "iam:GetPolicyVersion",
      "iam:GetRolePolicy",
      "s3:HeadObject",
      "kms:DescribeKey",
      "kms:GetKeyPolicy",
      "kms:ListAliases",
    ]) {
      expect(at("end", op), op).toBeGreaterThan(-1);
      expect(at("end", op), op).toBeLessThan(policyEnd);
    }
    expect(snapshot.unavailable?.["bucket.policy"]).toMatch(/^Timeout on s3:GetBucketPolicy/);
  });

  it("reports the depth of each read: a HEAD depends on the listing, the key policy on the HEAD or the encryption", async () => {
    const { events } = await run("AKIAGRAPHTEST0000003", "role-ok");
    const depth = (op: string) =>
      Math.min(...events.filter((e) => e.type === "end" && e.op === op).map((e) => e.depth));
    expect(depth("s3:ListObjectsV2")).toBe(1);
    expect(depth("s3:HeadObject")).toBe(2);
    expect(depth("kms:GetKeyPolicy")).toBe(2);
    expect(depth("iam:GetPolicyVersion")).toBe(3);
    // every start has its end
    const ids = (t: ProgressEvent["type"]) =>
      events
        .filter((e) => e.type === t)
        .map((e) => e.id)
        .sort((a, b) => a - b);
    expect(ids("end")).toEqual(ids("start"));
  });
});
