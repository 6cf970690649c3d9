// Faults injected per operation by the fake endpoint: the run always completes, the affected part of the snapshot
// is absent with the reason in `unavailable`, the rest is read, and the affected checks say `unknown`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSnapshot } from "@/lib/aws/collect";
import type { Snapshot } from "@/lib/snapshot/schema";
import type { Faults, FakeAws } from "@/tests/fake-aws/server";
import { CANARY_SECRET, loadAnalyzer, startFake } from "./support/live";

let fake: FakeAws;
let n = 0;
const KEY_ARN = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

beforeAll(async () => {
  fake = await startFake();
});
afterAll(async () => {
  await fake?.stop();
});

/** Reads the role-ok account with a diagnosing key of its own, under the given faults. */
async function collectWith(faults: Faults, extra: Partial<Parameters<typeof collectSnapshot>[0]> = {}) {
  const accessKeyId = `AKIAFAULTTEST${String(++n).padStart(7, "0")}`;
  fake.setScenario("role-ok", accessKeyId);
  fake.setFaults(faults, accessKeyId);
  const expected = fake.scenarios.get("role-ok")!.snapshot;
  const snapshot = await collectSnapshot({
    target: expected.target,
    credentials: { accessKeyId, secretAccessKey: CANARY_SECRET },
    callTimeoutMs: 400,
    maxAttempts: 2,
    ...extra,
  });
  return { snapshot, expected, calls: fake.calls.filter((c) => c.accessKeyId === accessKeyId) };
}

/** The checks that need the missing part say `unknown`, with the reason recorded in the snapshot. */
async function expectUnknown(snapshot: Snapshot, checkIds: string[], reason?: RegExp) {
  const analyze = await loadAnalyzer();
  if (!analyze) return;
  const report = await analyze(snapshot);
  for (const id of checkIds) {
    const f = report.findings.find((x) => x.id === id);
    expect(f?.status, id).toBe("unknown");
    if (reason) expect(`${f?.detail} ${f?.unavailable ?? ""}`, id).toMatch(reason);
  }
}

