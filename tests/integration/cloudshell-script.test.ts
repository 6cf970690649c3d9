// The collection script for AWS CloudShell, run for real: bash and the AWS CLI v2 (Debian's awscli) against the fake
// endpoint, as a user runs it in CloudShell. For each account, the bundle it writes, read by the app, gives exactly the
// snapshot a live run of the same account gives, and so the same report; every AWS CLI call it made is a read of the
// allowed list; and a hostile value in the form stays data: it changes no command.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSnapshot } from "@/lib/aws/collect";
import { snapshotFromBundle } from "@/lib/aws/from-bundle";
import { analyzeSnapshot } from "@/lib/checks";
import { collectionScript } from "@/lib/cloudshell/script";
import type { Snapshot, Target } from "@/lib/snapshot/schema";
import { canonicalIdOf, loadScenarios, type Scenario } from "@/tests/fake-aws/scenario";
import type { FakeAws } from "@/tests/fake-aws/server";
import { ensureAwsCli } from "@/tests/support/aws-cli";
import { runCollectionScript, type ScriptRun } from "@/tests/support/collection-script";
import { CANARY_SECRET, startFake } from "./support/live";

/** Every AWS CLI command the script may run: reads only (get, list, head, describe, and the policy simulator). */
const ALLOWED = new Set([
  "sts get-caller-identity",
  "sts get-access-key-info",
  "iam get-role",
  "iam list-role-tags",
  "iam list-role-policies",
  "iam get-role-policy",
  "iam list-attached-role-policies",
  "iam get-policy",
  "iam get-policy-version",
  "iam get-access-key-last-used",
  "iam get-user",
  "iam list-user-tags",
  "iam list-access-keys",
  "iam list-user-policies",
  "iam get-user-policy",
  "iam list-attached-user-policies",
  "iam list-groups-for-user",
  "iam list-group-policies",
  "iam get-group-policy",
  "iam list-attached-group-policies",
  "iam simulate-principal-policy",
  "s3api head-bucket",
  "s3api get-bucket-location",
  "s3api get-bucket-acl",
  "s3api get-bucket-policy",
  "s3api get-bucket-ownership-controls",
  "s3api get-bucket-encryption",
  "s3api get-bucket-request-payment",
  "s3api get-bucket-tagging",
  "s3api list-objects-v2",
  "s3api head-object",
  "s3api get-object-tagging",
  "kms describe-key",
  "kms get-key-policy",
  "kms list-aliases",
  "kms list-resource-tags",
]);

/** Object keys a shell or a JSON reader could trip over, spread over several folders. */
const ODD_KEYS = [
  "mydata/sp ace.csv",
  `mydata/q'uo"te.csv`,
  "mydata/$(touch PWNED).csv",
  "mydata/`touch PWNED`.csv",
  "mydata/日本語/データ.csv",
  "mydata/back\\slash\\n.csv",
  "mydata/semi;colon&amp|pipe>.csv",
  "mydata/tab\there.csv",
  "mydata/new\nline.csv",
  "mydata/a]b[c/d.csv",
  "mydata/%41%2F+plus.csv",
  "mydata/x/y/z/deep.csv",
];

let fake: FakeAws;
let awsCli: string;
let n = 0;

function scriptInput(t: Target) {
  return t.mode === "role"
    ? {
        mode: t.mode,
        bucketUri: t.bucketUri,
        roleArn: t.roleArn,
        externalId: t.externalId,
        tidbAccountId: t.tidbAccountId,
        region: t.region,
      }
    : { mode: t.mode, bucketUri: t.bucketUri, accessKeyId: t.accessKeyId, region: t.region };
}

/** Collects one account both ways: live (the SDK) and with the script (the AWS CLI), then reads the bundle. */
async function bothWays(scenario: string) {
  const accessKeyId = `AKIASCRIPT${String(++n).padStart(10, "0")}`;
  fake.setScenario(scenario, accessKeyId);
  const t = fake.scenarios.get(scenario)!.snapshot.target;
  const generated = collectionScript(scriptInput(t));
  if (!generated.ok) throw new Error(JSON.stringify(generated.problems));
  const run = await runCollectionScript(generated.script, {
    awsCli,
    endpoint: fake.url,
    accessKeyId,
    secretAccessKey: CANARY_SECRET,
  });
  const live = await collectSnapshot({
    target: t,
    credentials: { accessKeyId, secretAccessKey: CANARY_SECRET },
    simulate: true,
  });
  const fromBundle = await snapshotFromBundle(run.bundle);
  return { run, live, fromBundle, accessKeyId };
}

const statuses = async (s: Snapshot) =>
  Object.fromEntries((await analyzeSnapshot(s)).findings.map((f) => [f.id, f.status] as const));

