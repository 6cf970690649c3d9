/**
 * Offline mode: turns the start form and the pasted documents into a Snapshot v1 for the analysis.
 * A document left empty is "not known" (absent from the snapshot, with a reason in `unavailable`).
 */
import { accountOfArn, parsePrincipalArn, regionOfArn } from "@/lib/policy/arn";
import type { PolicyDocument, Snapshot, Target } from "@/lib/snapshot/schema";
import { scrubSecrets } from "@/lib/security/secrets";
import { buildOfflineObjects, NOT_PROVIDED } from "./build-objects";
import type { OfflineDocuments, StartInput } from "./form-types";
import {
  parseBucketEncryption,
  parseObjectOwnership,
  type BucketEncryption,
  type ObjectOwnership,
} from "./parse-bucket-settings";
import { parseBucketPolicy, parseIdentityPolicy, parseKeyPolicy, parseTrustPolicy } from "./parse-pasted";
import type { PasteError, PasteSource } from "./paste-result";

export const NOT_PASTED = `${NOT_PROVIDED}: paste it in offline mode, or use live mode`;

export interface OfflineBuild {
  snapshot: Snapshot;
  errors: PasteError[];
  /** Field → what the pasted text was recognised as. */
  sources: Record<string, PasteSource>;
}

/** "s3://bucket/folder/" → "bucket" (best effort; the intake checks judge the URI itself). */
function bucketNameFromUri(uri: string): string | null {
  const m = /^s3:\/\/([^/]+)/i.exec(uri.trim());
  return m ? m[1] : null;
}

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/**
 * TiDB Cloud's access-key message echoes the secret access key; it must not leave the browser. Removes it in the
 * English and Japanese forms of the message, and anything else shaped like a secret (lib/security/secrets.ts).
 */
export function redactPastedErrorMessage(text: string): string {
  return scrubSecrets(text);
}

export function targetFromStart(start: StartInput): Target {
  const role = start.mode === "role";
  return {
    mode: start.mode,
    bucketUri: start.bucketUri.trim(),
    roleArn: role ? orNull(start.roleArn) : null,
    externalId: role ? orNull(start.externalId) : null,
    tidbAccountId: role ? orNull(start.tidbAccountId) : null,
    accessKeyId: role ? null : orNull(start.accessKeyId),
    region: orNull(start.region),
    errorMessage: start.errorMessage.trim() ? redactPastedErrorMessage(start.errorMessage.trim()) : null,
  };
}

function uniqueName(name: string, taken: Set<string>): string {
  let n = name;
  for (let i = 2; taken.has(n); i++) n = `${name}-${i}`;
  taken.add(n);
  return n;
}