describe("faults injected per operation", () => {
  it("throttling on s3:GetBucketPolicy: retried a bounded number of times, then the policy is unknown with the reason", async () => {
    const { snapshot, expected, calls } = await collectWith({ "s3:GetBucketPolicy": "throttle" });
    expect(snapshot.unavailable?.["bucket.policy"]).toMatch(/^SlowDown on s3:GetBucketPolicy/);
    expect(snapshot.bucket).not.toHaveProperty("policy");
    expect(calls.filter((c) => c.op === "s3:GetBucketPolicy")).toHaveLength(2);
    // the rest of the account was read
    expect(snapshot.role).toEqual(expected.role);
    expect(snapshot.objects).toEqual(expected.objects);
    await expectUnknown(snapshot, ["bucket.policy.deny"], /SlowDown on s3:GetBucketPolicy/);
  });

  it("a single throttled answer is retried and the read succeeds", async () => {
    const { snapshot, expected } = await collectWith({ "iam:GetRole": { kind: "throttle", times: 1 } });
    expect(snapshot).toEqual(expected);
  });

  it("HTTP 500 on iam:GetRole: the trust policy is unknown, the role's other policies are still read", async () => {
    const { snapshot, expected } = await collectWith({ "iam:GetRole": "500" });
    expect(snapshot.unavailable?.["role.trustPolicy"]).toMatch(/^ServiceFailure on iam:GetRole/);
    expect(snapshot.role?.trustPolicy).toBeUndefined();
    expect(snapshot.role?.inlinePolicies).toEqual(expected.role?.inlinePolicies);
    expect(snapshot.bucket).toEqual(expected.bucket);
    await expectUnknown(snapshot, ["role.trust.external-id", "role.trust.principal"], /ServiceFailure on iam:GetRole/);
  });

  it("a timeout on kms:GetKeyPolicy: the key policy is unknown, the key's other facts are read", async () => {
    const { snapshot, expected } = await collectWith({ "kms:GetKeyPolicy": "timeout" });
    expect(snapshot.unavailable?.[`keys.${KEY_ARN}.policy`]).toMatch(/^Timeout on kms:GetKeyPolicy/);
    const { policy: _policy, ...rest } = expected.keys![KEY_ARN];
    expect(snapshot.keys?.[KEY_ARN]).toEqual(rest);
    await expectUnknown(snapshot, ["kms.key-policy"], /Timeout on kms:GetKeyPolicy/);
  });

  it("a connection reset on s3:ListObjectsV2: the objects are unknown", async () => {
    const { snapshot, expected } = await collectWith({ "s3:ListObjectsV2": "reset" });
    expect(snapshot.unavailable?.["objects"]).toMatch(/^Connection error on s3:ListBucket/);
    expect(snapshot.objects).toBeUndefined();
    expect(snapshot.bucket).toEqual(expected.bucket);
    await expectUnknown(snapshot, ["objects.present"], /Connection error on s3:ListBucket/);
  });

  it("a malformed body for s3:GetBucketEncryption: the default encryption is unknown", async () => {
    const { snapshot } = await collectWith({ "s3:GetBucketEncryption": "malformed" });
    expect(snapshot.unavailable?.["bucket.encryption"]).toMatch(/^Malformed response to s3:GetEncryptionConfiguration/);
    expect(snapshot.bucket).not.toHaveProperty("encryption");
    await expectUnknown(snapshot, ["bucket.encryption"], /Malformed response to s3:GetEncryptionConfiguration/);
  });

  it("AccessDenied on s3:HeadObject: each object's encryption is unknown, naming the missing action", async () => {
    const { snapshot, expected } = await collectWith({ "s3:HeadObject": "AccessDenied" });
    expect(snapshot.objects?.map((o) => o.key)).toEqual(expected.objects?.map((o) => o.key));
    expect(snapshot.objects?.every((o) => o.sse === undefined)).toBe(true);
    expect(snapshot.unavailable?.["objects[0].sse"]).toBe("AccessDenied on s3:GetObject");
    await expectUnknown(snapshot, ["objects.sse-c"]);
  });

  it("AccessDenied on sts:GetCallerIdentity: the caller is unknown and everything else is still read", async () => {
    const { snapshot, expected } = await collectWith({ "sts:GetCallerIdentity": "AccessDenied" });
    expect(snapshot.caller).toBeUndefined();
    expect(snapshot.unavailable?.["caller"]).toMatch(/^AccessDenied on sts:GetCallerIdentity/);
    expect(snapshot.role).toEqual(expected.role);
    expect(snapshot.bucket).toEqual(expected.bucket);
    await expectUnknown(snapshot, ["caller.identity"], /AccessDenied on sts:GetCallerIdentity/);
  });

  it("an import key of another account: its user cannot be read, and the reason names the key's account", async () => {
    const accessKeyId = "AKIAFAULTTESTOTHER01";
    fake.setScenario("access-key-ok", accessKeyId);
    const target = { ...fake.scenarios.get("access-key-ok")!.snapshot.target, accessKeyId: "AKIAKEYOFANOTHERACCT" };
    const snapshot = await collectSnapshot({ target, credentials: { accessKeyId, secretAccessKey: CANARY_SECRET } });
    expect(snapshot.user).toBeUndefined();
    expect(snapshot.unavailable?.["user"]).toMatch(
      /^AccessDenied on iam:GetAccessKeyLastUsed \(the key belongs to account 999988887777, not the diagnosing credentials' 111122223333\)$/,
    );
    expect(snapshot.bucket?.exists).toBe(true);
  });

  it("respects the run's deadline even when every call hangs", async () => {
    // given an endpoint that never answers and a per-call timeout far beyond the deadline
    const { snapshot } = await collectWith({ "*": "timeout" }, { callTimeoutMs: 60_000, deadlineMs: 500 });
    // then the run ends with every part marked as cut by the deadline (the test's own timeout would fail otherwise)
    expect(snapshot.caller).toBeUndefined();
    expect(snapshot.unavailable?.["caller"]).toMatch(/^Deadline reached before sts:GetCallerIdentity answered/);
    expect(snapshot.bucket).toBeUndefined();
    expect(snapshot.unavailable?.["bucket"]).toMatch(/^Deadline/);
  }, 10_000);

  it("asks AWS's simulator only when told to; when it may not be called, the simulation is unknown with the reason", async () => {
    const plain = await collectWith({});
    expect(plain.calls.some((c) => c.op === "iam:SimulatePrincipalPolicy")).toBe(false);
    expect(plain.snapshot.simulation).toBeUndefined();
    // role-ok holds no simulator verdicts: it stands for credentials without iam:SimulatePrincipalPolicy
    const { snapshot, calls } = await collectWith({}, { simulate: true });
    expect(calls.filter((c) => c.op === "iam:SimulatePrincipalPolicy").length).toBeGreaterThan(0);
    expect(snapshot.unavailable?.["simulation"]).toBe("AccessDenied on iam:SimulatePrincipalPolicy");
    await expectUnknown(snapshot, ["aws.simulation"], /AccessDenied on iam:SimulatePrincipalPolicy/);
  });

  it("reads only what the checks of the given steps need", async () => {
    const { snapshot, calls } = await collectWith({}, { only: ["assume-role"] });
    expect(new Set(calls.map((c) => c.op))).toEqual(new Set(["sts:GetCallerIdentity", "iam:GetRole"]));
    expect(snapshot.role?.trustPolicy).toBeTruthy();
    expect(snapshot.bucket).toBeUndefined();
  });
});
