import "server-only";
import { parsePrincipalArn } from "@/lib/policy/arn";
import { parsePolicyDocument } from "../policy-document";
import type { Collection } from "./context";
import { attachedArns, readPolicyMap } from "./pages";
import { readInlinePolicy, readManagedPolicy } from "./read-policies";
import { readTags } from "./read-tags";
import type { RoleState } from "./state";

/**
 * Role mode (rows `role` and `rolePolicies`): GetRole (trust policy, unique id, boundary ARN, then the boundary's
 * document), and, at the same time, the inline and attached policies and the role's tags.
 */
export async function readRole(c: Collection): Promise<void> {
  const arn = c.target.roleArn as string;
  // validateCollectInput let only a role ARN through.
  const parsed = parsePrincipalArn(arn);
  const RoleName = parsed.ok ? parsed.value.name : "";
  const role: RoleState = { arn, name: RoleName };
  c.state.role = role;
  const withPolicies = c.reads.has("rolePolicies");
  const tasks: Promise<unknown>[] = [
    (async () => {
      const r = await c.call("iam:GetRole", "assume-role", [], { RoleName }, { subject: RoleName });
      if (!r.ok) {
        if (r.error.code === "not-found") role.exists = false;
        else role.getRoleFailed = r.reason;
        return;
      }
      role.exists = true;
      if (r.value.Role?.Arn) role.arn = r.value.Role.Arn;
      if (r.value.Role?.RoleId) role.id = r.value.Role.RoleId;
      role.trustPolicy = parsePolicyDocument(r.value.Role?.AssumeRolePolicyDocument);
      const boundaryArn = r.value.Role?.PermissionsBoundary?.PermissionsBoundaryArn;
      role.boundaryArn = boundaryArn ?? null;
      if (boundaryArn && withPolicies) {
        const b = await readManagedPolicy(c, boundaryArn, r.ref);
        if (b.ok) role.boundary = b.doc;
        else role.boundaryFailed = b.reason;
      } else if (!boundaryArn) role.boundary = null;
    })(),
  ];
  if (withPolicies) {
    tasks.push(
      readPolicyMap(
        c,
        undefined,
        "iam:ListRolePolicies",
        (Marker) => ({ RoleName, Marker }),
        (p) => p.PolicyNames ?? [],
        (PolicyName, parent) => readInlinePolicy(c, "iam:GetRolePolicy", { RoleName, PolicyName }, parent),
        RoleName,
      ).then((s) => (role.inline = s)),
      readPolicyMap(
        c,
        undefined,
        "iam:ListAttachedRolePolicies",
        (Marker) => ({ RoleName, Marker }),
        attachedArns,
        (policyArn, parent) => readManagedPolicy(c, policyArn, parent),
        RoleName,
      ).then((s) => (role.attached = s)),
      readTags(c, "iam:ListRoleTags", (Marker) => ({ RoleName, Marker }), RoleName).then((t) => {
        if (t.ok) role.tags = t.tags;
        else role.tagsFailed = t.reason;
      }),
    );
  }
  await Promise.all(tasks);
}
