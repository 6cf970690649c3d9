import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot, CHECK_IDS, checksForStep, CHECKS, parseSnapshot } from "@/lib/checks";
import { runCheckList, toReport } from "./runner";
import { defineCheck, l } from "./types";
import type { Snapshot } from "@/lib/snapshot/schema";

const NOW = new Date("2026-11-28T00:00:00Z");
const fixture = (name: string): Snapshot => {
  const p = parseSnapshot(
    JSON.parse(readFileSync(join(process.cwd(), "tests/fixtures/snapshots", `${name}.json`), "utf8")),
  );
  if (!p.ok) throw new Error(name);
  return p.snapshot;
};

describe("runner", () => {
  it("turns a check that throws into unknown with the reason, and still runs the others", async () => {
    // given a check that throws (a catalogue check's id, a run that throws) between two that work
    const boom = defineCheck({
      id: "input.access-key-id",
      step: "intake",
      title: l("Boom", "Boom"),
      run: () => {
        throw new Error("kaboom");
      },
    });
    const checks = [CHECKS[0], boom, CHECKS[1]];
    // when the list runs
    const results = await runCheckList(checks, fixture("role-ok"), { now: NOW });
    // then the throw is an unknown finding naming the error, and the neighbours pass
    expect(results.map((r) => r.outcome.status)).toEqual(["pass", "unknown", "pass"]);
    const report = toReport(fixture("role-ok"), results, "en", NOW);
    expect(report.findings[1].detail).toContain("kaboom");
    expect(report.findings[1].unavailable).toContain("kaboom");
  });

  it("runs only the checks of the requested steps, in catalogue order", async () => {
    const report = await analyzeSnapshot(fixture("role-getobject-missing-slash-star"), {
      steps: ["identity-policy"],
      now: NOW,
    });
    expect(report.findings.map((f) => f.id)).toEqual(checksForStep("identity-policy").map((c) => c.id));
    expect(report.findings.find((f) => f.id === "identity.get-object")?.status).toBe("fail");
  });

  it("the registry is the catalogue: unique ids, steps in wizard order", () => {
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
    const order = [
      "intake",
      "assume-role",
      "identity-policy",
      "bucket-policy",
      "object-ownership",
      "encryption",
      "summary",
    ];
    const steps = CHECKS.map((c) => order.indexOf(c.step));
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    for (const id of [
      "role.trust.principal",
      "role.trust.external-id",
      "identity.get-object",
      "identity.kms-decrypt",
      "bucket.policy.deny",
      "bucket.object-ownership",
      "kms.key-policy",
      "summary.next-steps",
    ]) {
      expect(CHECK_IDS).toContain(id);
    }
  });

  it("writes the report in Japanese on request, with the guide's terms", async () => {
    const report = await analyzeSnapshot(fixture("role-wrong-external-id"), { locale: "ja", now: NOW });
    const f = report.findings.find((x) => x.id === "role.trust.external-id")!;
    expect(f.status).toBe("fail");
    expect(f.title).toContain("外部ID");
    const own = report.findings.find((x) => x.id === "bucket.object-ownership")!;
    expect(own.title).toContain("オブジェクト所有権");
    // every finding has a Japanese title and detail
    for (const x of report.findings) {
      expect(x.title, x.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(x.detail, x.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it("never puts the secret access key TiDB Cloud echoes into the report", async () => {
    const snapshot = fixture("access-key-error-with-secret");
    expect(snapshot.target.errorMessage).toContain("CANARY-SECRET");
    const report = await analyzeSnapshot(snapshot, { now: NOW });
    expect(JSON.stringify(report)).not.toContain("CANARY-SECRET");
    expect(report.target.errorMessage).toContain("[redacted]");
    expect(report.findings.find((f) => f.id === "input.error-message")?.status).toBe("pass");
  });

  it("never throws and reports every check for any valid snapshot", async () => {
    const statement = fc.record({
      Effect: fc.constantFrom("Allow", "Deny", "Maybe"),
      Action: fc.oneof(fc.string(), fc.constant("s3:*"), fc.constant("kms:Decrypt")),
      Resource: fc.oneof(fc.string(), fc.constant("*"), fc.constant("arn:aws:s3:::tidb-cloud-source-data/*")),
    });
    const policy = fc.oneof(
      fc.record({ Version: fc.constant("2012-10-17"), Statement: fc.array(statement, { maxLength: 3 }) }),
      fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
    );
    const snapshot = fc.record({
      version: fc.constant(1 as const),
      target: fc.record({
        mode: fc.constantFrom("role" as const, "access-key" as const),
        bucketUri: fc.oneof(
          fc.string({ minLength: 1 }),
          fc.constant("s3://tidb-cloud-source-data/mydata/"),
          fc.constant("https://x.s3.amazonaws.com/a/b"),
        ),
        roleArn: fc.oneof(fc.constant(null), fc.string(), fc.constant("arn:aws:iam::111122223333:role/r")),
        externalId: fc.oneof(fc.constant(null), fc.string()),
        accessKeyId: fc.oneof(fc.constant(null), fc.string()),
        errorMessage: fc.oneof(fc.constant(null), fc.string()),
      }),
      role: fc.option(
        fc.record({
          exists: fc.boolean(),
          arn: fc.option(fc.constantFrom("arn:aws:iam::111122223333:role/r", "bogus")),
          trustPolicy: fc.option(policy),
          inlinePolicies: fc.option(fc.dictionary(fc.string(), policy, { maxKeys: 2 })),
        }),
      ),
      bucket: fc.option(
        fc.record({
          exists: fc.boolean(),
          ownerAccountId: fc.option(fc.constantFrom("111122223333", "444455556666")),
          policy: fc.option(policy),
          objectOwnership: fc.option(fc.constantFrom("BucketOwnerEnforced" as const, "ObjectWriter" as const)),
          encryption: fc.option(
            fc.record({
              algorithm: fc.constantFrom("AES256" as const, "aws:kms" as const),
              kmsKeyId: fc.option(fc.string()),
            }),
          ),
        }),
      ),
      objects: fc.option(
        fc.array(
          fc.record({
            key: fc.oneof(fc.string(), fc.constant("mydata/a.csv")),
            sse: fc.option(fc.constantFrom("AES256" as const, "aws:kms" as const, "SSE-C" as const)),
            kmsKeyId: fc.option(fc.string()),
            storageClass: fc.option(fc.constantFrom("STANDARD", "GLACIER")),
          }),
          { maxLength: 3 },
        ),
      ),
    });
    await fc.assert(
      fc.asyncProperty(snapshot, async (raw) => {
        const p = parseSnapshot(raw);
        if (!p.ok) return;
        const report = await analyzeSnapshot(p.snapshot, { now: NOW });
        expect(report.findings.map((f) => f.id)).toEqual(CHECK_IDS);
        // a check that threw would show as "internal error in <id>"
        const internal = report.findings.filter((f) => (f.unavailable ?? "").startsWith("internal error"));
        expect(internal.map((f) => `${f.id}: ${f.unavailable}`)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("report shape (interfaces.md)", () => {
  it("has exactly the contract's fields, and every fix names its document and an AWS CLI command", async () => {
    const report = await analyzeSnapshot(fixture("role-objects-second-key"), { now: NOW });
    expect(Object.keys(report).sort()).toEqual(["findings", "generatedAt", "summary", "target", "version"]);
    expect(Object.keys(report.summary).sort()).toEqual(["fail", "pass", "skipped", "unknown", "warn"]);
    // The contract's fields, plus the optional `translations` (the same text in the report's other language).
    const allowed = ["id", "step", "status", "title", "detail", "evidence", "fix", "unavailable", "translations"];
    for (const f of report.findings) {
      for (const k of Object.keys(f)) expect(allowed, `${f.id}.${k}`).toContain(k);
      expect(f.title.length).toBeGreaterThan(0);
      expect(f.detail.length).toBeGreaterThan(0);
      expect(Object.keys(f.translations ?? {})).toEqual(["ja"]);
      expect(f.translations!.ja!.title.length).toBeGreaterThan(0);
      expect(f.translations!.ja!.detail.length).toBeGreaterThan(0);
      expect(f.translations!.ja!.unavailable === undefined).toBe(f.unavailable === undefined);
      if (f.fix) {
        expect(f.fix.document).toMatch(
          /^(trust-policy|permissions-boundary|bucket-policy|object-ownership|bucket-encryption|requester-pays|access-key|(role|user)-policy:.+|group-policy:.+\/.+|key-policy:arn:.+)$/,
        );
        expect(f.fix.cli).toMatch(/^aws /);
      }
    }
    // the evidence cites the deciding statement by document, index and Sid
    const kms = report.findings.find((f) => f.id === "identity.kms-decrypt")!;
    expect(kms.evidence).toMatchObject({ document: "role-policy:s3-read", statement: 2, sid: "AllowKMSkey" });
  });
});
