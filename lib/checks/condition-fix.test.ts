/**
 * Conditions are corrected, not dropped (issue 11): what each corrected document holds, for the fixtures of
 * tests/fixtures/snapshots that encode the rules (their "$rule" cites the AWS page).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Finding } from "@/lib/report/types";
import { analyzeSnapshot, parseSnapshot } from "./index";

const NOW = new Date("2026-11-28T00:00:00Z");
const B = "arn:aws:s3:::tidb-cloud-source-data";

async function finding(name: string, id: string): Promise<Finding> {
  const parsed = parseSnapshot(JSON.parse(readFileSync(`tests/fixtures/snapshots/${name}.json`, "utf8")));
  if (!parsed.ok) throw new Error(name);
  const report = await analyzeSnapshot(parsed.snapshot, { now: NOW });
  return report.findings.find((f) => f.id === id)!;
}
const statements = (f: Finding) => (f.fix!.after as { Statement: Record<string, unknown>[] }).Statement;

describe("conditions are corrected, not dropped", () => {
  it("splits a statement whose s3:prefix condition keeps GetObject out: the condition stays on the listing", async () => {
    const f = await finding("role-prefix-condition-on-getobject", "identity.get-object");
    const [listing, , , objects] = statements(f);
    expect(listing).toEqual({
      Sid: "ImportData",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: B,
      Condition: { StringLike: { "s3:prefix": "mydata/*" } },
    });
    expect(objects).toEqual({
      Sid: "TiDBCloudImportObjects",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:GetObjectVersion"],
      Resource: `${B}/mydata/*`,
    });
    expect(f.detail).toContain("The statement is split");
  });

  it("corrects kms:ViaService to S3 in the bucket's Region, in an identity policy and in a key policy", async () => {
    const id = await finding("role-kms-viaservice-wrong-region", "identity.kms-decrypt");
    expect(statements(id)[2].Condition).toEqual({
      StringEquals: { "kms:ViaService": "s3.ap-northeast-1.amazonaws.com" },
    });
    const key = await finding("role-key-policy-viaservice-wrong-region", "kms.key-policy");
    expect(statements(key)).toHaveLength(2);
    expect(statements(key)[1].Condition).toEqual({
      StringEquals: { "kms:CallerAccount": "111122223333", "kms:ViaService": "s3.ap-northeast-1.amazonaws.com" },
    });
    expect(key.translations?.ja?.detail).toContain("s3.ap-northeast-1.amazonaws.com");
  });

  it("adds this bucket to a kms:EncryptionContext condition naming another one, keeping the other", async () => {
    const f = await finding("role-kms-encryption-context-other-bucket", "identity.kms-decrypt");
    // The bucket's Bucket Key is on but the objects did not say whether they use it (they may predate it): S3 passes
    // the bucket's ARN or the object's, so both are added, the objects' under StringLike.
    expect(statements(f)[2].Condition).toEqual({
      StringLike: { "kms:EncryptionContext:aws:s3:arn": ["arn:aws:s3:::old-source-data", `${B}/mydata/*`, B] },
    });
    expect(f.detail).toContain("not this bucket");
    expect(f.translations?.ja?.detail).toContain("バケットキー");
  });

  it("a condition on the bucket's ARN, objects written before the S3 Bucket Key: both contexts under StringLike", async () => {
    const f = await finding("role-kms-context-bucket-arn-objects-predate-bucket-key", "identity.kms-decrypt");
    expect(statements(f)[2].Condition).toEqual({
      StringLike: { "kms:EncryptionContext:aws:s3:arn": [B, `${B}/mydata/*`] },
    });
    expect(f.detail).toContain("written without an S3 Bucket Key");
    expect(f.translations?.ja?.detail).toContain("バケットキーなしで");
  });

  it("a condition on the objects' ARNs, some objects written with an S3 Bucket Key: the bucket's ARN is added", async () => {
    const f = await finding("role-kms-context-object-arn-mixed-objects", "identity.kms-decrypt");
    expect(statements(f)[2].Condition).toEqual({
      StringLike: { "kms:EncryptionContext:aws:s3:arn": [`${B}/mydata/*`, B] },
    });
  });

  it("corrects the key policy's encryption-context condition in place, for every principal it names", async () => {
    const f = await finding("role-key-policy-context-bucket-arn-objects-predate-bucket-key", "kms.key-policy");
    expect(statements(f)[1]).toMatchObject({
      Sid: "AllowTiDBImportThroughS3",
      Condition: { StringLike: { "kms:EncryptionContext:aws:s3:arn": [B, `${B}/mydata/*`] } },
    });
  });

  it("corrects an aws:ResourceAccount typo in place", async () => {
    const f = await finding("role-resource-account-typo", "identity.get-object");
    expect(statements(f)[0].Condition).toEqual({ StringEquals: { "aws:ResourceAccount": "111122223333" } });
    expect(f.detail).toContain("a typo of 111122223333");
  });

  it("adds a new statement only as a last resort, and says so", async () => {
    const f = await finding("role-getobject-only-from-vpce", "identity.get-object");
    // the conditioned statement is kept as it was
    expect(statements(f)[0].Condition).toEqual({ StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d4e5f67890" } });
    expect(statements(f).at(-1)).toMatchObject({ Sid: "TiDBCloudImportObjects", Resource: `${B}/mydata/*` });
    expect(statements(f).at(-1)).not.toHaveProperty("Condition");
    expect(f.detail).toContain("as a last resort");
    expect(f.translations?.ja?.detail).toContain("最後の手段");
  });
});
