import type { Fix, Report } from "@/lib/report/types";
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

const shallowMap = <T>(m: Record<string, T> | null | undefined) => (m ? { ...m } : m);

/**
 * A copy of the snapshot whose containers (maps, objects, settings) are new and whose policy documents are shared
 * with the original. Applying fixes to it never touches the original, and the engine's cache (policies compiled once
 * per document object) still serves every document no fix replaced: this keeps the proof of fixes cheap.
 */
function copyForFixes(snapshot: Snapshot): Snapshot {
  const s: Snapshot = { ...snapshot, target: { ...snapshot.target } };
  if (snapshot.unavailable) s.unavailable = { ...snapshot.unavailable };
  if (snapshot.role) {
    s.role = {
      ...snapshot.role,
      inlinePolicies: shallowMap(snapshot.role.inlinePolicies),
      attachedPolicies: shallowMap(snapshot.role.attachedPolicies),
    };
  }
  if (snapshot.user) {
    s.user = {
      ...snapshot.user,
      inlinePolicies: shallowMap(snapshot.user.inlinePolicies),
      attachedPolicies: shallowMap(snapshot.user.attachedPolicies),
      ...(snapshot.user.groups
        ? {
            groups: snapshot.user.groups.map((g) => ({
              ...g,
              inlinePolicies: shallowMap(g.inlinePolicies),
              attachedPolicies: shallowMap(g.attachedPolicies),
            })),
          }
        : {}),
      ...(snapshot.user.accessKeys ? { accessKeys: snapshot.user.accessKeys.map((k) => ({ ...k })) } : {}),
    };
  }
  if (snapshot.bucket) {
    s.bucket = {
      ...snapshot.bucket,
      ...(snapshot.bucket.encryption ? { encryption: { ...snapshot.bucket.encryption } } : {}),
    };
  }
  if (snapshot.keys) s.keys = Object.fromEntries(Object.entries(snapshot.keys).map(([k, v]) => [k, { ...v }]));
  if (snapshot.objects) s.objects = snapshot.objects.map((o) => ({ ...o }));
  return s;
}

/** Applies one fix's `after` to the snapshot, in place (the snapshot must be a copy: see copyForFixes). */
function applyOne(s: Snapshot, fix: Fix): void {
  if (!fix.after) return;
  const d = fix.document;
  const after = fix.after as Doc;
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

/**
 * Applies fixes in order to a copy of the snapshot (each fix's `after` builds on the previous fixes of the same
 * document). `copy: "shared"` shares the documents no fix replaced with the original (see copyForFixes).
 */
export function applyFixList(snapshot: Snapshot, fixes: readonly Fix[], copy: "deep" | "shared" = "deep"): Snapshot {
  const s = copy === "deep" ? structuredClone(snapshot) : copyForFixes(snapshot);
  for (const fix of fixes) applyOne(s, copy === "deep" ? structuredClone(fix) : fix);
  return s;
}

/**
 * Applies every fix of a report to a copy of the snapshot, in report order (each fix's `after` builds on the
 * previous fixes of the same document). Settings fixes change the setting; the encryption fix also models the
 * re-copy of the folder its command performs.
 */
export function applyFixes(snapshot: Snapshot, report: Report): Snapshot {
  return applyFixList(
    snapshot,
    report.findings.flatMap((f) => (f.fix ? [f.fix] : [])),
  );
}
