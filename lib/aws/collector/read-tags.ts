import "server-only";
import type { PolicyDocument, SnapshotObject } from "@/lib/snapshot/schema";
import type { CallRef } from "../run";
import { pickSample } from "../sample";
import type { ApiInput } from "./api";
import type { Collection } from "./context";
import { pages } from "./pages";
import type { CollectState } from "./state";

type TagRead = { ok: true; tags: Record<string, string> } | { ok: false; reason: string };

/** The tags of a role or a user (iam:ListRoleTags / iam:ListUserTags, page by page): aws:PrincipalTag. */
export async function readTags<O extends "iam:ListRoleTags" | "iam:ListUserTags">(
  c: Collection,
  op: O,
  input: (marker: string | undefined) => ApiInput<O>,
  subject: string,
  parent?: CallRef,
): Promise<TagRead> {
  const tags: Record<string, string> = {};
  const listed = await pages(
    c,
    op,
    "identity-policy",
    parent,
    input,
    (page) => {
      for (const t of page.Tags ?? []) if (t.Key) tags[t.Key] = t.Value ?? "";
    },
    { subject },
  );
  return listed.failed ? { ok: false, reason: listed.failed } : { ok: true, tags };
}

/** The identity policies and the permissions boundary read so far (of the role, or of the user and its groups). */
export function identityPoliciesRead(state: CollectState): PolicyDocument[] {
  const docs: (PolicyDocument | null | undefined)[] = [];
  for (const p of [state.role, state.user]) {
    if (!p) continue;
    docs.push(...Object.values(p.inline?.docs ?? {}), ...Object.values(p.attached?.docs ?? {}), p.boundary);
  }
  for (const g of state.user?.groups ?? [])
    docs.push(...Object.values(g.inline?.docs ?? {}), ...Object.values(g.attached?.docs ?? {}));
  return docs.filter((d): d is PolicyDocument => !!d);
}

/** Whether a policy has a condition key (or policy variable) of this family, e.g. "s3:ExistingObjectTag/". */
export function mentions(docs: PolicyDocument[], family: string): boolean {
  const f = family.toLowerCase();
  return docs.some((d) => JSON.stringify(d).toLowerCase().includes(f));
}

/**
 * Row `objectTags`: once the listing, the bucket policy and (when read) the identity policies are in, and only when
 * one of them has an s3:ExistingObjectTag condition, the tags of the same sample of objects the HEADs read.
 */
export async function readObjectTags(c: Collection): Promise<void> {
  await Promise.all([
    c.signals.listed.promise,
    c.signals.bucketPolicyRead.promise,
    c.signals.identityPoliciesRead.promise,
  ]);
  const list = c.state.objects.list;
  const policies = [...(c.state.bucket.policy ? [c.state.bucket.policy] : []), ...identityPoliciesRead(c.state)];
  if (!list || !mentions(policies, "s3:ExistingObjectTag/")) return;
  await Promise.all(pickSample(list, c.headSample).map((obj) => tagObject(c, obj)));
}

async function tagObject(c: Collection, obj: SnapshotObject): Promise<void> {
  const r = await c.call(
    "s3:GetObjectTagging",
    "bucket-policy",
    [],
    { Bucket: c.uri.bucket, Key: obj.key },
    { subject: obj.key },
  );
  if (!r.ok) {
    c.state.objects.tagsFailed.set(obj.key, r.reason);
    return;
  }
  const tags: Record<string, string> = {};
  for (const t of r.value.TagSet ?? []) if (t.Key) tags[t.Key] = t.Value ?? "";
  obj.tags = tags;
}