export function buildOfflineSnapshot(start: StartInput, docs: OfflineDocuments): OfflineBuild {
  const errors: PasteError[] = [];
  const sources: Record<string, PasteSource> = {};
  const unavailable: Record<string, string> = {};
  const target = targetFromStart(start);

  // Trust policy (role mode).
  let trustPolicy: PolicyDocument | undefined;
  let roleArnFromPaste: string | undefined;
  let boundaryArn: string | undefined;
  if (start.mode === "role") {
    if (docs.trustPolicy.trim()) {
      const r = parseTrustPolicy(docs.trustPolicy, "trustPolicy");
      if (r.ok) {
        trustPolicy = r.value;
        sources.trustPolicy = r.source;
        roleArnFromPaste = r.meta?.roleArn;
        boundaryArn = r.meta?.permissionsBoundaryArn;
      } else errors.push(r.error);
    } else unavailable["role.trustPolicy"] = NOT_PASTED;
  }
  if (target.mode === "role" && !target.roleArn && roleArnFromPaste) target.roleArn = roleArnFromPaste;

  // Permission policies of the role or user.
  const inline: Record<string, PolicyDocument> = {};
  const attached: Record<string, PolicyDocument> = {};
  const taken = new Set<string>();
  let anyIdentity = false;
  docs.identityPolicies.forEach((p, i) => {
    if (!p.text.trim()) return;
    const field = `identityPolicies[${i}]`;
    const r = parseIdentityPolicy(p.text, field);
    if (!r.ok) {
      errors.push(r.error);
      return;
    }
    anyIdentity = true;
    sources[field] = r.source;
    const name = uniqueName(p.name.trim() || r.meta?.policyName || `policy-${i + 1}`, taken);
    const managed = parsePrincipalArn(name);
    if (managed.ok && managed.value.kind === "policy") attached[name] = r.value;
    else inline[name] = r.value;
  });
  const identityKnown = anyIdentity;
  if (!identityKnown) {
    const who = start.mode === "role" ? "role" : "user";
    unavailable[`${who}.inlinePolicies`] = NOT_PASTED;
    unavailable[`${who}.attachedPolicies`] = NOT_PASTED;
  }

  const principalArn = start.mode === "role" ? (target.roleArn ?? "") : docs.userArn.trim();
  const principalAccount = accountOfArn(principalArn);

  // Bucket settings.
  let bucketPolicy: PolicyDocument | null | undefined;
  if (docs.bucketPolicy.trim()) {
    const r = parseBucketPolicy(docs.bucketPolicy, "bucketPolicy");
    if (r.ok) {
      bucketPolicy = r.value;
      sources.bucketPolicy = r.source;
    } else errors.push(r.error);
  } else unavailable["bucket.policy"] = NOT_PASTED;

  let ownership: ObjectOwnership | undefined;
  if (docs.objectOwnership.trim()) {
    const r = parseObjectOwnership(docs.objectOwnership, "objectOwnership");
    if (r.ok) {
      ownership = r.value;
      sources.objectOwnership = r.source;
    } else errors.push(r.error);
  } else unavailable["bucket.objectOwnership"] = NOT_PASTED;

  let encryption: BucketEncryption | undefined;
  if (docs.bucketEncryption.trim()) {
    const r = parseBucketEncryption(docs.bucketEncryption, "bucketEncryption");
    if (r.ok) {
      encryption = r.value;
      sources.bucketEncryption = r.source;
    } else errors.push(r.error);
  } else unavailable["bucket.encryption"] = NOT_PASTED;

  // Key policies.
  const keys: NonNullable<Snapshot["keys"]> = {};
  docs.keyPolicies.forEach((k, i) => {
    if (!k.text.trim()) return;
    const field = `keyPolicies[${i}]`;
    const r = parseKeyPolicy(k.text, field);
    if (!r.ok) {
      errors.push(r.error);
      return;
    }
    sources[field] = r.source;
    const arn = k.keyArn.trim() || encryption?.kmsKeyId || "";
    if (!arn) {
      errors.push({
        field: `keyPolicies[${i}].keyArn`,
        path: "$",
        code: "empty",
        message: `keyPolicies[${i}].keyArn is empty: give the key ARN`,
      });
      return;
    }
    keys[arn] = {
      keyManager: "CUSTOMER",
      region: regionOfArn(arn),
      accountId: accountOfArn(arn),
      policy: r.value,
    };
  });

  const bucketName = bucketNameFromUri(target.bucketUri);
  const owner = orNull(docs.bucketOwnerAccountId) ?? principalAccount;
  const bucket: NonNullable<Snapshot["bucket"]> = {
    exists: true,
    name: bucketName,
    ...(target.region ? { region: target.region } : {}),
    ...(owner ? { ownerAccountId: owner } : {}),
    ...(bucketPolicy !== undefined ? { policy: bucketPolicy } : {}),
    ...(ownership !== undefined ? { objectOwnership: ownership } : {}),
    ...(encryption !== undefined ? { encryption } : {}),
  };
  const fromObjects = buildOfflineObjects(docs);
  errors.push(...fromObjects.errors);
  Object.assign(sources, fromObjects.sources);
  Object.assign(unavailable, fromObjects.unavailable);
  if (fromObjects.requesterPays !== undefined) bucket.requesterPays = fromObjects.requesterPays;

  const snapshot: Snapshot = { version: 1, target, bucket, unavailable };
  if (fromObjects.objects) {
    snapshot.objects = fromObjects.objects;
    snapshot.objectsTruncated = fromObjects.objectsTruncated ?? false;
  }
  if (Object.keys(keys).length > 0) snapshot.keys = keys;
  if (start.mode === "role") {
    snapshot.role = {
      exists: true,
      arn: target.roleArn ?? null,
      ...(trustPolicy ? { trustPolicy } : {}),
      ...(identityKnown ? { inlinePolicies: inline, attachedPolicies: attached } : {}),
      ...(boundaryArn ? { permissionsBoundaryArn: boundaryArn } : {}),
    };
  } else {
    snapshot.user = {
      exists: true,
      arn: orNull(docs.userArn),
      accountId: principalAccount,
      ...(identityKnown ? { inlinePolicies: inline, attachedPolicies: attached, groups: [] } : {}),
    };
  }
  return { snapshot, errors, sources };
}
