import { describe, expect, it } from "vitest";
import type { Snapshot } from "@/lib/snapshot/schema";
import { documentByName, formatWithStatementLines } from "./documents";

const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole" }] };
const inline = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };
const snapshot: Snapshot = {
  version: 1,
  target: { mode: "role", bucketUri: "s3://b/f/" },
  role: { exists: true, trustPolicy: trust, inlinePolicies: { "s3-read": inline }, attachedPolicies: {} },
  bucket: { exists: true, policy: inline },
  keys: { "arn:aws:kms:us-east-1:111122223333:key/k": { policy: trust } },
};

describe("documentByName", () => {
  it("finds each catalogue document name", () => {
    expect(documentByName(snapshot, "trust-policy")).toBe(trust);
    expect(documentByName(snapshot, "role-policy:s3-read")).toBe(inline);
    expect(documentByName(snapshot, "bucket-policy")).toBe(inline);
    expect(documentByName(snapshot, "key-policy:arn:aws:kms:us-east-1:111122223333:key/k")).toBe(trust);
    expect(documentByName(snapshot, "role-policy:missing")).toBeNull();
    expect(documentByName(snapshot, "object-ownership")).toBeNull();
  });
});

describe("formatWithStatementLines", () => {
  it("prints exactly what JSON.stringify prints and locates each statement", () => {
    const doc = {
      Version: "2012-10-17",
      Statement: [
        { Sid: "A", Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::b/*" },
        { Sid: "B", Effect: "Deny", Action: "s3:*", Resource: "*" },
      ],
      Id: "x",
    };
    const { text, statementLines } = formatWithStatementLines(doc);
    expect(text).toBe(JSON.stringify(doc, null, 2));
    const lines = text.split("\n");
    expect(statementLines).toHaveLength(2);
    const second = lines.slice(statementLines[1][0], statementLines[1][1] + 1).join("\n");
    expect(second).toContain('"Sid": "B"');
    expect(second).not.toContain('"Sid": "A"');
    expect(lines[statementLines[0][0]].trim()).toBe("{");
  });

  it("treats a single statement object as statement 0", () => {
    const doc = { Version: "2012-10-17", Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "*" } };
    const { text, statementLines } = formatWithStatementLines(doc);
    expect(text).toBe(JSON.stringify(doc, null, 2));
    expect(statementLines).toHaveLength(1);
    expect(text.split("\n")[statementLines[0][0]]).toContain('"Statement"');
  });
});
