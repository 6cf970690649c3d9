/**
 * The Terraform (AWS provider) resource that holds a corrected document or setting: the policy as
 * `jsonencode({ … })` in HCL, a setting as its block. Pure; tests/unit/iac-snippets.test.ts parses every snippet
 * with an HCL parser and compares what it holds with the fix's `after`.
 */
import { hclArguments, hclString, hclValue } from "./hcl";
import type { IacTarget } from "./targets";

export interface TerraformSnippet {
  code: string;
  /** The resource type, e.g. aws_iam_role_policy. */
  resource: string;
  /** The argument the fix changes, e.g. policy, assume_role_policy, rule. */
  property: string;
}

type Doc = Record<string, unknown>;

/** A resource name Terraform accepts (letters, digits, underscores; a letter or underscore first). */
function terraformLabel(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (!s) return "this";
  return /^[A-Za-z_]/.test(s) ? s : `_${s}`;
}

function resource(type: string, name: string, body: string): string {
  return `resource ${hclString(type)} ${hclString(terraformLabel(name))} {\n${body}\n}\n`;
}

const policy = (after: Doc) => `jsonencode(${hclValue(after, 1)})`;
const str = (v: unknown) => hclString(String(v ?? ""));

function encryptionRules(after: Doc): string {
  const rules = Array.isArray(after.Rules) ? (after.Rules as Doc[]) : [];
  return rules
    .map((rule) => {
      const d = (rule.ApplyServerSideEncryptionByDefault ?? {}) as Doc;
      const inner: [string, string][] = [["sse_algorithm", str(d.SSEAlgorithm)]];
      if (typeof d.KMSMasterKeyID === "string") inner.push(["kms_master_key_id", str(d.KMSMasterKeyID)]);
      const lines = ["  rule {", "    apply_server_side_encryption_by_default {", hclArguments(inner, 3), "    }"];
      if (typeof rule.BucketKeyEnabled === "boolean") lines.push(`    bucket_key_enabled = ${rule.BucketKeyEnabled}`);
      lines.push("  }");
      return lines.join("\n");
    })
    .join("\n\n");
}

/** The snippet for a corrected document (`after`) of this target, or null when Terraform has no resource for it. */
export function terraformSnippet(target: IacTarget, after: Doc): TerraformSnippet | null {
  switch (target.kind) {
    case "trust-policy":
      return {
        resource: "aws_iam_role",
        property: "assume_role_policy",
        code: resource(
          "aws_iam_role",
          target.role,
          hclArguments([
            ["name", hclString(target.role)],
            ["assume_role_policy", policy(after)],
          ]),
        ),
      };
    case "inline-policy": {
      const type = `aws_iam_${target.owner}_policy`;
      return {
        resource: type,
        property: "policy",
        code: resource(
          type,
          `${target.ownerName}_${target.policy}`,
          hclArguments([
            ["name", hclString(target.policy)],
            [target.owner, hclString(target.ownerName)],
            ["policy", policy(after)],
          ]),
        ),
      };
    }
    case "managed-policy":
      return {
        resource: "aws_iam_policy",
        property: "policy",
        code: resource(
          "aws_iam_policy",
          target.name,
          hclArguments([
            ["name", hclString(target.name)],
            ...(target.path !== "/" ? ([["path", hclString(target.path)]] as [string, string][]) : []),
            ["policy", policy(after)],
          ]),
        ),
      };
    case "bucket-policy":
      return {
        resource: "aws_s3_bucket_policy",
        property: "policy",
        code: resource(
          "aws_s3_bucket_policy",
          "source",
          hclArguments([
            ["bucket", hclString(target.bucket)],
            ["policy", policy(after)],
          ]),
        ),
      };
    case "key-policy":
      return {
        resource: "aws_kms_key_policy",
        property: "policy",
        code: resource(
          "aws_kms_key_policy",
          "import_key",
          hclArguments([
            ["key_id", hclString(target.key)],
            ["policy", policy(after)],
          ]),
        ),
      };
    case "object-ownership":
      return {
        resource: "aws_s3_bucket_ownership_controls",
        property: "rule.object_ownership",
        code: resource(
          "aws_s3_bucket_ownership_controls",
          "source",
          `${hclArguments([["bucket", hclString(target.bucket)]])}\n\n  rule {\n    object_ownership = ${str(after.ObjectOwnership)}\n  }`,
        ),
      };
    case "bucket-encryption":
      return {
        resource: "aws_s3_bucket_server_side_encryption_configuration",
        property: "rule",
        code: resource(
          "aws_s3_bucket_server_side_encryption_configuration",
          "source",
          `${hclArguments([["bucket", hclString(target.bucket)]])}\n\n${encryptionRules(after)}`,
        ),
      };
    case "requester-pays":
      return {
        resource: "aws_s3_bucket_request_payment_configuration",
        property: "payer",
        code: resource(
          "aws_s3_bucket_request_payment_configuration",
          "source",
          hclArguments([
            ["bucket", hclString(target.bucket)],
            ["payer", str(after.Payer)],
          ]),
        ),
      };
    case "access-key":
      return {
        resource: "aws_iam_access_key",
        property: "status",
        code: resource(
          "aws_iam_access_key",
          target.user,
          hclArguments([
            ["user", hclString(target.user)],
            ["status", str(after.Status)],
          ]),
        ),
      };
  }
}
