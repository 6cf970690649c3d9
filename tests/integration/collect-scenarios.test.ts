// Each fake-AWS scenario is read over the wire into exactly the snapshot it describes, and analysed into the
// statuses it expects. The fake endpoint speaks the real protocols (IAM/STS Query, S3 REST-XML, KMS JSON 1.1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSnapshot } from "@/lib/aws/collect";
import { OPERATIONS, type OperationName } from "@/lib/reads/operations";
import { READ_ONLY_POLICY } from "@/lib/aws/diagnosing-policy";
import { SnapshotSchema } from "@/lib/snapshot/schema";
import type { FakeAws } from "@/tests/fake-aws/server";
import { loadScenarios } from "@/tests/fake-aws/scenario";
import { CANARY_IMPORT_SECRET, CANARY_SECRET, loadAnalyzer, startFake, statusOf } from "./support/live";

const scenarios = [...loadScenarios().values()];
let fake: FakeAws;

beforeAll(async () => {
  fake = await startFake();
});
afterAll(async () => {
  await fake?.stop();
});

describe("collectSnapshot against each scenario of the fake AWS endpoint", () => {
  for (const sc of scenarios) {
    it(`${sc.name}: reads the account into the scenario's snapshot (${sc.description})`, async () => {
      // given the diagnosing key that selects this scenario
      const accessKeyId = sc.diagnosingKeys?.[0] as string;
      // when the account is read
      const snapshot = await collectSnapshot({
        target: sc.snapshot.target,
        credentials: { accessKeyId, secretAccessKey: CANARY_SECRET },
        ...(sc.snapshot.target.mode === "access-key" ? { importSecret: CANARY_IMPORT_SECRET } : {}),
        // scenarios with AWS simulator verdicts are read with the simulate option
        ...(sc.snapshot.simulation ? { simulate: true } : {}),
      });
      // then it is exactly the documented snapshot, and a valid Snapshot v1
      expect(JSON.parse(JSON.stringify(snapshot))).toEqual(sc.snapshot);
      expect(SnapshotSchema.safeParse(snapshot).success).toBe(true);

      const analyze = await loadAnalyzer();
      if (analyze && sc.expected?.statuses) {
        const report = await analyze(snapshot);
        const got = Object.fromEntries(Object.keys(sc.expected.statuses).map((id) => [id, statusOf(report, id)]));
        expect(got).toEqual(sc.expected.statuses);
      }
    });
  }

  it("without a region given, finds the bucket's region and reads aws/s3 there", async () => {
    // given the access-key-ok account (default encryption aws:kms without a key id) and no region from the user
    const sc = fake.scenarios.get("access-key-ok")!;
    const snapshot = await collectSnapshot({
      target: { ...sc.snapshot.target, region: null },
      credentials: { accessKeyId: sc.diagnosingKeys![0], secretAccessKey: CANARY_SECRET },
    });
    // then the AWS managed key was resolved in the bucket's region (ap-northeast-1), not the default us-east-1
    const { target: _t, groundTruth: _g, ...expected } = sc.snapshot;
    const { target, ...read } = JSON.parse(JSON.stringify(snapshot));
    expect(read).toEqual(expected);
    expect(target.region).toBeNull();
  });

  it("reads per object whether it was written with an S3 Bucket Key, from HeadObject", async () => {
    // given role-ok: the bucket's Bucket Key is on, mydata/a.csv was written with it (S3 answers its HEAD with
    // x-amz-server-side-encryption-bucket-key-enabled: true) and the others before it was turned on (no such header)
    const sc = fake.scenarios.get("role-ok")!;
    const snapshot = await collectSnapshot({
      target: sc.snapshot.target,
      credentials: { accessKeyId: sc.diagnosingKeys![0], secretAccessKey: CANARY_SECRET },
    });
    // then each SSE-KMS object says which, as S3 told it: the bucket's default does not stand in for the objects
    expect(snapshot.bucket?.encryption?.bucketKeyEnabled).toBe(true);
    expect(Object.fromEntries((snapshot.objects ?? []).map((o) => [o.key, o.bucketKeyEnabled]))).toEqual({
      "mydata/a.csv": true,
      "mydata/b.csv": false,
      "mydata/part2/c.csv": false,
    });
  });

  it("serves 50 concurrent diagnoses, each its own account chosen by its access key id", async () => {
    const runs = Array.from({ length: 50 }, (_, i) => {
      const sc = scenarios[i % scenarios.length];
      const accessKeyId = `AKIACONCURRENT${String(i).padStart(6, "0")}`;
      fake.setScenario(sc.name, accessKeyId);
      return collectSnapshot({
        target: sc.snapshot.target,
        credentials: { accessKeyId, secretAccessKey: CANARY_SECRET },
        ...(sc.snapshot.target.mode === "access-key" ? { importSecret: CANARY_IMPORT_SECRET } : {}),
        ...(sc.snapshot.simulation ? { simulate: true } : {}),
        // generous limits: this one process runs the 50 diagnoses and the endpoint, beside other test files
        callTimeoutMs: 20_000,
        deadlineMs: 60_000,
      }).then((snapshot) => ({ sc, snapshot }));
    });
    for (const { sc, snapshot } of await Promise.all(runs))
      expect(JSON.parse(JSON.stringify(snapshot)), sc.name).toEqual(sc.snapshot);
  }, 90_000);

  it("calls only operations of its own table, and its read-only policy holds exactly the actions it used", () => {
    const diagnosing = fake.calls.filter((c) => !c.importKey);
    const ops = new Set(diagnosing.map((c) => c.op));
    for (const op of ops) expect(Object.keys(OPERATIONS)).toContain(op);
    const usedActions = new Set([...ops].flatMap((op) => OPERATIONS[op as OperationName].action ?? []));
    expect(new Set(READ_ONLY_POLICY.Statement[0].Action)).toEqual(usedActions);
  });

  it("makes the import's own calls only with the import key, and no other call with it", () => {
    const importOps = new Set(fake.calls.filter((c) => c.importKey).map((c) => c.op));
    expect(importOps).toEqual(new Set(["s3:GetBucketLocation", "s3:ListObjectsV2", "s3:GetObject"]));
  });
});
