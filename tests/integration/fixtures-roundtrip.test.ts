// Every snapshot fixture of the diagnosis core (tests/fixtures/snapshots), served by the fake AWS endpoint as a live
// account, is read back by the collector into a snapshot that analyses to the fixture's expected statuses: the
// collector loses nothing the checks need, across every configuration the checks are tested with.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSnapshot, CollectInputError } from "@/lib/aws/collect";
import { analyzeSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";
import type { FakeAws } from "@/tests/fake-aws/server";
import { scenarioFromSnapshot } from "./support/fixture-scenario";
import { CANARY_IMPORT_SECRET, CANARY_SECRET, startFake } from "./support/live";

const DIR = new URL("../fixtures/snapshots/", import.meta.url);
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
  .map((f) => f.replace(/\.json$/, ""));

/** Fixtures a live read cannot reproduce, and why. */
const NOT_LIVE: Record<string, string> = {
  "role-arn-is-user-arn": "the collector refuses a role ARN that is not a role's (the field error is the answer)",
  "role-uri-invalid": "the collector refuses a URI it cannot turn into a bucket name (the field error is the answer)",
  "role-simulation-agrees":
    "holds AWS simulator verdicts, which the collector does not read (iam:SimulatePrincipalPolicy)",
  "role-simulation-disagrees": "holds AWS simulator verdicts, which the collector does not read",
  "access-key-ground-truth-confirms-denial": "holds AWS simulator verdicts, which the collector does not read",
  "access-key-ground-truth-denied-unexplained": "holds AWS simulator verdicts, which the collector does not read",
  "role-key-in-other-account-names-role":
    "holds the key policy of a key in another account; live, kms:GetKeyPolicy does not work across accounts",
  "role-object-ownership-writer-owners-unknown":
    "lists objects without their owners; a live listing always asks S3 for them (FetchOwner)",
  "role-bucket-in-other-account-no-grant":
    "names the account owning a bucket the diagnosing credentials cannot read; live, S3 only says it is not theirs",
  "role-identity-policies-unavailable":
    "hides an inline policy without giving its name; a live read cannot be refused a policy it is not told exists",
  "role-bucket-policy-userid-without-role-id":
    "says the role's unique id is not known; a live read always has it from iam:GetRole, which it needs anyway",
  "role-bucket-policy-requested-region-unknown":
    "says neither the bucket's Region nor the start form's is known; a live read always has the bucket's from s3:GetBucketLocation",
  "role-kms-context-bucket-arn-objects-not-pasted":
    "was pasted in the offline form (no diagnosing credentials); a live read always records the caller, and the same setup read live is role-kms-context-bucket-arn-objects-unread",
};

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(async () => {
  await fake?.stop();
});

describe("snapshot fixtures read back live", () => {
  fixtures.forEach((name, i) => {
    const run = NOT_LIVE[name] ? it.skip : it;
    run(`${name}: the live read analyses to the fixture's statuses`, async () => {
      const snapshot = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), "utf8")) as Snapshot;
      // "$fixes" lists what the findings offer; the statuses are what a live read must reproduce.
      const {
        $fixes: _fixes,
        $alternatives: _alternatives,
        $rule: _rule,
        ...expected
      } = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), "utf8")) as Record<string, string>;
      const key = `AKIAROUNDTRIP${String(i).padStart(7, "0")}`;
      fake.setScenario(scenarioFromSnapshot(`fixture-${name}`, snapshot, key), key);
      // credentials AWS no longer accepts: every call is refused
      if (/ExpiredToken|InvalidClientTokenId/.test(snapshot.unavailable?.caller ?? ""))
        fake.setFaults({ "*": "AccessDenied" }, key);
      const read = await collectSnapshot({
        target: snapshot.target,
        credentials: { accessKeyId: key, secretAccessKey: CANARY_SECRET },
        ...(snapshot.groundTruth && snapshot.target.mode === "access-key"
          ? { importSecret: CANARY_IMPORT_SECRET }
          : {}),
      });
      const report = await analyzeSnapshot(read);
      const got = Object.fromEntries(
        Object.keys(expected).map((id) => [id, report.findings.find((f) => f.id === id)?.status]),
      );
      expect(got).toEqual(expected);
    });
  });

  it("refuses, before any call, the fixtures whose input cannot be read live, naming the field", async () => {
    for (const [name, field] of [
      ["role-arn-is-user-arn", "target.roleArn"],
      ["role-uri-invalid", "target.bucketUri"],
    ] as const) {
      const snapshot = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), "utf8")) as Snapshot;
      const e = await collectSnapshot({
        target: snapshot.target,
        credentials: { accessKeyId: "AKIAREFUSED000000001", secretAccessKey: CANARY_SECRET },
      }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(CollectInputError);
      expect((e as CollectInputError).field).toBe(field);
    }
    expect(fake.calls.some((c) => c.accessKeyId === "AKIAREFUSED000000001")).toBe(false);
  });
});
