/**
 * Every corrected document where people manage IAM: beside the AWS CLI command, a fix carries the Terraform resource
 * and the CloudFormation template fragment that hold the same document or setting (its alternatives too). When the
 * role, user, customer managed policy, bucket or key a fix edits was made by a CloudFormation stack (its
 * aws:cloudformation:* tags, read live), the fix says which (`stack`): a console or CLI edit is drift, which the
 * stack's next update of that resource puts back, so the change belongs in the template. The report's surfaces say
 * so in the reader's language (lib/report/iac.ts). Without tags (offline) nothing is claimed. Pure.
 */
import type { Fix } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { cloudFormationSnippet, originOf } from "./cloudformation";
import { iacTarget, type IacTarget } from "./targets";
import { terraformSnippet } from "./terraform";

type Doc = Record<string, unknown>;
type FixPart = Fix | NonNullable<Fix["alternatives"]>[number];

/** The resource a stack made, as its type and name, for the sentence that says so. */
function madeResource(target: IacTarget): { type: string; name: string } {
  switch (target.kind) {
    case "trust-policy":
      return { type: "AWS::IAM::Role", name: target.role };
    case "inline-policy":
      return { type: target.owner === "user" ? "AWS::IAM::User" : "AWS::IAM::Role", name: target.ownerName };
    case "managed-policy":
      return { type: "AWS::IAM::ManagedPolicy", name: target.arn || target.name };
    case "key-policy":
      return { type: "AWS::KMS::Key", name: target.key };
    case "access-key":
      return { type: "AWS::IAM::User", name: target.user };
    default:
      return { type: "AWS::S3::Bucket", name: target.bucket };
  }
}

function withSnippets<F extends FixPart>(fix: F, snapshot: Snapshot): F {
  const target = iacTarget(fix.document, snapshot);
  if (!target || !fix.after) return fix;
  const after = fix.after as Doc;
  const terraform = terraformSnippet(target, after);
  const cloudformation = cloudFormationSnippet(target, after);
  const origin = originOf(target);
  return {
    ...fix,
    ...(terraform ? { terraform } : {}),
    ...(cloudformation ? { cloudformation } : {}),
    ...(origin
      ? { stack: { ...origin, resourceType: madeResource(target).type, name: madeResource(target).name } }
      : {}),
  };
}

/** The fix with its Terraform and CloudFormation snippets, its alternatives' too, and the stack that made each. */
export function withIac(fix: Fix, snapshot: Snapshot): Fix {
  const main = withSnippets(fix, snapshot);
  const alternatives = fix.alternatives?.map((alt) => withSnippets(alt, snapshot));
  return { ...main, ...(alternatives ? { alternatives } : {}) };
}
