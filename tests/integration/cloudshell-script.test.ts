// The collection script for AWS CloudShell, proven call for call against the live collector, on any machine: for each
// account of the fake endpoint, the live collector reads it (every call recorded with its answer), then bash runs the
// script with a stand-in for the AWS CLI that answers only those calls (tests/support/aws-cli-stub.ts). The script
// must make exactly the live collector's calls (same operations, inputs and regions: no more, no fewer), all reads of
// the allowed list, and its bundle must give the live run's snapshot and report. Nothing a hostile folder or object
// key holds runs. The same script with the real AWS CLI: tests/integration/cloudshell-aws-cli.test.ts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsClients, DEFAULT_CLIENT_OPTIONS } from "@/lib/aws/clients";
import { collectWith } from "@/lib/aws/collect";
import { sdkApi } from "@/lib/aws/collector/sdk-api";
import { snapshotFromBundle } from "@/lib/aws/from-bundle";
import { analyzeSnapshot } from "@/lib/checks";
import { collectionScript } from "@/lib/cloudshell/script";
import type { Snapshot } from "@/lib/snapshot/schema";
import { loadScenarios } from "@/tests/fake-aws/scenario";
import type { FakeAws } from "@/tests/fake-aws/server";
import {
  callLine,
  callOfArgs,
  recordingApi,
  startAwsCliStandIn,
  type RecordedCall,
} from "@/tests/support/aws-cli-stub";
import { runCollectionScript, type ScriptRun } from "@/tests/support/collection-script";
import { expectOnlyReads, HOSTILE_FOLDER, mixedScenario, PWNED_FILES, scriptInput } from "./support/cloudshell";
import { CANARY_SECRET, startFake } from "./support/live";

let fake: FakeAws;
let n = 0;

interface Both {
  live: Snapshot;
  recorded: RecordedCall[];
  run: ScriptRun;
  fromBundle: Awaited<ReturnType<typeof snapshotFromBundle>>;
}

/** Reads one account live (recording every call), then runs the script against that record. */
async function bothWays(scenario: string): Promise<Both> {
  const accessKeyId = `AKIASTANDIN${String(++n).padStart(9, "0")}`;
  fake.setScenario(scenario, accessKeyId);
  const target = fake.scenarios.get(scenario)!.snapshot.target;
  const recorded: RecordedCall[] = [];
  const clients = new AwsClients(
    { accessKeyId, secretAccessKey: CANARY_SECRET },
    target.region ?? "us-east-1",
    DEFAULT_CLIENT_OPTIONS,
  );
  let live: Snapshot;
  try {
    live = await collectWith(recordingApi(sdkApi(clients), recorded), { target, simulate: true }, [CANARY_SECRET]);
  } finally {
    clients.destroy();
  }
  const generated = collectionScript(scriptInput(target));
  if (!generated.ok) throw new Error(JSON.stringify(generated.problems));
  const standIn = await startAwsCliStandIn(recorded);
  try {
    const run = await runCollectionScript(generated.script, {
      awsCli: standIn.path,
      endpoint: fake.url,
      accessKeyId,
      secretAccessKey: CANARY_SECRET,
    });
    return { live, recorded, run, fromBundle: await snapshotFromBundle(run.bundle) };
  } finally {
    await standIn.close();
  }
}

const statuses = async (s: Snapshot) =>
  Object.fromEntries((await analyzeSnapshot(s)).findings.map((f) => [f.id, f.status] as const));

const results = new Map<string, Both>();
let scenarios: string[] = [];

beforeAll(async () => {
  const all = loadScenarios();
  fake = await startFake({ scenarios: [mixedScenario(all)] });
  // every account of the fake endpoint (both modes, denied and failing reads, keys in other regions, missing
  // roles and buckets, AWS's simulator), and the hostile one
  scenarios = [...all.keys(), "mixed"];
  for (const s of scenarios) results.set(s, await bothWays(s));
}, 600_000);

afterAll(async () => {
  for (const r of results.values()) r.run.cleanup();
  await fake?.stop();
});

describe("the collection script, call for call against the live collector (a stand-in for the AWS CLI)", () => {
  it("for every account, makes exactly the live collector's calls, reads only, and its bundle gives the live run's snapshot and report", async () => {
    expect(scenarios.length).toBeGreaterThan(10);
    for (const name of scenarios) {
      const { live, recorded, run, fromBundle } = results.get(name)!;
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      const made = run.invocations.map(callOfArgs).filter((l): l is string => l !== null);
      const collector = recorded.map((c) => callLine(c.command, c.input, c.region));
      expect(made.toSorted(), name).toEqual(collector.toSorted());
      expectOnlyReads(run.invocations);
      expect(run.bundle, name).toMatchObject({ format: "s3-access-doctor/bundle", version: 1, complete: true });
      expect(fromBundle.ok, `${name}: ${JSON.stringify(fromBundle)}`).toBe(true);
      if (!fromBundle.ok) continue;
      expect(JSON.parse(JSON.stringify(fromBundle.snapshot)), name).toEqual(JSON.parse(JSON.stringify(live)));
      expect(await statuses(fromBundle.snapshot), name).toEqual(await statuses(live));
      expect(JSON.stringify(run.bundle)).not.toContain(CANARY_SECRET);
      expect(run.stderr).not.toContain(CANARY_SECRET);
    }
  });

  it("both modes are among them, with refused reads recorded as such", () => {
    const modes = new Set(scenarios.map((s) => results.get(s)!.live.target.mode));
    expect([...modes].sort()).toEqual(["access-key", "role"]);
    const refused = [...results.values()].flatMap((r) => r.recorded.filter((c) => !c.ok));
    expect(refused.some((c) => c.error?.code === "AccessDenied")).toBe(true);
    expect(refused.some((c) => c.error?.code === "400")).toBe(true); // an SSE-C object's HEAD
  });

  it("the committed bundle the real AWS CLI wrote (tests/fixtures/bundles/role-ok.json) still reads as a live run of role-ok", async () => {
    const fixture = JSON.parse(readFileSync("tests/fixtures/bundles/role-ok.json", "utf8"));
    expect(fixture.cli).toMatch(/^aws-cli\/2\./);
    const read = await snapshotFromBundle(fixture);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(JSON.parse(JSON.stringify(read.snapshot))).toEqual(JSON.parse(JSON.stringify(results.get("role-ok")!.live)));
    // the CLI printed "BucketKeyEnabled": true for the one object written with an S3 Bucket Key, nothing for the others
    expect(read.snapshot.objects?.map((o) => [o.key, o.bucketKeyEnabled])).toEqual([
      ["mydata/a.csv", true],
      ["mydata/b.csv", false],
      ["mydata/part2/c.csv", false],
    ]);
  });

  it("a hostile folder and object keys with quotes, $(…), backticks and newlines stay data", () => {
    const { run } = results.get("mixed")!;
    const list = run.invocations.find((a) => a[1] === "list-objects-v2")!;
    expect(JSON.parse(list[3])).toMatchObject({ Bucket: "tidb-cloud-source-data", Prefix: HOSTILE_FOLDER });
    for (const f of PWNED_FILES) expect(existsSync(join(run.dir, f)), f).toBe(false);
  });
});
