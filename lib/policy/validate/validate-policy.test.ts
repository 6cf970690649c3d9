import { describe, expect, it } from "vitest";
import { knownVerdict } from "./catalogue";
import { validatePolicy } from "./validate-policy";

const V = "2012-10-17";

describe("validatePolicy", () => {
  it("finds an unknown action and suggests the real one", async () => {
    const issues = await validatePolicy(
      {
        Version: V,
        Statement: [{ Effect: "Allow", Action: ["s3:ListBucket", "s3:GetObjects"], Resource: "arn:aws:s3:::b/*" }],
      },
      "identity",
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: "error",
        code: "policy.unknown-action",
        path: "Statement[0].Action[1]",
        suggestion: "s3:GetObject",
      }),
    );
  });

  it("accepts real actions in any case, and wildcards that match something", async () => {
    const issues = await validatePolicy(
      {
        Version: V,
        Statement: [
          {
            Effect: "Allow",
            Action: ["S3:getobject", "s3:Get*", "kms:Decrypt"],
            Resource: ["arn:aws:s3:::b/*", "arn:aws:kms:us-east-1:111122223333:key/k"],
          },
        ],
      },
      "identity",
    );
    expect(issues).toEqual([]);
  });

  it("flags a wildcard that matches no action and an unknown service", async () => {
    const issues = await validatePolicy(
      { Version: V, Statement: { Effect: "Allow", Action: ["s3:Fly*", "s4:GetObject"], Resource: "*" } },
      "identity",
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["policy.action-matches-nothing", "Statement.Action[0]"],
      ["policy.unknown-service", "Statement.Action[1]"],
    ]);
    expect(issues[1].suggestion).toBe("s3:GetObject");
  });

  it("flags s3:ListObjectsV2 as an API name and points to s3:ListBucket", async () => {
    const issues = await validatePolicy(
      { Version: V, Statement: [{ Effect: "Allow", Action: "s3:ListObjectsV2", Resource: "arn:aws:s3:::b" }] },
      "identity",
    );
    expect(issues).toEqual([
      expect.objectContaining({
        code: "lint.api-operation-not-iam-action",
        path: "Statement[0].Action",
        suggestion: "s3:ListBucket",
      }),
    ]);
  });

  it("warns about object actions on the bucket ARN, with the /* fix", async () => {
    const issues = await validatePolicy(
      {
        Version: V,
        Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: "arn:aws:s3:::b" }],
      },
      "identity",
    );
    expect(issues).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "lint.object-action-on-bucket-arn",
        path: "Statement[0].Resource",
        suggestion: "arn:aws:s3:::b/*",
      }),
    ]);
  });

  it("warns about s3:ListBucket on object ARNs, with the bucket ARN fix", async () => {
    const issues = await validatePolicy(
      { Version: V, Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b/mydata/*" }] },
      "identity",
    );
    expect(issues).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "lint.list-bucket-on-object-arn",
        suggestion: "arn:aws:s3:::b",
      }),
    ]);
  });

  it("does not warn when both the bucket and its objects are listed", async () => {
    const issues = await validatePolicy(
      {
        Version: V,
        Statement: [
          {
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:GetObject"],
            Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
          },
        ],
      },
      "identity",
    );
    expect(issues).toEqual([]);
  });

  it("warns about a KMS alias ARN where the key ARN is needed", async () => {
    const issues = await validatePolicy(
      {
        Version: V,
        Statement: [
          {
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: ["arn:aws:kms:us-east-1:111122223333:key/k", "arn:aws:kms:us-east-1:111122223333:alias/import"],
          },
        ],
      },
      "identity",
    );
    expect(issues).toEqual([
      expect.objectContaining({ severity: "warning", code: "lint.kms-alias-arn", path: "Statement[0].Resource[1]" }),
    ]);
  });

  it("warns about Deny with NotPrincipal, and about a wildcard session ARN in it", async () => {
    const issues = await validatePolicy(
      {
        Version: V,
        Statement: [
          {
            Effect: "Deny",
            NotPrincipal: {
              AWS: ["arn:aws:sts::111122223333:assumed-role/tidb-import/*", "arn:aws:iam::111122223333:root"],
            },
            Action: "s3:*",
            Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
          },
        ],
      },
      "bucket",
    );
    expect(issues.map((i) => [i.severity, i.code, i.path])).toEqual([
      ["warning", "lint.not-principal-session-wildcard", "Statement[0].NotPrincipal"],
      ["warning", "lint.not-principal-deny", "Statement[0].NotPrincipal"],
    ]);
  });

  it("applies the rules of each policy kind", async () => {
    const trust = await validatePolicy(
      { Version: V, Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] },
      "trust",
    );
    expect(trust.map((i) => [i.code, i.path])).toEqual([
      ["policy.missing-principal", "Statement[0].Principal"],
      ["policy.resource-in-trust-policy", "Statement[0].Resource"],
    ]);
    const identity = await validatePolicy(
      {
        Version: V,
        Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }],
      },
      "identity",
    );
    expect(identity.map((i) => i.code)).toEqual(["policy.principal-in-identity-policy"]);
    const bucket = await validatePolicy(
      { Version: V, Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] },
      "bucket",
    );
    expect(bucket.map((i) => i.code)).toEqual(["policy.missing-principal"]);
  });

  it("reports structure errors with their path and never throws", async () => {
    const issues = await validatePolicy(
      { Version: V, Statement: [{ Effect: "Alow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] },
      "identity",
    );
    expect(issues).toEqual([
      expect.objectContaining({
        path: "Statement[0].Effect",
        message: 'Statement[0].Effect must be "Allow" or "Deny", not "Alow"',
      }),
    ]);
    await expect(validatePolicy("{oops", "bucket")).resolves.toEqual([
      expect.objectContaining({ code: "policy.invalid-json" }),
    ]);
    await expect(validatePolicy(undefined, "key")).resolves.toHaveLength(1);
  });

  it("warns that policy variables need Version 2012-10-17", async () => {
    const issues = await validatePolicy(
      { Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/home/${aws:username}/*" }] },
      "identity",
    );
    expect(issues).toEqual([
      expect.objectContaining({ severity: "warning", code: "lint.variables-need-version", path: "Version" }),
    ]);
  });

  it("looks each action spelling up once in the catalogue and answers the next documents from that verdict", async () => {
    const doc = (actions: string[]) => ({
      Version: V,
      Statement: [{ Effect: "Allow", Action: actions, Resource: "arn:aws:s3:::b" }],
    });
    const actions = ["s3:GetObjectz", "s3:GETobject", "sss:GetObject", "s3:Zap*", "s3:listBUCKET"];
    expect(actions.map(knownVerdict)).toEqual(actions.map(() => undefined));
    const first = await validatePolicy(doc(actions), "identity");
    expect(actions.map((a) => knownVerdict(a)?.kind)).toEqual([
      "unknown-action",
      "ok",
      "unknown-service",
      "matches-nothing",
      "ok",
    ]);
    // the same spellings in another document (another path): the same issues, from the shared verdicts
    const second = await validatePolicy({ ...doc(actions), Id: "other" }, "identity");
    expect(second).toEqual(first);
    expect(first.map((i) => i.code)).toEqual([
      "policy.unknown-action",
      "policy.unknown-service",
      "policy.action-matches-nothing",
      "lint.object-action-on-bucket-arn",
    ]);
  });
});
