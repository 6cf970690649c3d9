import { parsePrincipalArn } from "@/lib/policy/arn";
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

/** A role or user ARN by the one principal-ARN parser; null for anything else. */
function parseIamArn(
  arn: string | null | undefined,
): { partition: string; accountId: string; type: "role" | "user"; name: string } | null {
  const p = parsePrincipalArn(arn);
  if (!p.ok || (p.value.kind !== "role" && p.value.kind !== "user")) return null;
  return { partition: p.value.partition, accountId: p.value.account, type: p.value.kind, name: p.value.name };
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
