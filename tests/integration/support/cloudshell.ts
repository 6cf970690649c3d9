// What the two tests of the collection script share (tests/integration/cloudshell-script.test.ts, which runs it on any
// machine with a stand-in for the AWS CLI, and cloudshell-aws-cli.test.ts, which runs it with the real one): the
// allowed commands, the hostile account they both read, and the checks on what the script ran.
import { expect } from "vitest";
import type { Target } from "@/lib/snapshot/schema";
import { canonicalIdOf, type Scenario } from "@/tests/fake-aws/scenario";

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
export const ODD_KEYS = [
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

/** A folder name that a shell would run if it were not quoted, as a crafted link could put in the form. */
export const HOSTILE_FOLDER = `mydata'; touch PWNED; echo '$(touch PWNED2)\`touch PWNED3\`"$HOME"\\ ; |&>x/`;

/** Files the hostile folder and keys would create if any of them ran. */
export const PWNED_FILES = ["PWNED", "PWNED2", "PWNED3", "x"];

/**
 * role-tag-conditions (a bucket policy and a key policy whose conditions need the objects' and the key's tags, read
 * only then) under the hostile folder, with an SSE-C object, AWS's simulator answering, two reads denied, and object
 * keys that are hard to read.
 */
export function mixedScenario(all: Map<string, Scenario>): Scenario {
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

/** The start form's values for a scenario's target, as the wizard sends them to the script's address. */
export function scriptInput(t: Target) {
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

/** Each `aws` invocation is a read of the allowed list, its input the API's own JSON and nothing else. */
export function expectOnlyReads(invocations: string[][]) {
  expect(invocations.length).toBeGreaterThan(5);
  for (const args of invocations) {
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
