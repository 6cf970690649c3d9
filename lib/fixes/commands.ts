import type { Snapshot } from "@/lib/snapshot/schema";

/** File name the CLI command reads the corrected JSON from, e.g. "role-policy-s3-read.json". */
function fileNameFor(document: string): string {
  if (document.startsWith("key-policy:")) return "key-policy.json";
  return (
    document
      .replace(/^arn:[^/]*\//, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/-$/, "") + ".json"
  );
}

function roleName(s: Snapshot): string {
  const arn = s.role?.arn ?? s.target.roleArn ?? "";
  return arn.split("/").pop() || "<role-name>";
}

function userName(s: Snapshot): string {
  return (s.user?.arn ?? "").split("/").pop() || "<user-name>";
}

const isArn = (x: string) => x.startsWith("arn:");

/**
 * A word as the shell reads it: as it is when plain (IAM names and ARNs are), single-quoted otherwise (a name pasted
 * offline may hold spaces, quotes or "$"). A placeholder to fill in ("<role-name>") stays as it is.
 */
function sh(word: string): string {
  if (/^<[a-z-]+>$/.test(word) || /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The AWS CLI command that applies the corrected document `document` (saved as fileNameFor(document)). */
export function cliFor(document: string, snapshot: Snapshot): string {
  const file = `file://${fileNameFor(document)}`;
  const bucket = snapshot.bucket?.name ?? "<bucket>";
  if (document === "trust-policy") {
    return `aws iam update-assume-role-policy --role-name ${sh(roleName(snapshot))} --policy-document ${file}`;
  }
  if (document === "permissions-boundary") {
    const arn =
      snapshot.role?.permissionsBoundaryArn ?? snapshot.user?.permissionsBoundaryArn ?? "<boundary-policy-arn>";
    return `aws iam create-policy-version --policy-arn ${sh(arn)} --policy-document ${file} --set-as-default`;
  }
  const managed = (name: string) =>
    `aws iam create-policy-version --policy-arn ${sh(name)} --policy-document ${file} --set-as-default`;
  if (document.startsWith("role-policy:")) {
    const name = document.slice("role-policy:".length);
    if (isArn(name)) return managed(name);
    return `aws iam put-role-policy --role-name ${sh(roleName(snapshot))} --policy-name ${sh(name)} --policy-document ${file}`;
  }
  if (document.startsWith("user-policy:")) {
    const name = document.slice("user-policy:".length);
    if (isArn(name)) return managed(name);
    return `aws iam put-user-policy --user-name ${sh(userName(snapshot))} --policy-name ${sh(name)} --policy-document ${file}`;
  }
  if (document.startsWith("group-policy:")) {
    const rest = document.slice("group-policy:".length);
    const slash = rest.indexOf("/");
    const group = rest.slice(0, slash);
    const name = rest.slice(slash + 1);
    if (isArn(name)) return managed(name);
    return `aws iam put-group-policy --group-name ${sh(group)} --policy-name ${sh(name)} --policy-document ${file}`;
  }
  if (document === "bucket-policy") return `aws s3api put-bucket-policy --bucket ${sh(bucket)} --policy ${file}`;
  if (document.startsWith("key-policy:")) {
    return `aws kms put-key-policy --key-id ${sh(document.slice("key-policy:".length))} --policy-name default --policy ${file}`;
  }
  if (document === "object-ownership") {
    return `aws s3api put-bucket-ownership-controls --bucket ${sh(bucket)} --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'`;
  }
  if (document === "bucket-encryption") {
    return `aws s3api put-bucket-encryption --bucket ${sh(bucket)} --server-side-encryption-configuration ${file}`;
  }
  return `# apply ${fileNameFor(document)}`;
}
