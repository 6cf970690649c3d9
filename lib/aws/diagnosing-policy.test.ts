import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diagnosingPolicy, HOW_TO_GET_CREDENTIALS, READ_ONLY_POLICY } from "./diagnosing-policy";
import { OPERATIONS } from "./operations";

describe("the diagnosing credentials' policy", () => {
  it("holds exactly the IAM actions of the collector's operation table, once each, sorted", () => {
    const actions = READ_ONLY_POLICY.Statement[0].Action;
    const fromTable = new Set(Object.values(OPERATIONS).flatMap((o) => (o.action ? [o.action] : [])));
    expect(new Set(actions)).toEqual(fromTable);
    expect(actions).toEqual([...actions].sort());
    expect(new Set(actions).size).toBe(actions.length);
    expect(diagnosingPolicy()).toEqual(READ_ONLY_POLICY);
  });

  it("only reads: every action is a Get, List or Describe (or the policy simulator), and no object data is read", () => {
    for (const a of READ_ONLY_POLICY.Statement[0].Action)
      expect(a).toMatch(/^((iam|sts|s3|kms):(Get|List|Describe)|iam:SimulatePrincipalPolicy$)/);
    // s3:GetObject is there for HeadObject (metadata) only: the operation table says so
    expect(
      Object.entries(OPERATIONS)
        .filter(([, o]) => o.action === "s3:GetObject")
        .map(([op]) => op),
    ).toEqual(["s3:HeadObject"]);
  });

  it("names the S3 actions whose names differ from the API call", () => {
    expect(OPERATIONS["s3:GetBucketEncryption"].action).toBe("s3:GetEncryptionConfiguration");
    expect(OPERATIONS["s3:ListObjectsV2"].action).toBe("s3:ListBucket");
    expect(OPERATIONS["s3:HeadBucket"].action).toBe("s3:ListBucket");
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
