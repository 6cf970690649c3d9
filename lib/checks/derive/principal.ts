import type { Snapshot } from "@/lib/snapshot/schema";

/** Who makes the import's S3 and KMS requests. */
export interface ImportPrincipal {
  kind: "role" | "user";
  /**
   * ARN the request is made as: the role ARN in role mode, which the policy engine takes for a session of the role
   * whose name is not known (TiDB Cloud chooses it), and the user ARN in access-key mode.
   */
  requestArn: string;
  /** aws:PrincipalArn: the role ARN (not the session) or the user ARN. */
  principalArn: string;
  accountId: string;
  /** Role or user name (without path). */
  name: string;
  partition: string;
}

const IAM_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):(role|user)\/(?:.*\/)?([\w+=,.@-]+)$/;

export function parseIamArn(
  arn: string | null | undefined,
): { partition: string; accountId: string; type: "role" | "user"; name: string } | null {
  const m = IAM_ARN.exec(arn ?? "");
  if (!m) return null;
  return { partition: m[1], accountId: m[2], type: m[3] as "role" | "user", name: m[4] };
}

export function importPrincipal(snapshot: Snapshot): ImportPrincipal | null {
  if (snapshot.target.mode === "role") {
    const arn = snapshot.role?.arn ?? snapshot.target.roleArn;
    const p = parseIamArn(arn);
    if (!p || p.type !== "role") return null;
    return {
      kind: "role",
      requestArn: arn!,
      principalArn: arn!,
      accountId: p.accountId,
      name: p.name,
      partition: p.partition,
    };
  }
  const arn = snapshot.user?.arn;
  const p = parseIamArn(arn);
  if (!p || p.type !== "user") return null;
  return {
    kind: "user",
    requestArn: arn!,
    principalArn: arn!,
    accountId: snapshot.user?.accountId ?? p.accountId,
    name: p.name,
    partition: p.partition,
  };
}
