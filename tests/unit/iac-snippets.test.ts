/**
 * Every corrected document is offered where people manage IAM (issue 12, §6): for every fix (and every alternative)
 * of every snapshot fixture, the Terraform snippet is read with HashiCorp's HCL parser and the CloudFormation snippet
 * with a YAML 1.1 parser that knows CloudFormation's tags, and the document or setting each holds must be exactly the
 * fix's `after`. Names and documents with characters HCL and YAML treat specially (quotes, spaces, "${…}" that
 * Terraform would interpolate, "%{", a leading "*") are covered by the fixtures and by a made-up fix below.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import { withIac } from "@/lib/fixes/iac/snippets";
import type { Fix } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { cloudFormationTemplate, jsonencodeArgument, literalOf, terraformResources } from "@/tests/support/iac-parse";

const DIR = join(process.cwd(), "tests/fixtures/snapshots");
const NOW = new Date("2026-11-28T00:00:00Z");
const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
  .map((f) => f.slice(0, -".json".length))
  .sort();

type Doc = Record<string, unknown>;
type FixPart = Fix | NonNullable<Fix["alternatives"]>[number];

/** The document or setting a Terraform snippet holds, read back the way the AWS provider would read its arguments. */
async function terraformHolds(fix: FixPart): Promise<unknown> {
  const tf = fix.terraform!;
  const resources = await terraformResources(tf.code);
  expect(resources.map((r) => r.type)).toEqual([tf.resource]);
  const body = resources[0].body;
  switch (tf.resource) {
    case "aws_iam_role":
      return jsonencodeArgument(body.assume_role_policy);
    case "aws_iam_role_policy":
    case "aws_iam_user_policy":
    case "aws_iam_group_policy":
    case "aws_iam_policy":
    case "aws_s3_bucket_policy":
    case "aws_kms_key_policy":
      return jsonencodeArgument(body.policy);
    case "aws_s3_bucket_ownership_controls":
      return { ObjectOwnership: literalOf((body.rule as Doc[])[0].object_ownership) };
    case "aws_s3_bucket_server_side_encryption_configuration":
      return {
        Rules: (body.rule as Doc[]).map((rule) => {
          const d = (rule.apply_server_side_encryption_by_default as Doc[])[0];
          return {
            ApplyServerSideEncryptionByDefault: {
              SSEAlgorithm: literalOf(d.sse_algorithm),
              ...(d.kms_master_key_id !== undefined ? { KMSMasterKeyID: literalOf(d.kms_master_key_id) } : {}),
            },
            ...(rule.bucket_key_enabled !== undefined ? { BucketKeyEnabled: rule.bucket_key_enabled } : {}),
          };
        }),
      };
    case "aws_s3_bucket_request_payment_configuration":
      return { Payer: literalOf(body.payer) };
    case "aws_iam_access_key":
      return { AccessKeyId: fix.after?.AccessKeyId, Status: literalOf(body.status) };
    default:
      throw new Error(`no reader for ${tf.resource}`);
  }
}

/** The document or setting a CloudFormation snippet holds. */
function cloudFormationHolds(fix: FixPart): unknown {
  const cfn = fix.cloudformation!;
  const template = cloudFormationTemplate(cfn.code);
  expect(Object.keys(template.Resources)).toEqual([cfn.logicalId]);
  expect(cfn.logicalId).toMatch(/^[A-Za-z0-9]{1,255}$/);
  const resource = template.Resources[cfn.logicalId];
  expect(resource.Type).toBe(cfn.resource);
  const p = resource.Properties;
  switch (cfn.property) {
    case "AssumeRolePolicyDocument":
    case "PolicyDocument":
    case "KeyPolicy":
      return p[cfn.property];
    case "Policies": {
      const list = p.Policies as { PolicyName: string; PolicyDocument: unknown }[];
      expect(list).toHaveLength(1);
      return list[0].PolicyDocument;
    }
    case "OwnershipControls":
      return { ObjectOwnership: (p.OwnershipControls as { Rules: Doc[] }).Rules[0].ObjectOwnership };
    case "BucketEncryption":
      return {
        Rules: (
          p.BucketEncryption as { ServerSideEncryptionConfiguration: Doc[] }
        ).ServerSideEncryptionConfiguration.map((r) => ({
          ApplyServerSideEncryptionByDefault: r.ServerSideEncryptionByDefault,
          ...(r.BucketKeyEnabled !== undefined ? { BucketKeyEnabled: r.BucketKeyEnabled } : {}),
        })),
      };
    case "Status":
      return { AccessKeyId: fix.after?.AccessKeyId, Status: p.Status };
    default:
      throw new Error(`no reader for ${cfn.resource}.${cfn.property}`);
  }
}

/** The settings documents compare field by field; a settings `after` may carry fields the resource does not set. */
function comparable(fix: FixPart): unknown {
  return fix.after;
}

