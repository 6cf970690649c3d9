import { describe, expect, it } from "vitest";
import type { Snapshot } from "./schema";
import { documentByName } from "./documents";

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
