import "server-only";
import type { SnapshotKey } from "@/lib/snapshot/schema";
import type { CallRef } from "../run";
import { parsePolicyDocument } from "../policy-document";
import type { Collection } from "./context";
import { pages } from "./pages";
import { accountOfArn, isKeyArn, regionOfArn } from "@/lib/policy/arn";
import { identityPoliciesRead, mentions } from "./read-tags";

/**
 * Row `keys`: reads a KMS key as soon as its id is known (from the default encryption or an object's HEAD); each
 * key is read once whatever form its id came in. An ARN is described, and its policy and aliases read, at once; an
 * alias or bare key id (aws/s3 included) lives in the bucket's region, so it waits for that region.
 */
export function ensureKey(c: Collection, id: string, parent: CallRef): void {
  if (c.keyIds.has(id)) return;
  const p = (async (): Promise<string | undefined> => {
    if (isKeyArn(id)) {
      c.spawn(readKeyDetails(c, id, parent));
      const d = await describeKey(c, id, id, regionOfArn(id) as string, parent);
      return d ? id : undefined;
    }
    const known = await c.signals.region.promise;
    const region = known.region ?? c.region;
    const after = known.ref && known.ref.depth > parent.depth ? known.ref : parent;
    const d = await describeKey(c, id, undefined, region, after);
    if (!d) return undefined;
    c.spawn(readKeyDetails(c, d.arn, d.ref));
    return d.arn;
  })();
  c.keyIds.set(id, p);
  c.spawn(p);
}

/** The ARNs of every key in use that could be described (for the simulator), once all are known. */
export async function describedKeyArns(c: Collection): Promise<string[]> {
  const arns = await Promise.all([...c.keyIds.values()]);
  return [...new Set(arns.filter((a): a is string => Boolean(a)))].sort();
}

function keyEntry(c: Collection, arn: string): SnapshotKey {
  let k = c.state.keys.get(arn);
  if (!k) {
    k = { region: regionOfArn(arn) ?? null, accountId: accountOfArn(arn) ?? null };
    c.state.keys.set(arn, k);
  }
  return k;
}

async function describeKey(
  c: Collection,
  id: string,
  knownArn: string | undefined,
  region: string,
  parent: CallRef,
): Promise<{ arn: string; ref: CallRef } | undefined> {
  const r = await c.call("kms:DescribeKey", "encryption", [parent], { KeyId: id }, { subject: id, region });
  if (!r.ok) {
    if (knownArn) keyEntry(c, knownArn);
    c.state.unavailable[`keys.${knownArn ?? id}`] = r.reason;
    return undefined;
  }
  const m = r.value.KeyMetadata;
  const arn = m?.Arn ?? knownArn ?? id;
  const k = keyEntry(c, arn);
  k.keyManager = m?.KeyManager === "AWS" ? "AWS" : m?.KeyManager === "CUSTOMER" ? "CUSTOMER" : null;
  k.keyState = m?.KeyState ?? null;
  k.region = regionOfArn(arn) ?? region;
  k.accountId = m?.AWSAccountId ?? accountOfArn(arn) ?? null;
  k.description = m?.Description ?? null;
  if (id.startsWith("alias/") || id.includes(":alias/")) {
    const alias = id.includes(":alias/") ? id.slice(id.indexOf(":alias/") + 1) : id;
    k.aliases = [...new Set([...(k.aliases ?? []), alias])].sort();
  }
  return { arn, ref: r.ref };
}

async function readKeyDetails(c: Collection, arn: string, parent: CallRef): Promise<void> {
  if (c.keyDetails.has(arn)) return;
  c.keyDetails.add(arn);
  const region = regionOfArn(arn) ?? c.region;
  const k = keyEntry(c, arn);
  const policyRead = (async () => {
    const r = await c.call(
      "kms:GetKeyPolicy",
      "encryption",
      [parent],
      { KeyId: arn, PolicyName: "default" },
      {
        subject: arn,
        region,
      },
    );
    if (r.ok) {
      const doc = parsePolicyDocument(r.value.Policy);
      if (doc) k.policy = doc;
      else c.state.unavailable[`keys.${arn}.policy`] = "Unreadable key policy from kms:GetKeyPolicy";
    } else c.state.unavailable[`keys.${arn}.policy`] = r.reason;
  })();
  await Promise.all([
    policyRead,
    // The key's tags: for aws:ResourceTag, when its key policy or an identity policy has such a condition; and for a
    // key of the caller's own account (tags cannot be listed across accounts), whether a
    // CloudFormation stack made it (aws:cloudformation:*), so that its key policy's fix names the stack.
    (async () => {
      const [, , caller] = await Promise.all([
        policyRead,
        c.signals.identityPoliciesRead.promise,
        c.signals.caller.promise,
      ]);
      const needed = mentions([...(k.policy ? [k.policy] : []), ...identityPoliciesRead(c.state)], "aws:ResourceTag/");
      // (An AWS managed key has no tags of its own: listing them answers none.)
      const own = !!caller.accountId && (accountOfArn(arn) ?? k.accountId) === caller.accountId;
      if (!needed && !own) return;
      const tags: Record<string, string> = {};
      const listed = await pages(
        c,
        "kms:ListResourceTags",
        "encryption",
        parent,
        (Marker) => ({ KeyId: arn, Marker }),
        (page) => {
          for (const t of page.Tags ?? []) if (t.TagKey) tags[t.TagKey] = t.TagValue ?? "";
        },
        { subject: arn, region },
      );
      // Unread tags matter only to a condition on them; without one, no stack is named.
      if (listed.failed) {
        if (needed) c.state.unavailable[`keys.${arn}.tags`] = listed.failed;
      } else k.tags = tags;
    })(),
    (async () => {
      const aliases: string[] = [];
      const listed = await pages(
        c,
        "kms:ListAliases",
        "encryption",
        parent,
        (Marker) => ({ KeyId: arn, Marker }),
        (page) => {
          for (const a of page.Aliases ?? []) if (a.AliasName) aliases.push(a.AliasName);
        },
        { subject: arn, region },
      );
      if (listed.failed) c.state.unavailable[`keys.${arn}.aliases`] = listed.failed;
      else k.aliases = [...new Set([...(k.aliases ?? []), ...aliases])].sort();
    })(),
  ]);
}