function expectOnlyReads(run: ScriptRun) {
  expect(run.invocations.length).toBeGreaterThan(5);
  for (const args of run.invocations) {
    if (args.length === 1 && args[0] === "--version") continue;
    const command = `${args[0]} ${args[1]}`;
    expect(ALLOWED, `aws ${args.join(" ")}`).toContain(command);
    // the input is the API's own JSON: no argument the CLI would read from a file (file://) or a URL
    expect(args[2]).toBe("--cli-input-json");
    expect(
      args
        .slice(4)
        .filter((a) => !a.startsWith("--") && !/^(\d+|json|[a-z]{2}(-[a-z]+)+-\d|http:\/\/127\.0\.0\.1:\d+)$/.test(a)),
    ).toEqual([]);
  }
}

// Each run starts the AWS CLI some 30 times (about a second of CPU each): a few accounts that between them cover
// both modes, denied reads, SSE-C, reads that only a policy's condition asks for (tags), AWS's simulator, a hostile
// folder and odd object keys.
// (role-ok, the clean pass, is run the same way by the browser test tests/e2e/wizard-script.spec.ts.)
const SCENARIOS = ["access-key-ok", "mixed"];
const results = new Map<string, Awaited<ReturnType<typeof bothWays>>>();

/** A folder name that a shell would run if it were not quoted, as a crafted link could put in the form. */
const HOSTILE_FOLDER = `mydata'; touch PWNED; echo '$(touch PWNED2)\`touch PWNED3\`"$HOME"\\ ; |&>x/`;

/**
 * role-tag-conditions (a bucket policy and a key policy whose conditions need the objects' and the key's tags, read
 * only then) under the hostile folder, with an SSE-C object, AWS's simulator answering, two reads denied, and object
 * keys that are hard to read.
 */
function mixedScenario(all: Map<string, Scenario>): Scenario {
  const s = structuredClone(all.get("role-tag-conditions")!);
  const owner = canonicalIdOf("111122223333");
  const moved = (key: string) => key.replace(/^mydata\//, HOSTILE_FOLDER);
  const tags = { classification: "public" };
  s.name = "mixed";
  s.diagnosingKeys = [];
  s.denied = ["s3:GetBucketOwnershipControls", "kms:ListAliases"];
  s.snapshot.target = { ...s.snapshot.target, bucketUri: `s3://tidb-cloud-source-data/${HOSTILE_FOLDER}` };
  s.snapshot.simulation = all.get("role-simulation-disagrees")!.snapshot.simulation;
  s.snapshot.objects = [
    ...(s.snapshot.objects ?? []).map((o) => ({ ...o, key: moved(o.key) })),
    {
      key: moved("mydata/sse-c/c.csv"),
      size: 5,
      storageClass: "STANDARD",
      ownerCanonicalId: owner,
      sse: "SSE-C",
      tags,
    },
    ...ODD_KEYS.map((key) => ({
      key: moved(key),
      size: 3,
      storageClass: "STANDARD",
      ownerCanonicalId: owner,
      sse: "AES256" as const,
      tags,
    })),
  ];
  return s;
}

beforeAll(async () => {
  awsCli = ensureAwsCli();
  fake = await startFake({ scenarios: [mixedScenario(loadScenarios())] });
  await Promise.all(SCENARIOS.map(async (s) => results.set(s, await bothWays(s))));
}, 900_000);

afterAll(async () => {
  for (const r of results.values()) r.run.cleanup();
  await fake?.stop();
});

describe("the collection script, run with the AWS CLI against the fake endpoint", () => {
  it.each(SCENARIOS)("%s: the bundle gives the live run's snapshot and report, with read calls only", async (name) => {
    const { run, live, fromBundle, accessKeyId } = results.get(name)!;
    expect(run.code, run.stderr).toBe(0);
    expect(run.bundle).toMatchObject({ format: "s3-access-doctor/bundle", version: 1, complete: true });
    expect(fromBundle.ok, JSON.stringify(fromBundle)).toBe(true);
    if (!fromBundle.ok) return;
    expect(JSON.parse(JSON.stringify(fromBundle.snapshot))).toEqual(JSON.parse(JSON.stringify(live)));
    expect(await statuses(fromBundle.snapshot)).toEqual(await statuses(live));
    expectOnlyReads(run);
    // what the fake received with the script's key: the live run's operations, nothing else
    const ops = (k: string) => new Set(fake.calls.filter((c) => c.accessKeyId === k).map((c) => c.op));
    expect([...ops(accessKeyId)].every((op) => /^(sts|iam|s3|kms):(Get|List|Head|Describe|Simulate)/.test(op))).toBe(
      true,
    );
    expect(JSON.stringify(run.bundle)).not.toContain(CANARY_SECRET);
    expect(run.stderr).not.toContain(CANARY_SECRET);
  });

  it("mixed: a hostile folder and object keys with quotes, $(…), backticks and newlines stay data; tags read when needed", () => {
    const { run, live, fromBundle } = results.get("mixed")!;
    // the folder went to S3 as one prefix, exactly as typed, and nothing in it ran
    const list = run.invocations.find((a) => a[1] === "list-objects-v2")!;
    expect(JSON.parse(list[3])).toMatchObject({ Bucket: "tidb-cloud-source-data", Prefix: HOSTILE_FOLDER });
    for (const f of ["PWNED", "PWNED2", "PWNED3", "x"]) expect(existsSync(join(run.dir, f)), f).toBe(false);
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
});
