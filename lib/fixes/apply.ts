import type { Report } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { keyInTarget, parseBucketUri } from "@/lib/snapshot/bucket-uri";

type Doc = Record<string, unknown>;

function clearUnavailable(s: Snapshot, path: string) {
  if (!s.unavailable) return;
  for (const k of Object.keys(s.unavailable)) if (k === path || k.startsWith(path + ".")) delete s.unavailable[k];
}

function setInMap(
  holder: { inlinePolicies?: Record<string, Doc> | null; attachedPolicies?: Record<string, Doc> | null },
  name: string,
  after: Doc,
) {
  if (holder.attachedPolicies && name in holder.attachedPolicies) holder.attachedPolicies[name] = after;
  else if (name.startsWith("arn:")) (holder.attachedPolicies ??= {})[name] = after;
  else (holder.inlinePolicies ??= {})[name] = after;
}

/**
 * Applies every fix of a report to a copy of the snapshot, in report order (each fix's `after` builds on the
 * previous fixes of the same document). Settings fixes change the setting; the encryption fix also models the
 * re-copy of the folder its command performs.
 */
export function applyFixes(snapshot: Snapshot, report: Report): Snapshot {
  const s = structuredClone(snapshot);
  for (const f of report.findings) {
    const fix = f.fix;
    if (!fix || !fix.after) continue;
    const d = fix.document;
    const after = structuredClone(fix.after) as Doc;
    if (d === "trust-policy" && s.role) {
      s.role.trustPolicy = after;
      clearUnavailable(s, "role.trustPolicy");
    } else if (d === "permissions-boundary") {
      if (s.target.mode === "role" && s.role) s.role.permissionsBoundary = after;
      else if (s.user) s.user.permissionsBoundary = after;
    } else if (d.startsWith("role-policy:") && s.role) {
      setInMap(s.role, d.slice("role-policy:".length), after);
    } else if (d.startsWith("user-policy:") && s.user) {
      setInMap(s.user, d.slice("user-policy:".length), after);
    } else if (d.startsWith("group-policy:") && s.user) {
      const rest = d.slice("group-policy:".length);
      const slash = rest.indexOf("/");
      const g = (s.user.groups ?? []).find((x) => x.name === rest.slice(0, slash));
      if (g) setInMap(g, rest.slice(slash + 1), after);
    } else if (d === "bucket-policy" && s.bucket) {
      s.bucket.policy = after;
      clearUnavailable(s, "bucket.policy");
    } else if (d.startsWith("key-policy:") && s.keys) {
      const k = s.keys[d.slice("key-policy:".length)];
      if (k) k.policy = after;
    } else if (d === "object-ownership" && s.bucket) {
      s.bucket.objectOwnership = after.ObjectOwnership as "BucketOwnerEnforced";
    } else if (d === "requester-pays" && s.bucket) {
      s.bucket.requesterPays = after.Payer === "Requester";
    } else if (d === "access-key" && s.user?.accessKeys) {
      const k = s.user.accessKeys.find((x) => x.id === after.AccessKeyId);
      if (k) k.status = after.Status as "Active";
    } else if (d === "bucket-encryption" && s.bucket) {
      const rule = ((after.Rules as Doc[] | undefined)?.[0]?.ApplyServerSideEncryptionByDefault ?? {}) as Doc;
      const algorithm = (rule.SSEAlgorithm as "AES256" | "aws:kms" | "aws:kms:dsse") ?? "AES256";
      const kmsKeyId = (rule.KMSMasterKeyID as string | undefined) ?? null;
      s.bucket.encryption = { algorithm, kmsKeyId, bucketKeyEnabled: s.bucket.encryption?.bucketKeyEnabled ?? null };
      // The fix's second command copies the folder in place with the new encryption.
      const target = parseBucketUri(s.target.bucketUri);
      const t = target.ok ? target.value : target.value;
      for (const o of s.objects ?? []) {
        if (t && !keyInTarget(t, o.key)) continue;
        if (o.sse === "SSE-C") continue;
        o.sse = algorithm;
        o.kmsKeyId = algorithm === "AES256" ? null : kmsKeyId;
      }
    }
  }
  return s;
}
