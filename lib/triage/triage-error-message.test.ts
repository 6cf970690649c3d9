import { describe, expect, it } from "vitest";
import { redactErrorMessage, triageErrorMessage } from "./triage-error-message";

describe("triageErrorMessage", () => {
  it("recognises TiDB Cloud's role message and extracts the role ARN", () => {
    const t = triageErrorMessage(
      "Cannot assume the provided role arn:aws:iam::111122223333:role/tidb-import. Check the trust relationships settings on the role.",
    );
    expect(t).toMatchObject({
      kind: "tidb-assume-role",
      step: "assume-role",
      roleArn: "arn:aws:iam::111122223333:role/tidb-import",
    });
  });

  it("recognises the 'Impossible to assume the provided role' variant", () => {
    expect(
      triageErrorMessage("Impossible to assume the provided role 'arn:aws:iam::111122223333:role/a/b'"),
    ).toMatchObject({
      kind: "tidb-assume-role",
      roleArn: "arn:aws:iam::111122223333:role/a/b",
    });
  });

  it("recognises TiDB Cloud's access-key message and never extracts the secret", () => {
    const t = triageErrorMessage(
      "Access denied to the source 's3://bucket/folder/' using the access key ID 'AKIAIOSFODNN7EXAMPLE' and the secret access key 'CANARY-wJalrXUtnFEMI'",
    );
    expect(t).toMatchObject({
      kind: "tidb-access-key",
      step: "identity-policy",
      bucketUri: "s3://bucket/folder/",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    });
    expect(JSON.stringify(t)).not.toContain("CANARY");
  });

  it.each([
    ["because no identity-based policy allows the s3:GetObject action", "identity", false, "identity-policy"],
    ["with an explicit deny in an identity-based policy", "identity", true, "identity-policy"],
    ["because no resource-based policy allows the s3:GetObject action", "resource", false, "bucket-policy"],
    ["with an explicit deny in a resource-based policy", "resource", true, "bucket-policy"],
    ["because no service control policy allows the s3:GetObject action", "scp", false, "summary"],
    ["with an explicit deny in a service control policy", "scp", true, "summary"],
    ["with an explicit deny in a resource control policy", "rcp", true, "summary"],
    ["because no VPC endpoint policy allows the s3:GetObject action", "vpc-endpoint", false, "summary"],
    [
      "because no permissions boundary allows the s3:GetObject action",
      "permissions-boundary",
      false,
      "identity-policy",
    ],
    ["with an explicit deny in a permissions boundary", "permissions-boundary", true, "identity-policy"],
    ["because no session policy allows the s3:GetObject action", "session", false, "summary"],
    ["with an explicit deny in a session policy", "session", true, "summary"],
  ] as const)("S3 detailed message '… %s'", (tail, policyType, explicit, step) => {
    const t = triageErrorMessage(
      `User: arn:aws:sts::111122223333:assumed-role/tidb-import/s is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/mydata/a.csv" ${tail}`,
    );
    expect(t).toMatchObject({
      kind: "s3-access-denied",
      step,
      principal: "arn:aws:sts::111122223333:assumed-role/tidb-import/s",
      action: "s3:GetObject",
      resource: "arn:aws:s3:::b/mydata/a.csv",
      policyType,
      explicit,
    });
  });

  it("sends a kms:Decrypt denial on the identity side to the permission policies, where identity.kms-decrypt is", () => {
    const t = triageErrorMessage(
      'User: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: kms:Decrypt on resource: "arn:aws:kms:ap-northeast-1:111122223333:key/k" because no identity-based policy allows the kms:Decrypt action',
    );
    expect(t).toMatchObject({
      kind: "kms-access-denied",
      step: "identity-policy",
      checks: ["identity.kms-decrypt", "identity.explicit-deny"],
      action: "kms:Decrypt",
      policyType: "identity",
      explicit: false,
    });
  });

  it("recognises STS's AssumeRole denial", () => {
    const t = triageErrorMessage(
      "An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::380838443567:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/tidb-import",
    );
    expect(t).toMatchObject({
      kind: "sts-assume-role-denied",
      step: "assume-role",
      roleArn: "arn:aws:iam::111122223333:role/tidb-import",
    });
  });

  it("recognises archived objects, bad keys and a plain AccessDenied; returns null for other text", () => {
    expect(triageErrorMessage("InvalidObjectState: Object is archived and inaccessible until restored")).toMatchObject({
      kind: "archived-object",
      step: "encryption",
    });
    expect(
      triageErrorMessage("InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records."),
    ).toMatchObject({ kind: "invalid-access-key", step: "intake" });
    expect(triageErrorMessage("SignatureDoesNotMatch")).toMatchObject({ kind: "signature-mismatch" });
    expect(triageErrorMessage("Access Denied")).toMatchObject({ kind: "generic-access-denied" });
    expect(triageErrorMessage("the weather is nice")).toBeNull();
    expect(triageErrorMessage("")).toBeNull();
    expect(triageErrorMessage(null)).toBeNull();
  });
});

describe("redactErrorMessage", () => {
  it("removes the secret access key TiDB Cloud echoes", () => {
    const out = redactErrorMessage("… using the access key ID 'AKIAX' and the secret access key 'CANARY-abc/def+ghi'");
    expect(out).not.toContain("CANARY");
    expect(out).toContain("AKIAX");
  });
});

describe("triageErrorMessage on any text", () => {
  it("never throws, and a result always names a known step", async () => {
    const fc = (await import("fast-check")).default;
    const steps = [
      "intake",
      "assume-role",
      "identity-policy",
      "bucket-policy",
      "object-ownership",
      "encryption",
      "summary",
    ];
    const pieces = fc.constantFrom(
      "User: ",
      "arn:aws:iam::111122223333:role/r",
      " is not authorized to perform: ",
      "s3:GetObject",
      ' on resource: "',
      '"',
      " because no ",
      " policy allows the ",
      "with an explicit deny in a ",
      "Cannot assume the provided role",
      "Access denied to the source '",
      "'",
      " ",
      ".",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 12 }), (parts) => {
        const t = triageErrorMessage(parts.join(""));
        if (t) expect(steps).toContain(t.step);
      }),
      { numRuns: 500 },
    );
  });
});
