import { describe, expect, it } from "vitest";
import type { Finding, Report } from "@/lib/report/types";
import { accessPath } from "./access-path";

function report(findings: Pick<Finding, "id" | "step" | "status">[]): Report {
  return {
    version: 1,
    target: { mode: "role", bucketUri: "s3://b/f/" },
    findings: findings.map((f) => ({ ...f, title: f.id, detail: "" })),
    summary: { pass: 0, fail: 0, warn: 0, unknown: 0, skipped: 0 },
  };
}

describe("accessPath", () => {
  it("draws the role path in order, each hop linked to its step", () => {
    const hops = accessPath(null, "role");
    expect(hops.map((h) => [h.id, h.step, h.status])).toEqual([
      ["tidb", "intake", "none"],
      ["assume-role", "assume-role", "none"],
      ["role", "identity-policy", "none"],
      ["bucket", "bucket-policy", "none"],
      ["objects", "object-ownership", "none"],
      ["kms", "encryption", "none"],
    ]);
  });

  it("colours each hop by the worst status of its checks", () => {
    const hops = accessPath(
      report([
        { id: "role.trust.principal", step: "assume-role", status: "pass" },
        { id: "role.trust.external-id", step: "assume-role", status: "fail" },
        { id: "identity.get-object", step: "identity-policy", status: "fail" },
        { id: "identity.list-bucket", step: "identity-policy", status: "pass" },
        { id: "identity.explicit-deny", step: "identity-policy", status: "pass" },
        { id: "bucket.policy.deny", step: "bucket-policy", status: "warn" },
        { id: "identity.kms-decrypt", step: "identity-policy", status: "unknown" },
        { id: "bucket.encryption", step: "encryption", status: "pass" },
        { id: "summary.next-steps", step: "summary", status: "fail" },
      ]),
      "role",
    );
    const by = Object.fromEntries(hops.map((h) => [h.id, h.status]));
    expect(by).toEqual({
      tidb: "none",
      "assume-role": "fail",
      role: "pass",
      bucket: "warn",
      objects: "fail",
      kms: "unknown",
    });
    expect(hops.find((h) => h.id === "objects")?.findingIds).toEqual(["identity.get-object"]);
  });

  it("shows the access key and IAM user in access-key mode", () => {
    const hops = accessPath(
      report([{ id: "access-key.owner", step: "identity-policy", status: "fail" }]),
      "access-key",
    );
    expect(hops.map((h) => h.id)).toEqual(["tidb", "access-key", "user", "bucket", "objects", "kms"]);
    expect(hops[1]).toMatchObject({ status: "fail", step: "identity-policy" });
  });
});
