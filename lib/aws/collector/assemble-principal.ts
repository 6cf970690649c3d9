/** The role's and the user's part of `assemble` (pure). */
import type { PolicyDocument, SnapshotRole, SnapshotUser } from "@/lib/snapshot/schema";
import { accountOfArn } from "@/lib/policy/arn";
import {
  deadlineReason as deadline,
  type CollectState,
  type PolicyMapState,
  type RoleState,
  type UserState,
} from "./state";

function mapOrUnavailable(
  state: PolicyMapState | undefined,
  path: string,
  listOp: string,
  un: Record<string, string>,
): Record<string, PolicyDocument> | undefined {
  if (state && !state.failed) return state.docs;
  un[path] = state?.failed ?? deadline(listOp);
  return undefined;
}

export function assembleRole(s: CollectState, r: RoleState, un: Record<string, string>): SnapshotRole | undefined {
  if (r.exists === false) return { exists: false, arn: r.arn };
  const listed = (r.inline && !r.inline.failed) || (r.attached && !r.attached.failed);
  if (r.exists === undefined && !listed) {
    un["role"] = r.getRoleFailed ?? deadline("iam:GetRole");
    return undefined;
  }
  const role: SnapshotRole = { exists: true, arn: r.arn };
  if (r.id) role.id = r.id;
  if (r.exists) {
    if (r.trustPolicy) role.trustPolicy = r.trustPolicy;
    else un["role.trustPolicy"] = "Unreadable trust policy from iam:GetRole";
  } else un["role.trustPolicy"] = r.getRoleFailed ?? deadline("iam:GetRole");
  if (s.reads.has("rolePolicies")) {
    const inline = mapOrUnavailable(r.inline, "role.inlinePolicies", "iam:ListRolePolicies", un);
    if (inline) role.inlinePolicies = inline;
    const attached = mapOrUnavailable(r.attached, "role.attachedPolicies", "iam:ListAttachedRolePolicies", un);
    if (attached) role.attachedPolicies = attached;
    if (r.tags) role.tags = r.tags;
    else un["role.tags"] = r.tagsFailed ?? deadline("iam:ListRoleTags");
    if (r.boundaryArn) role.permissionsBoundaryArn = r.boundaryArn;
    if (r.boundary !== undefined) role.permissionsBoundary = r.boundary;
    else if (r.exists) un["role.permissionsBoundary"] = r.boundaryFailed ?? deadline("iam:GetPolicyVersion");
    else un["role.permissionsBoundary"] = r.getRoleFailed ?? deadline("iam:GetRole");
  }
  return role;
}

export function assembleUser(s: CollectState, u: UserState, un: Record<string, string>): SnapshotUser | undefined {
  if (u.accountFailed && !u.accountId) un["user.accountId"] = u.accountFailed;
  if (u.exists === false) return { exists: false, ...(u.accountId ? { accountId: u.accountId } : {}) };
  if (!u.exists) {
    const reason = u.failed ?? deadline("iam:GetUser");
    const callerAccount = s.caller?.accountId;
    const other = u.accountId && u.accountId !== callerAccount;
    // The key's account is known even when its user is not: say so (another account's users cannot be read).
    un["user"] = other
      ? `${reason} (the key belongs to account ${u.accountId}, not the diagnosing credentials' ${callerAccount ?? "account"})`
      : reason;
    return undefined;
  }
  const user: SnapshotUser = { exists: true };
  if (u.arn) user.arn = u.arn;
  if (u.id) user.id = u.id;
  const account = u.accountId ?? accountOfArn(u.arn);
  if (account) user.accountId = account;
  if (s.reads.has("userPolicies")) {
    const inline = mapOrUnavailable(u.inline, "user.inlinePolicies", "iam:ListUserPolicies", un);
    if (inline) user.inlinePolicies = inline;
    const attached = mapOrUnavailable(u.attached, "user.attachedPolicies", "iam:ListAttachedUserPolicies", un);
    if (attached) user.attachedPolicies = attached;
    if (u.groups) {
      const failed = u.groups.find((g) => g.inline?.failed || g.attached?.failed || !g.inline || !g.attached);
      if (failed) {
        un["user.groups"] = failed.inline?.failed ?? failed.attached?.failed ?? deadline("iam:ListGroupPolicies");
      } else {
        user.groups = u.groups.map((g) => ({
          name: g.name,
          inlinePolicies: g.inline?.docs ?? {},
          attachedPolicies: g.attached?.docs ?? {},
        }));
      }
    } else un["user.groups"] = u.groupsFailed ?? deadline("iam:ListGroupsForUser");
    if (u.tags) user.tags = u.tags;
    else un["user.tags"] = u.tagsFailed ?? deadline("iam:ListUserTags");
    if (u.boundaryArn) user.permissionsBoundaryArn = u.boundaryArn;
    if (u.boundary !== undefined) user.permissionsBoundary = u.boundary;
    else un["user.permissionsBoundary"] = u.boundaryFailed ?? deadline("iam:GetPolicyVersion");
  }
  if (u.keys) {
    user.accessKeys = u.keys.map((k) =>
      k.id === s.target.accessKeyId
        ? {
            ...k,
            ...(u.lastUsedService ? { lastUsedService: u.lastUsedService } : {}),
            ...(u.lastUsedDate ? { lastUsedDate: u.lastUsedDate } : {}),
          }
        : k,
    );
  } else un["user.accessKeys"] = u.keysFailed ?? deadline("iam:ListAccessKeys");
  return user;
}
