// The collection script for AWS CloudShell, run for real: bash and the AWS CLI v2 (Debian's awscli) against the fake
// endpoint, as a user runs it in CloudShell. The account is the hardest one we have (a hostile folder, odd object
// keys, an SSE-C object, reads that only a policy's condition asks for, denied reads, AWS's simulator): the bundle
// the real CLI writes, read by the app, gives exactly the snapshot a live run of the same account gives, and so the
// same report; every AWS CLI call it made is a read of the allowed list; and nothing the folder or a key holds ran.
// The AWS CLI starts some 50 times here (about a second of CPU each), so this is the one account it runs: every
// other account, both modes and the call-for-call comparison with the live collector are
// tests/integration/cloudshell-script.test.ts (a stand-in for the CLI, no install needed), and the clean pass in the
// browser is tests/e2e/wizard-script.spec.ts. Without an AWS CLI that can be found or installed, skipped with the reason.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSnapshot } from "@/lib/aws/collect";
import { snapshotFromBundle } from "@/lib/aws/from-bundle";
import { analyzeSnapshot } from "@/lib/checks";
import { collectionScript } from "@/lib/cloudshell/script";
import type { Snapshot } from "@/lib/snapshot/schema";
import { loadScenarios } from "@/tests/fake-aws/scenario";
import type { FakeAws } from "@/tests/fake-aws/server";
import { findOrInstallAwsCli } from "@/tests/support/aws-cli";
import { runCollectionScript, type ScriptRun } from "@/tests/support/collection-script";
import {
  expectOnlyReads,
  HOSTILE_FOLDER,
  mixedScenario,
  ODD_KEYS,
  PWNED_FILES,
  scriptInput,
} from "./support/cloudshell";
import { CANARY_SECRET, startFake } from "./support/live";

const cli = findOrInstallAwsCli();
const ACCESS_KEY_ID = "AKIASCRIPTREALCLI001";

let fake: FakeAws;
let run: ScriptRun;
let live: Snapshot;
let fromBundle: Awaited<ReturnType<typeof snapshotFromBundle>>;

const statuses = async (s: Snapshot) =>
  Object.fromEntries((await analyzeSnapshot(s)).findings.map((f) => [f.id, f.status] as const));

describe.skipIf(!cli.path)(
  `the collection script, run with the AWS CLI against the fake endpoint${cli.reason ? ` (skipped: ${cli.reason})` : ""}`,
  () => {
    beforeAll(async () => {
      fake = await startFake({ scenarios: [mixedScenario(loadScenarios())] });
      fake.setScenario("mixed", ACCESS_KEY_ID);
      const t = fake.scenarios.get("mixed")!.snapshot.target;
      const generated = collectionScript(scriptInput(t));
      if (!generated.ok) throw new Error(JSON.stringify(generated.problems));
      run = await runCollectionScript(generated.script, {
        awsCli: cli.path!,
        endpoint: fake.url,
        accessKeyId: ACCESS_KEY_ID,
        secretAccessKey: CANARY_SECRET,
      });
      live = await collectSnapshot({
        target: t,
        credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: CANARY_SECRET },
        simulate: true,
      });
      fromBundle = await snapshotFromBundle(run.bundle);
    }, 900_000);

    afterAll(async () => {
      run?.cleanup();
      await fake?.stop();
    });

    it("the bundle gives the live run's snapshot and report, with read calls only", async () => {
      expect(run.code, run.stderr).toBe(0);
      expect(run.bundle).toMatchObject({ format: "s3-access-doctor/bundle", version: 1, complete: true });
      expect(fromBundle.ok, JSON.stringify(fromBundle)).toBe(true);
      if (!fromBundle.ok) return;
      expect(JSON.parse(JSON.stringify(fromBundle.snapshot))).toEqual(JSON.parse(JSON.stringify(live)));
      expect(await statuses(fromBundle.snapshot)).toEqual(await statuses(live));
      expectOnlyReads(run.invocations);
      // what the fake received with the script's key: reads, nothing else
      const ops = new Set(fake.calls.filter((c) => c.accessKeyId === ACCESS_KEY_ID).map((c) => c.op));
      expect([...ops].every((op) => /^(sts|iam|s3|kms):(Get|List|Head|Describe|Simulate)/.test(op))).toBe(true);
      expect(JSON.stringify(run.bundle)).not.toContain(CANARY_SECRET);
      expect(run.stderr).not.toContain(CANARY_SECRET);
    });

    it("a hostile folder and object keys with quotes, $(…), backticks and newlines stay data; tags read when needed", () => {
      // the folder went to S3 as one prefix, exactly as typed, and nothing in it ran
      const list = run.invocations.find((a) => a[1] === "list-objects-v2")!;
      expect(JSON.parse(list[3])).toMatchObject({ Bucket: "tidb-cloud-source-data", Prefix: HOSTILE_FOLDER });
      for (const f of PWNED_FILES) expect(existsSync(join(run.dir, f)), f).toBe(false);
      const keys = (live.objects ?? []).map((o) => o.key);
      for (const k of ODD_KEYS) expect(keys).toContain(k.replace(/^mydata\//, HOSTILE_FOLDER));
      // ten HEADs, spread over the folders, as the live collector picks them
      expect(run.invocations.filter((a) => a[1] === "head-object")).toHaveLength(10);
      // refused reads are in the bundle as such, and AWS's simulator was asked
      if (!fromBundle.ok) throw new Error("no snapshot");
      expect(fromBundle.snapshot.target.bucketUri).toBe(`s3://tidb-cloud-source-data/${HOSTILE_FOLDER}`);
      expect(fromBundle.snapshot.unavailable?.["bucket.objectOwnership"]).toMatch(
        /^AccessDenied on s3:GetBucketOwnershipControls/,
      );
      // the tags the policies' conditions need were read (and only because they need them)
      expect(fromBundle.snapshot.role?.tags).toEqual({ team: "data" });
      expect(fromBundle.snapshot.objects?.filter((o) => o.tags).length).toBe(10);
      expect(Object.values(fromBundle.snapshot.keys ?? {}).some((k) => k.tags)).toBe(true);
      expect(fromBundle.snapshot.simulation?.length).toBeGreaterThan(3);
      expect(fromBundle.snapshot.objects?.some((o) => o.sse === "SSE-C")).toBe(true);
    });
  },
);
