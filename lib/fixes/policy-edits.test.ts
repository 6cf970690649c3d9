import { describe, expect, it } from "vitest";
import {
  addActions,
  addConditionValue,
  addPrincipalArnException,
  addResource,
  addStatement,
  removeConditions,
  replacePrincipal,
  replaceResource,
  setExternalId,
} from "./policy-edits";

const ROLE = "arn:aws:iam::111122223333:role/tidb-import";
const doc = (statement: unknown) => ({ Version: "2012-10-17", Statement: statement });

describe("policy edits", () => {
  it("append /* to the one wrong Resource and leave the rest of the document as it was", () => {
    const before = doc([
      { Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:aws:s3:::b/x/*", "arn:aws:s3:::b/mydata"] },
    ]);
    const after = replaceResource(before, 0, "arn:aws:s3:::b/mydata", "arn:aws:s3:::b/mydata/*");
    expect(after).toEqual(
      doc([
        {
          Sid: "A",
          Effect: "Allow",
          Action: "s3:GetObject",
          Resource: ["arn:aws:s3:::b/x/*", "arn:aws:s3:::b/mydata/*"],
        },
      ]),
    );
    expect(before.Statement).toEqual([
      { Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:aws:s3:::b/x/*", "arn:aws:s3:::b/mydata"] },
    ]);
  });

  it("turn a single value into a list only when a second one is added, and never duplicate", () => {
    const one = addResource(
      doc({ Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b/*" }),
      0,
      "arn:aws:s3:::b",
    );
    expect((one.Statement as Record<string, unknown>[])[0].Resource).toEqual(["arn:aws:s3:::b/*", "arn:aws:s3:::b"]);
    const same = addActions(doc([{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }]), 0, ["S3:GETOBJECT"]);
    expect((same.Statement as Record<string, unknown>[])[0].Action).toBe("s3:GetObject");
  });

  it("add a statement to a missing document, creating it", () => {
    expect(
      addStatement(null, { Sid: "New", Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b" }),
    ).toEqual(doc([{ Sid: "New", Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b" }]));
  });

  it("replace the wrong trusted account", () => {
    const after = replacePrincipal(
      doc([{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999988887777:root" }, Action: "sts:AssumeRole" }]),
      0,
      "arn:aws:iam::999988887777:root",
      "arn:aws:iam::380838443567:root",
    );
    expect((after.Statement as Record<string, unknown>[])[0].Principal).toEqual({
      AWS: "arn:aws:iam::380838443567:root",
    });
  });

  it('replace "Principal": "*" (the short form of everyone) by one account', () => {
    const after = replacePrincipal(
      doc([{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }]),
      0,
      "*",
      "arn:aws:iam::380838443567:root",
    );
    expect((after.Statement as Record<string, unknown>[])[0].Principal).toEqual({
      AWS: "arn:aws:iam::380838443567:root",
    });
  });

  it("set the External ID, removing the wrong condition and keeping other clusters' ids when asked", () => {
    const before = doc([
      {
        Effect: "Allow",
        Principal: { AWS: "x" },
        Action: "sts:AssumeRole",
        Condition: { StringNotEquals: { "sts:ExternalId": "abc" }, Bool: { "aws:SecureTransport": "true" } },
      },
    ]);
    const after = setExternalId(
      before,
      0,
      "new-id",
      [{ operator: "StringNotEquals", key: "sts:ExternalId" }],
      ["other"],
    );
    expect((after.Statement as Record<string, unknown>[])[0].Condition).toEqual({
      Bool: { "aws:SecureTransport": "true" },
      StringEquals: { "sts:ExternalId": ["other", "new-id"] },
    });
  });

  it("exempt a principal from a Deny, merged into an existing exception list", () => {
    const plain = addPrincipalArnException(
      doc([
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1" } },
        },
      ]),
      0,
      ROLE,
    );
    expect((plain.Statement as Record<string, unknown>[])[0].Condition).toEqual({
      StringNotEquals: { "aws:SourceVpce": "vpce-1" },
      ArnNotEquals: { "aws:PrincipalArn": ROLE },
    });
    const merged = addPrincipalArnException(
      doc([
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::1:role/admin" } },
        },
      ]),
      0,
      ROLE,
    );
    expect((merged.Statement as Record<string, unknown>[])[0].Condition).toEqual({
      ArnNotLike: { "aws:PrincipalArn": ["arn:aws:iam::1:role/admin", ROLE] },
    });
  });

  it("add a value to a condition, and remove conditions (dropping an empty Condition)", () => {
    const added = addConditionValue(
      doc([
        {
          Effect: "Allow",
          Action: "s3:ListBucket",
          Resource: "*",
          Condition: { StringEquals: { "s3:prefix": "mydata" } },
        },
      ]),
      0,
      "StringEquals",
      "s3:prefix",
      "mydata/",
    );
    expect((added.Statement as Record<string, unknown>[])[0].Condition).toEqual({
      StringEquals: { "s3:prefix": ["mydata", "mydata/"] },
    });
    const removed = removeConditions(
      doc([
        { Effect: "Allow", Action: "sts:AssumeRole", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } },
      ]),
      0,
      [{ operator: "Bool", key: "aws:multifactorauthpresent" }],
    );
    expect((removed.Statement as Record<string, unknown>[])[0]).not.toHaveProperty("Condition");
  });
});
