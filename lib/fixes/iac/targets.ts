/**
 * Which AWS resource a fix's document is, named as in the account: what the Terraform and CloudFormation snippets
 * declare, and where the CloudFormation tags that tell a stack made it are. Pure.
 */
import type { Snapshot } from "@/lib/snapshot/schema";

type Tags = Record<string, string> | null | undefined;

export type IacTarget =
  | { kind: "trust-policy"; role: string; tags: Tags }
  | { kind: "inline-policy"; owner: "role" | "user" | "group"; ownerName: string; policy: string; tags: Tags }
  | { kind: "managed-policy"; arn: string; name: string; path: string; tags: Tags }
  | { kind: "bucket-policy"; bucket: string; tags: Tags }
  | { kind: "key-policy"; key: string; tags: Tags }
  | { kind: "object-ownership"; bucket: string; tags: Tags }
  | { kind: "bucket-encryption"; bucket: string; tags: Tags }
  | { kind: "requester-pays"; bucket: string; tags: Tags }
  | { kind: "access-key"; user: string };

/** The last part of an IAM ARN's resource ("role/path/name" → "name"). */
const lastPart = (arn: string | null | undefined) => (arn ?? "").split("/").pop() ?? "";

function roleName(s: Snapshot): string {
  return lastPart(s.role?.arn ?? s.target.roleArn) || "<role-name>";
}

function userName(s: Snapshot): string {
  return lastPart(s.user?.arn) || "<user-name>";
}

const isPolicyArn = (x: string) => /^arn:[\w-]+:iam::[^:]*:policy\//.test(x);

function managed(arn: string, s: Snapshot): IacTarget {
  const resource = arn.slice(arn.indexOf(":policy/") + ":policy".length);
  const slash = resource.lastIndexOf("/");
  return {
    kind: "managed-policy",
    arn,
    name: resource.slice(slash + 1),
    path: resource.slice(0, slash + 1) || "/",
    tags: s.policyTags?.[arn],
  };
}

/** The resource a fix's document names, or null for a document no snippet is made for. */
export function iacTarget(document: string, s: Snapshot): IacTarget | null {
  const bucket = s.bucket?.name ?? "<bucket>";
  if (document === "trust-policy") return { kind: "trust-policy", role: roleName(s), tags: s.role?.tags };
  if (document === "permissions-boundary") {
    const arn = s.target.mode === "role" ? s.role?.permissionsBoundaryArn : s.user?.permissionsBoundaryArn;
    if (arn && isPolicyArn(arn)) return managed(arn, s);
    // Pasted offline, the boundary's document may come without its ARN: the name stays to fill in, as in the CLI.
    return { kind: "managed-policy", arn: "", name: "<boundary-policy-name>", path: "/", tags: null };
  }
  for (const owner of ["role", "user"] as const) {
    const prefix = `${owner}-policy:`;
    if (!document.startsWith(prefix)) continue;
    const name = document.slice(prefix.length);
    if (isPolicyArn(name)) return managed(name, s);
    return owner === "role"
      ? { kind: "inline-policy", owner, ownerName: roleName(s), policy: name, tags: s.role?.tags }
      : { kind: "inline-policy", owner, ownerName: userName(s), policy: name, tags: s.user?.tags };
  }
  if (document.startsWith("group-policy:")) {
    const rest = document.slice("group-policy:".length);
    const slash = rest.indexOf("/");
    if (slash < 0) return null;
    const name = rest.slice(slash + 1);
    if (isPolicyArn(name)) return managed(name, s);
    // IAM groups have no tags: whether a stack made one is not known.
    return { kind: "inline-policy", owner: "group", ownerName: rest.slice(0, slash), policy: name, tags: null };
  }
  // The bucket's tags (s3:GetBucketTagging) tell whether a stack made the bucket; its policy is a resource of its
  // own in a template (AWS::S3::BucketPolicy), untagged.
  const tags = s.bucket?.tags;
  if (document === "bucket-policy") return { kind: "bucket-policy", bucket, tags };
  if (document.startsWith("key-policy:")) {
    const key = document.slice("key-policy:".length);
    return { kind: "key-policy", key, tags: s.keys?.[key]?.tags };
  }
  if (document === "object-ownership") return { kind: "object-ownership", bucket, tags };
  if (document === "bucket-encryption") return { kind: "bucket-encryption", bucket, tags };
  if (document === "requester-pays") return { kind: "requester-pays", bucket, tags };
  if (document === "access-key") return { kind: "access-key", user: userName(s) };
  return null;
}
