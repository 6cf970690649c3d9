/**
 * The CloudFormation template fragment (YAML) that holds a corrected document or setting: the resource and the
 * property to change, under the logical ID the stack gave it when a stack made it (its aws:cloudformation:* tags).
 * Written with the `yaml` package as YAML 1.1 (what CloudFormation reads: "on", "yes", dates are quoted), without
 * anchors. Pure; tests/unit/iac-snippets.test.ts parses every snippet and compares what it holds with the fix's `after`.
 */
import { Document, isScalar, visit } from "yaml";
import type { IacTarget } from "./targets";

export interface CloudFormationSnippet {
  code: string;
  /** The resource type, e.g. AWS::IAM::Role. */
  resource: string;
  /** The property the fix changes, e.g. AssumeRolePolicyDocument, Policies, PolicyDocument. */
  property: string;
  /** The resource's logical ID: the stack's own when a stack made it, else one made up from its name. */
  logicalId: string;
}

/** What a resource's aws:cloudformation:* tags say: the stack that made it and the resource's logical ID in it. */
export interface StackOrigin {
  stackName: string;
  logicalId: string;
  stackId?: string;
}

type Doc = Record<string, unknown>;
type Tags = Record<string, string> | null | undefined;

/** The stack that made a resource, from its tags; null when the tags are not known or do not say. */
function stackOrigin(tags: Tags): StackOrigin | null {
  const name = tags?.["aws:cloudformation:stack-name"];
  const logicalId = tags?.["aws:cloudformation:logical-id"];
  if (!name || !logicalId) return null;
  const id = tags?.["aws:cloudformation:stack-id"];
  return { stackName: name, logicalId, ...(id ? { stackId: id } : {}) };
}

/*
 * Made-up logical IDs and Terraform labels never hold the bucket's name or the key's ID: a shared report replaces
 * those with placeholders (lib/share/redact.ts), which would not find them rewritten as an identifier. Role, user and
 * policy names are not redacted and name their resources.
 */

/** A logical ID made up from a name: alphanumeric only (CloudFormation's rule), e.g. "tidb-import" → TidbImportRole. */
function madeUpId(name: string, suffix: string): string {
  const pascal = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
  const id = /^[A-Za-z]/.test(pascal) ? pascal : "";
  return (id + suffix).slice(0, 255);
}

/**
 * A plain scalar a YAML 1.2 reader would not read as a string (1e10, 0o17, .inf, null …). YAML 1.1 output already
 * quotes what 1.1 reads otherwise (yes, on, 2012-10-17 …); these are quoted too, so both readers get the string.
 */
const NOT_A_STRING_IN_YAML_12 =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

function template(logicalId: string, type: string, properties: Doc): string {
  const doc = new Document(
    { Resources: { [logicalId]: { Type: type, Properties: properties } } },
    { version: "1.1", aliasDuplicateObjects: false },
  );
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === "string" && NOT_A_STRING_IN_YAML_12.test(node.value))
        node.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString({ lineWidth: 0 });
}

function snippet(type: string, property: string, logicalId: string, properties: Doc): CloudFormationSnippet {
  return { resource: type, property, logicalId, code: template(logicalId, type, properties) };
}

/**
 * The resource's name property, only when no stack is known to have made it: in a stack's template a name the stack
 * did not set would replace the resource (a new role, a new policy).
 */
function named(property: string, name: string, origin: StackOrigin | null): Doc {
  return origin ? {} : { [property]: name };
}

/**
 * The stack that made the resource a target edits, when its tags say one did. For a bucket policy that is the
 * bucket's stack (the policy itself has no tags); Requester Pays is no property of a template, so no stack holds it.
 */
export function originOf(target: IacTarget): StackOrigin | null {
  if (target.kind === "requester-pays") return null;
  return "tags" in target ? stackOrigin(target.tags) : null;
}

/** The snippet for a corrected document (`after`) of this target, or null when CloudFormation has no property for it. */
export function cloudFormationSnippet(target: IacTarget, after: Doc): CloudFormationSnippet | null {
  const origin = originOf(target);
  switch (target.kind) {
    case "trust-policy":
      return snippet("AWS::IAM::Role", "AssumeRolePolicyDocument", origin?.logicalId ?? madeUpId(target.role, "Role"), {
        ...named("RoleName", target.role, origin),
        AssumeRolePolicyDocument: after,
      });
    case "inline-policy": {
      const Owner = target.owner === "role" ? "Role" : target.owner === "user" ? "User" : "Group";
      if (origin && target.owner !== "group")
        // A stack that made the role (or user) most often declares its inline policies in its Policies property.
        return snippet(`AWS::IAM::${Owner}`, "Policies", origin.logicalId, {
          Policies: [{ PolicyName: target.policy, PolicyDocument: after }],
        });
      return snippet(
        `AWS::IAM::${Owner}Policy`,
        "PolicyDocument",
        madeUpId(`${target.ownerName} ${target.policy}`, `${Owner}Policy`),
        { [`${Owner}Name`]: target.ownerName, PolicyName: target.policy, PolicyDocument: after },
      );
    }
    case "managed-policy":
      return snippet(
        "AWS::IAM::ManagedPolicy",
        "PolicyDocument",
        origin?.logicalId ?? madeUpId(target.name, "Policy"),
        {
          ...named("ManagedPolicyName", target.name, origin),
          ...(target.path !== "/" && !origin ? { Path: target.path } : {}),
          PolicyDocument: after,
        },
      );
    case "bucket-policy":
      // A stack that made the bucket names it by reference; its bucket policy, if it has one, is a resource of its own.
      return snippet("AWS::S3::BucketPolicy", "PolicyDocument", "SourceBucketPolicy", {
        Bucket: origin ? { Ref: origin.logicalId } : target.bucket,
        PolicyDocument: after,
      });
    case "key-policy":
      return snippet("AWS::KMS::Key", "KeyPolicy", origin?.logicalId ?? "ImportKey", { KeyPolicy: after });
    case "object-ownership":
      return snippet("AWS::S3::Bucket", "OwnershipControls", origin?.logicalId ?? "SourceBucket", {
        ...named("BucketName", target.bucket, origin),
        OwnershipControls: { Rules: [{ ObjectOwnership: after.ObjectOwnership }] },
      });
    case "bucket-encryption": {
      const rules = Array.isArray(after.Rules) ? (after.Rules as Doc[]) : [];
      return snippet("AWS::S3::Bucket", "BucketEncryption", origin?.logicalId ?? "SourceBucket", {
        ...named("BucketName", target.bucket, origin),
        BucketEncryption: {
          ServerSideEncryptionConfiguration: rules.map((rule) => ({
            ServerSideEncryptionByDefault: rule.ApplyServerSideEncryptionByDefault,
            ...(typeof rule.BucketKeyEnabled === "boolean" ? { BucketKeyEnabled: rule.BucketKeyEnabled } : {}),
          })),
        },
      });
    }
    case "access-key":
      return snippet("AWS::IAM::AccessKey", "Status", madeUpId(target.user, "AccessKey"), {
        UserName: target.user,
        Status: after.Status,
      });
    case "requester-pays":
      // AWS::S3::Bucket has no property for Requester Pays: the CLI or the console change it.
      return null;
  }
}
