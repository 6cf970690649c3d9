import "server-only";
import type { CallRef } from "../run";
import type { Collection } from "./context";
import { attachedArns, pages, readPolicyMap } from "./pages";
import { readInlinePolicy, readManagedPolicy } from "./read-policies";
import { readTags } from "./read-tags";
import type { GroupState, UserState } from "./state";

/** An answer's date as ISO 8601 (the SDK gives a Date, the AWS CLI a string). */
function isoDate(v: unknown): string | undefined {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "string" && !Number.isNaN(Date.parse(v))) return new Date(v).toISOString();
  return undefined;
}

/**
 * Access-key mode (rows `user` and `userPolicies`): the key's account (GetAccessKeyInfo) and, from the key id
 * alone, its user (GetAccessKeyLastUsed); then at once the user itself, its keys, its inline and attached policies
 * and its groups.
 */
export async function readUser(c: Collection): Promise<void> {
  const AccessKeyId = c.target.accessKeyId as string;
  const user: UserState = {};
  c.state.user = user;
  const tasks: Promise<unknown>[] = [
    (async () => {
      const r = await c.call("sts:GetAccessKeyInfo", "identity-policy", [], { AccessKeyId }, { subject: AccessKeyId });
      if (r.ok) user.accountId = r.value.Account;
      else user.accountFailed = r.reason;
    })(),
  ];

  const last = await c.call(
    "iam:GetAccessKeyLastUsed",
    "identity-policy",
    [],
    { AccessKeyId },
    { subject: AccessKeyId },
  );
  if (!last.ok || !last.value.UserName) {
    c.signals.userArn.resolve({});
    user.failed = last.ok ? "No user name in iam:GetAccessKeyLastUsed" : last.reason;
    await Promise.all(tasks);
    return;
  }
  const UserName = last.value.UserName;
  user.name = UserName;
  user.lastUsedService = last.value.AccessKeyLastUsed?.ServiceName;
  user.lastUsedDate = isoDate(last.value.AccessKeyLastUsed?.LastUsedDate);
  const parent = last.ref;
  const withPolicies = c.reads.has("userPolicies");

  tasks.push(
    (async () => {
      const r = await c.call("iam:GetUser", "identity-policy", [parent], { UserName }, { subject: UserName });
      c.signals.userArn.resolve({ arn: r.ok ? r.value.User?.Arn : undefined, ref: r.ref });
      if (!r.ok) {
        if (r.error.code === "not-found") user.exists = false;
        else user.failed = r.reason;
        return;
      }
      user.exists = true;
      user.arn = r.value.User?.Arn;
      if (r.value.User?.UserId) user.id = r.value.User.UserId;
      const boundaryArn = r.value.User?.PermissionsBoundary?.PermissionsBoundaryArn;
      user.boundaryArn = boundaryArn ?? null;
      if (boundaryArn && withPolicies) {
        const b = await readManagedPolicy(c, boundaryArn, r.ref);
        if (b.ok) user.boundary = b.doc;
        else user.boundaryFailed = b.reason;
      } else if (!boundaryArn) user.boundary = null;
    })(),
    (async () => {
      const keys: NonNullable<UserState["keys"]> = [];
      const listed = await pages(
        c,
        "iam:ListAccessKeys",
        "identity-policy",
        parent,
        (Marker) => ({ UserName, Marker }),
        (page) => {
          for (const k of page.AccessKeyMetadata ?? [])
            if (k.AccessKeyId) keys.push({ id: k.AccessKeyId, status: k.Status === "Active" ? "Active" : "Inactive" });
        },
        { subject: UserName },
      );
      if (listed.failed) user.keysFailed = listed.failed;
      else user.keys = keys;
    })(),
  );
  if (withPolicies) {
    tasks.push(
      readPolicyMap(
        c,
        parent,
        "iam:ListUserPolicies",
        (Marker) => ({ UserName, Marker }),
        (p) => p.PolicyNames ?? [],
        (PolicyName, ref) => readInlinePolicy(c, "iam:GetUserPolicy", { UserName, PolicyName }, ref),
        UserName,
      ).then((s) => (user.inline = s)),
      readPolicyMap(
        c,
        parent,
        "iam:ListAttachedUserPolicies",
        (Marker) => ({ UserName, Marker }),
        attachedArns,
        (policyArn, ref) => readManagedPolicy(c, policyArn, ref),
        UserName,
      ).then((s) => (user.attached = s)),
      readGroups(c, UserName, parent, user),
      readTags(c, "iam:ListUserTags", (Marker) => ({ UserName, Marker }), UserName, parent).then((t) => {
        if (t.ok) user.tags = t.tags;
        else user.tagsFailed = t.reason;
      }),
    );
  }
  await Promise.all(tasks);
}

/** The user's groups, and each group's inline and attached policies as soon as its page of groups arrives. */
async function readGroups(c: Collection, UserName: string, first: CallRef, user: UserState): Promise<void> {
  const groups: GroupState[] = [];
  const tasks: Promise<unknown>[] = [];
  const listed = await pages(
    c,
    "iam:ListGroupsForUser",
    "identity-policy",
    first,
    (Marker) => ({ UserName, Marker }),
    (page, ref) => {
      for (const g of page.Groups ?? []) {
        const GroupName = g.GroupName;
        if (!GroupName) continue;
        const group: GroupState = { name: GroupName };
        groups.push(group);
        tasks.push(
          readPolicyMap(
            c,
            ref,
            "iam:ListGroupPolicies",
            (Marker) => ({ GroupName, Marker }),
            (p) => p.PolicyNames ?? [],
            (PolicyName, pref) => readInlinePolicy(c, "iam:GetGroupPolicy", { GroupName, PolicyName }, pref),
            GroupName,
          ).then((s) => (group.inline = s)),
          readPolicyMap(
            c,
            ref,
            "iam:ListAttachedGroupPolicies",
            (Marker) => ({ GroupName, Marker }),
            attachedArns,
            (policyArn, pref) => readManagedPolicy(c, policyArn, pref),
            GroupName,
          ).then((s) => (group.attached = s)),
        );
      }
    },
    { subject: UserName },
  );
  if (listed.failed) user.groupsFailed = listed.failed;
  await Promise.all(tasks);
  if (!user.groupsFailed) user.groups = groups;
}