async function expectHolds(fix: FixPart, where: string) {
  expect(fix.terraform, `${where}: no Terraform snippet`).toBeDefined();
  expect(await terraformHolds(fix), `${where}: Terraform`).toEqual(comparable(fix));
  if (fix.document === "requester-pays") {
    // CloudFormation has no property for Requester Pays (AWS::S3::Bucket).
    expect(fix.cloudformation, where).toBeUndefined();
    return;
  }
  expect(fix.cloudformation, `${where}: no CloudFormation snippet`).toBeDefined();
  expect(cloudFormationHolds(fix), `${where}: CloudFormation`).toEqual(comparable(fix));
}

describe("every fix of every fixture, as Terraform and CloudFormation", () => {
  it.each(names)("%s", async (name) => {
    const parsed = parseSnapshot(JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")));
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
    const report = await analyzeSnapshot(parsed.snapshot, { now: NOW });
    for (const f of report.findings) {
      if (!f.fix?.after) continue;
      await expectHolds(f.fix, `${f.id} (${f.fix.document})`);
      for (const alt of f.fix.alternatives ?? []) await expectHolds(alt, `${f.id} alternative (${alt.document})`);
    }
  });
});

describe("documents and names that HCL and YAML treat specially", () => {
  const odd = {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "Odd",
        Effect: "Allow",
        Action: ["s3:GetObject", "*"],
        Resource: ["arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/$${x}/%{y}/%%{z}/$$"],
        Condition: {
          StringEquals: {
            "aws:PrincipalTag/x": ["yes", "on", "No", "1e10", "0o17", "0x1F", ".inf", "null", "~", "", "2012-10-17"],
            for: ["- dash", "#hash", "a: b", "[x]", "{y}", "&anchor", "!Ref X", "'q'", '"dq"', " lead", "trail "],
            "a b": "tab\tnewline\nback\\slash\u0001\u2028é日本語",
          },
          NumericLessThan: { "s3:max-keys": [-5, 0, 1.5, 1e21] },
          Bool: { "aws:SecureTransport": [true, false] },
          Null: { "1st": "true" },
        },
        NotPrincipal: { AWS: [] },
        Extra: {},
      },
    ],
  };
  const snapshot = {
    version: 1,
    target: { mode: "role", bucketUri: "s3://b/x/", roleArn: 'arn:aws:iam::111122223333:role/odd "role" ${r}' },
    role: { exists: true, arn: 'arn:aws:iam::111122223333:role/odd "role" ${r}' },
    user: { exists: true, arn: "arn:aws:iam::111122223333:user/o'neil" },
    bucket: { exists: true, name: "b" },
  } as Snapshot;
  const documents = [
    "trust-policy",
    'role-policy:my "odd" policy ${name} %{x}',
    "role-policy:arn:aws:iam::111122223333:policy/p a t h/odd ${p}",
    "user-policy:it's",
    "group-policy:g r/${g}",
    "bucket-policy",
    "key-policy:arn:aws:kms:ap-northeast-1:111122223333:key/1f2e3d4c-5b6a-4789-8abc-0123456789ab",
    "permissions-boundary",
  ];
  it.each(documents)("%s", async (document) => {
    const fix: Fix = { document, before: null, after: odd, cli: "aws …" };
    await expectHolds(withIac(fix, snapshot), document);
  });

  it("names keep their characters: the Terraform name argument and the CloudFormation name property", async () => {
    const fix = withIac(
      { document: 'role-policy:my "odd" policy ${name}', before: null, after: odd, cli: "" },
      snapshot,
    );
    const [tf] = await terraformResources(fix.terraform!.code);
    expect(literalOf(tf.body.name)).toBe('my "odd" policy ${name}');
    expect(literalOf(tf.body.role)).toBe('odd "role" ${r}');
    const cfn = cloudFormationTemplate(fix.cloudformation!.code).Resources[fix.cloudformation!.logicalId].Properties;
    expect(cfn.PolicyName).toBe('my "odd" policy ${name}');
    expect(cfn.RoleName).toBe('odd "role" ${r}');
  });

  it("settings: Object Ownership, default encryption (SSE-KMS with a bucket key), Requester Pays, an access key", async () => {
    const s = { ...snapshot, target: { ...snapshot.target, mode: "access-key" } } as Snapshot;
    for (const [document, after] of [
      ["object-ownership", { ObjectOwnership: "BucketOwnerEnforced" }],
      [
        "bucket-encryption",
        {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: "alias/${k}" },
              BucketKeyEnabled: true,
            },
          ],
        },
      ],
      ["bucket-encryption", { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] }],
      ["requester-pays", { Payer: "BucketOwner" }],
      ["access-key", { AccessKeyId: "AKIAIOSFODNN7EXAMPLE", Status: "Active" }],
    ] as const)
      await expectHolds(withIac({ document, before: null, after: after as Doc, cli: "" }, s), document);
  });
});
