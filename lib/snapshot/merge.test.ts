import { describe, expect, it } from "vitest";
import type { Snapshot } from "@/lib/snapshot/schema";
import { mergeSnapshots } from "./merge";

const target = { mode: "role" as const, bucketUri: "s3://b/f/", roleArn: "arn:aws:iam::111122223333:role/r" };
const oldTrust = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: "1" }, Action: "sts:AssumeRole" }],
};
const newTrust = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: "2" }, Action: "sts:AssumeRole" }],
};

const base: Snapshot = {
  version: 1,
  target,
  caller: { arn: "arn:aws:iam::111122223333:user/admin", accountId: "111122223333" },
  role: { exists: true, arn: target.roleArn, trustPolicy: oldTrust, inlinePolicies: { p: oldTrust } },
  bucket: { exists: true, name: "b", objectOwnership: "ObjectWriter" },
  unavailable: {
    "bucket.policy": "AccessDenied on s3:GetBucketPolicy",
    "role.attachedPolicies": "AccessDenied on iam:ListAttachedRolePolicies",
  },
};

describe("mergeSnapshots", () => {
  it("takes what the re-check read and keeps everything else", () => {
    const fresh: Snapshot = { version: 1, target, role: { exists: true, arn: target.roleArn, trustPolicy: newTrust } };
    const m = mergeSnapshots(base, fresh);
    expect(m.role?.trustPolicy).toEqual(newTrust);
    expect(m.role?.inlinePolicies).toEqual({ p: oldTrust });
    expect(m.bucket?.objectOwnership).toBe("ObjectWriter");
    expect(m.caller).toEqual(base.caller);
  });

  it("drops an old 'unavailable' reason once the value was read, and keeps the others", () => {
    const fresh: Snapshot = { version: 1, target, bucket: { exists: true, name: "b", policy: null } };
    const m = mergeSnapshots(base, fresh);
    expect(m.bucket?.policy).toBeNull();
    expect(m.unavailable).toEqual({ "role.attachedPolicies": "AccessDenied on iam:ListAttachedRolePolicies" });
  });

  it("removes a stale value when the re-read failed", () => {
    const fresh: Snapshot = {
      version: 1,
      target,
      role: { exists: true },
      unavailable: { "role.trustPolicy": "AccessDenied on iam:GetRole" },
    };
    const m = mergeSnapshots(base, fresh);
    expect(m.role?.trustPolicy).toBeUndefined();
    expect(m.unavailable?.["role.trustPolicy"]).toBe("AccessDenied on iam:GetRole");
    expect(base.role?.trustPolicy).toEqual(oldTrust);
  });
});
