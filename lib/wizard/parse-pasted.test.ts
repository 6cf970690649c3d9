import { describe, expect, it } from "vitest";
import { parseBucketEncryption, parseObjectOwnership } from "./parse-bucket-settings";
import {
  parseBucketPolicy,
  parseIdentityPolicy,
  parseKeyPolicy,
  parsePastedSnapshot,
  parseTrustPolicy,
} from "./parse-pasted";

const policy = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/mydata/*" }],
};
const trust = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::380838443567:root" }, Action: "sts:AssumeRole" }],
};

describe("parseTrustPolicy", () => {
  it("accepts a bare trust policy", () => {
    const r = parseTrustPolicy(JSON.stringify(trust));
    expect(r).toMatchObject({ ok: true, value: trust, source: "policy" });
  });

  it("accepts `aws iam get-role` output and keeps the role ARN", () => {
    const out = {
      Role: {
        RoleName: "tidb-import",
        Arn: "arn:aws:iam::111122223333:role/tidb-import",
        AssumeRolePolicyDocument: trust,
      },
    };
    const r = parseTrustPolicy(JSON.stringify(out, null, 4));
    expect(r).toMatchObject({
      ok: true,
      value: trust,
      source: "aws iam get-role",
      meta: { roleArn: "arn:aws:iam::111122223333:role/tidb-import" },
    });
  });

  it("decodes a URL-encoded document inside get-role output (raw IAM API form)", () => {
    const out = {
      Role: {
        Arn: "arn:aws:iam::111122223333:role/x",
        AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
      },
    };
    const r = parseTrustPolicy(JSON.stringify(out));
    expect(r.ok && r.value).toEqual(trust);
  });

  it("decodes a whole pasted URL-encoded document", () => {
    const r = parseTrustPolicy(encodeURIComponent(JSON.stringify(trust)));
    expect(r.ok && r.value).toEqual(trust);
  });

  it("names the line and column of a JSON syntax error", () => {
    const r = parseTrustPolicy('{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ field: "trustPolicy", path: "$", code: "json.invalid" });
      expect(r.error.params?.line).toBe(3);
    }
  });

  it("names the JSON path when the document has no Statement", () => {
    const r = parseTrustPolicy(JSON.stringify({ Role: { AssumeRolePolicyDocument: { Version: "2012-10-17" } } }));
    expect(r).toMatchObject({
      ok: false,
      error: { field: "trustPolicy", path: "$.Role.AssumeRolePolicyDocument.Statement", code: "policy.no-statement" },
    });
  });

  it("rejects an empty paste and a JSON array without throwing", () => {
    expect(parseTrustPolicy("   ")).toMatchObject({ ok: false, error: { code: "empty" } });
    expect(parseTrustPolicy("[1,2]")).toMatchObject({ ok: false, error: { code: "policy.not-object", path: "$" } });
  });
});

describe("parseIdentityPolicy", () => {
  it("accepts get-role-policy output and keeps the policy name", () => {
    const r = parseIdentityPolicy(
      JSON.stringify({ RoleName: "tidb-import", PolicyName: "s3-read", PolicyDocument: policy }),
    );
    expect(r).toMatchObject({
      ok: true,
      value: policy,
      source: "aws iam get-role-policy",
      meta: { policyName: "s3-read" },
    });
  });

  it("accepts get-user-policy output", () => {
    const r = parseIdentityPolicy(JSON.stringify({ UserName: "u", PolicyName: "p", PolicyDocument: policy }));
    expect(r).toMatchObject({ ok: true, source: "aws iam get-user-policy" });
  });

  it("accepts get-policy-version output", () => {
    const r = parseIdentityPolicy(
      JSON.stringify({ PolicyVersion: { Document: policy, VersionId: "v3", IsDefaultVersion: true } }),
    );
    expect(r).toMatchObject({ ok: true, value: policy, source: "aws iam get-policy-version" });
  });

  it("points at Statement when it is neither an array nor an object", () => {
    const r = parseIdentityPolicy(
      JSON.stringify({ PolicyDocument: { Version: "2012-10-17", Statement: "Allow" } }),
      "identityPolicies[2]",
    );
    expect(r).toMatchObject({
      ok: false,
      error: { field: "identityPolicies[2]", path: "$.PolicyDocument.Statement", code: "policy.statement-type" },
    });
  });
});

describe("parseBucketPolicy", () => {
  it("accepts get-bucket-policy output, whose Policy is a JSON string", () => {
    const r = parseBucketPolicy(JSON.stringify({ Policy: JSON.stringify(policy) }));
    expect(r).toMatchObject({ ok: true, value: policy, source: "aws s3api get-bucket-policy" });
  });

  it("reads the NoSuchBucketPolicy error as 'no bucket policy'", () => {
    const r = parseBucketPolicy(
      "An error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation: The bucket policy does not exist",
    );
    expect(r).toMatchObject({ ok: true, value: null });
  });

  it("names $.Policy when the embedded string is broken", () => {
    const r = parseBucketPolicy(JSON.stringify({ Policy: '{"Statement": [' }));
    expect(r).toMatchObject({ ok: false, error: { field: "bucketPolicy", path: "$.Policy", code: "json.invalid" } });
  });
});

describe("parseKeyPolicy", () => {
  it("accepts get-key-policy output", () => {
    const r = parseKeyPolicy(JSON.stringify({ Policy: JSON.stringify(policy), PolicyName: "default" }));
    expect(r).toMatchObject({ ok: true, value: policy, source: "aws kms get-key-policy" });
  });
});

describe("parseObjectOwnership", () => {
  it("reads get-bucket-ownership-controls output", () => {
    const r = parseObjectOwnership(
      JSON.stringify({ OwnershipControls: { Rules: [{ ObjectOwnership: "ObjectWriter" }] } }),
    );
    expect(r).toMatchObject({ ok: true, value: "ObjectWriter" });
  });

  it("accepts the bare setting name in any case", () => {
    expect(parseObjectOwnership("bucketownerenforced")).toMatchObject({ ok: true, value: "BucketOwnerEnforced" });
  });

  it("reads OwnershipControlsNotFoundError as ObjectWriter", () => {
    expect(parseObjectOwnership("An error occurred (OwnershipControlsNotFoundError) when calling …")).toMatchObject({
      ok: true,
      value: "ObjectWriter",
    });
  });

  it("names the path of an unknown setting", () => {
    const r = parseObjectOwnership(JSON.stringify({ OwnershipControls: { Rules: [{ ObjectOwnership: "Mine" }] } }));
    expect(r).toMatchObject({
      ok: false,
      error: { path: "$.OwnershipControls.Rules[0].ObjectOwnership", code: "ownership.invalid" },
    });
  });
});

describe("parseBucketEncryption", () => {
  it("reads SSE-KMS with its key from get-bucket-encryption output", () => {
    const out = {
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: {
              SSEAlgorithm: "aws:kms",
              KMSMasterKeyID: "arn:aws:kms:us-east-1:111122223333:key/abc",
            },
            BucketKeyEnabled: true,
          },
        ],
      },
    };
    expect(parseBucketEncryption(JSON.stringify(out))).toMatchObject({
      ok: true,
      value: { algorithm: "aws:kms", kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/abc", bucketKeyEnabled: true },
    });
  });

  it("reads SSE-KMS without a key id as the AWS managed key (kmsKeyId null)", () => {
    const out = {
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" } }],
      },
    };
    expect(parseBucketEncryption(JSON.stringify(out))).toMatchObject({
      ok: true,
      value: { algorithm: "aws:kms", kmsKeyId: null },
    });
  });

  it("accepts a bare algorithm and SSE-S3", () => {
    expect(parseBucketEncryption("AES256")).toMatchObject({ ok: true, value: { algorithm: "AES256" } });
    expect(parseBucketEncryption("SSE-S3")).toMatchObject({ ok: true, value: { algorithm: "AES256" } });
  });

  it("names the path of an unknown algorithm", () => {
    const out = {
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "rot13" } }] },
    };
    expect(parseBucketEncryption(JSON.stringify(out))).toMatchObject({
      ok: false,
      error: { path: "$.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm" },
    });
  });
});

describe("parsePastedSnapshot", () => {
  const snapshot = {
    version: 1,
    target: { mode: "role", bucketUri: "s3://b/f/" },
    bucket: { exists: true, objectOwnership: "ObjectWriter" },
  };

  it("accepts a snapshot as the collect command prints it", () => {
    expect(parsePastedSnapshot(JSON.stringify(snapshot, null, 2))).toMatchObject({ ok: true, value: snapshot });
  });

  it("names the JSON path when it is not a version 1 snapshot", () => {
    expect(parsePastedSnapshot(JSON.stringify({ ...snapshot, version: 2 }))).toMatchObject({
      ok: false,
      error: { field: "snapshot", path: "$.version", code: "snapshot.invalid" },
    });
    expect(parsePastedSnapshot("[]")).toMatchObject({ ok: false, error: { path: "$", code: "snapshot.invalid" } });
    expect(parsePastedSnapshot('{"version": 1,')).toMatchObject({ ok: false, error: { code: "json.invalid" } });
  });
});
