/**
 * A fix where people manage IAM, in the reader's language: its Terraform and CloudFormation snippets (fix.terraform,
 * fix.cloudformation, made by lib/fixes/iac) and, when a CloudFormation stack made what it edits (fix.stack), the
 * sentence that says so and where in the template the change belongs. Pure.
 */
import type { ReportTranslator } from "./messages";
import type { Fix } from "./types";

type FixPart = Fix | NonNullable<Fix["alternatives"]>[number];

export interface InfraCodeModel {
  kind: "terraform" | "cloudformation";
  /** "Terraform: aws_iam_role_policy", "CloudFormation: AWS::IAM::Role TiDBImportRole". */
  heading: string;
  text: string;
  /** What a copy button copies it as. */
  copy: string;
  /** Fenced code's language. */
  language: "hcl" | "yaml";
  /** Shown open: the CloudFormation snippet when a stack made what it edits. */
  open: boolean;
}

/** The fix's snippets, Terraform first; the CloudFormation one first and open when a stack made what it edits. */
export function infraCodeOf(t: ReportTranslator, fix: FixPart): InfraCodeModel[] {
  const out: InfraCodeModel[] = [];
  const tf = fix.terraform;
  if (tf)
    out.push({
      kind: "terraform",
      heading: t("card.fix.terraform", { resource: tf.resource }),
      text: tf.code,
      copy: t("card.fix.copyTerraform"),
      language: "hcl",
      open: false,
    });
  const cfn = fix.cloudformation;
  if (cfn) {
    const model: InfraCodeModel = {
      kind: "cloudformation",
      heading: t("card.fix.cloudformation", { resource: cfn.resource, logicalId: cfn.logicalId }),
      text: cfn.code,
      copy: t("card.fix.copyCloudFormation"),
      language: "yaml",
      open: !!fix.stack,
    };
    if (fix.stack) out.unshift(model);
    else out.push(model);
  }
  return out;
}

const KIND: Record<string, string> = {
  "AWS::IAM::Role": "role",
  "AWS::IAM::User": "user",
  "AWS::IAM::ManagedPolicy": "policy",
  "AWS::S3::Bucket": "bucket",
  "AWS::KMS::Key": "key",
};

/**
 * When a CloudFormation stack made what the fix edits: which stack, and that the change belongs in its template
 * (a change made in the console or with the AWS CLI is drift, put back by the stack's next update of the resource).
 * Null otherwise: without the stack's tags nothing is claimed.
 */
export function stackNoticeOf(t: ReportTranslator, fix: FixPart): string | null {
  const stack = fix.stack;
  if (!stack) return null;
  const what = t("card.fix.stack.what", {
    kind: KIND[stack.resourceType ?? ""] ?? "other",
    name: stack.name ?? stack.logicalId,
  });
  const values = { what, stack: stack.stackName, logicalId: stack.logicalId };
  if (fix.document === "bucket-policy") return t("card.fix.stack.bucketPolicy", values);
  const property = fix.cloudformation?.property ?? "";
  if (property !== "Policies") return t("card.fix.stack.change", { ...values, property });
  // A stack's role or user may declare the inline policy in its Policies, or as a policy resource of its own.
  return t("card.fix.stack.changePolicies", {
    ...values,
    policy: fix.document.slice(fix.document.indexOf(":") + 1),
    resource: fix.document.startsWith("user-policy:") ? "AWS::IAM::UserPolicy" : "AWS::IAM::RolePolicy",
  });
}
