/**
 * What AWS puts in the request context of the import's requests, and what of it we cannot know. Every key AWS sets on
 * these requests is either given (context), partly known (partialContext), unknown (unknownKeys, with the reason in
 * unknown-keys.ts), or deliberately absent (Null is true, …IfExists matches):
 *
 * Absent or TiDB Cloud's own, never the customer's: aws:SourceVpce, aws:SourceVpc, aws:VpcSourceIp (NETWORK_PARTIAL).
 * Absent: s3:delimiter (TiDB's storage layer lists with a prefix and no delimiter: pingcap/tidb `WalkDir`), a tag the
 * principal, object or key does not have (when its tags are known), aws:MultiFactorAuthPresent on an IAM user's own
 * requests (long-term credentials).
 *
 * Present although nothing varies: aws:PrincipalIsAWSService false ("always included … for all signed API requests":
 * TiDB Cloud's principal is a role session or an IAM user, never a service principal, also when S3 calls KMS on its
 * behalf); aws:MultiFactorAuthPresent false on temporary credentials (a role session TiDB Cloud opens without MFA,
 * and the temporary credentials S3 uses for the kms:Decrypt it makes on an IAM user's behalf: IAM User Guide,
 * reference_policies_condition-keys.md, aws:MultiFactorAuthPresent); s3:ResourceAccount, the bucket owner (the S3
 * twin of aws:ResourceAccount: Service Authorization Reference, Amazon S3 condition keys); kms:EncryptionContextKeys
 * ["aws:s3:arn"], the one key of the encryption context S3 uses (Amazon S3 User Guide, UsingKMSEncryption.md).
 *
 * Sources: IAM User Guide "AWS global condition context keys"; Amazon S3 "Actions, resources, and condition keys";
 * AWS KMS "Condition keys for AWS KMS"; S3 "Protecting data in transit with encryption" (TLS 1.2 and 1.3).
 */
import type { ContextValue, PartialValue } from "@/lib/policy/types";
import { wildcardMatch } from "@/lib/policy";
import type { Snapshot } from "@/lib/snapshot/schema";
import { statementsOf } from "./ask";
import type { KeyInUse } from "./keys";
import type { ImportPrincipal } from "./principal";

/** A request's context in three parts, as the policy engine takes them. */
export interface RequestContextParts {
  context: Record<string, ContextValue>;
  unknownKeys: string[];
  partialContext: Record<string, PartialValue>;
}

/** Keys TiDB Cloud's requests carry whose value nobody outside TiDB Cloud knows. */
const ALWAYS_UNKNOWN = ["aws:SourceIp", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths"];
/**
 * S3 keys of TiDB Cloud's client whose value it does not publish: whether it signs the payload (x-amz-content-sha256
 * holds the payload's hash or UNSIGNED-PAYLOAD).
 */
const S3_CLIENT_UNKNOWN = ["s3:x-amz-content-sha256"];
/** Role mode: set by TiDB Cloud's AssumeRole call (the session name it chooses). */
const ROLE_SESSION_UNKNOWN = ["sts:RoleSessionName"];

/**
 * The network keys of a request that may come through a VPC endpoint of TiDB Cloud's own network (whether its
 * requests to S3 do is not published), never through the customer's: absent, or a value that none of the customer's
 * endpoint, VPC or address conditions names. The stand-in values look like an endpoint and a VPC id, so that a
 * pattern such as "vpce-*" matches them as it would TiDB Cloud's; aws:VpcSourceIp (a private address) is any address.
 * IAM User Guide, reference_policies_condition-keys.md: aws:SourceVpce, aws:SourceVpc and aws:VpcSourceIp are present
 * "only if the requester uses a VPC endpoint".
 */
const TIDB_CLOUD_VPCE = "vpce-tidbcloudnotyours";
const TIDB_CLOUD_VPC = "vpc-tidbcloudnotyours";
const NETWORK_PARTIAL: Record<string, PartialValue> = {
  "aws:SourceVpce": { oneOf: [TIDB_CLOUD_VPCE], orAbsent: true },
  "aws:SourceVpc": { oneOf: [TIDB_CLOUD_VPC], orAbsent: true },
  "aws:VpcSourceIp": { prefix: "", orAbsent: true },
};

/** S3 negotiates TLS 1.2 or 1.3 (it refuses older versions), so s3:TlsVersion is one of these. */
const TLS_VERSIONS = ["1.2", "1.3"];

function tagEntries(prefix: string, tags: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) out[`${prefix}${k}`] = v;
  return out;
}

/** Whether some Allow statement of the trust policy names `action` (true when the trust policy is not known). */
function trustMayAllow(snapshot: Snapshot, action: string): boolean {
  const trust = snapshot.role?.trustPolicy;
  if (!trust) return true;
  return statementsOf(trust).some((st) => {
    if (st.Effect !== "Allow") return false;
    const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
    if (st.NotAction !== undefined)
      return !list(st.NotAction).some((a) => wildcardMatch(a, action, { caseInsensitive: true }));
    return list(st.Action).some((a) => wildcardMatch(a, action, { caseInsensitive: true }));
  });
}

/**
 * Whether TiDB Cloud could pass session tags: only when the trust policy allows sts:TagSession (AssumeRole with tags
 * needs it). Session tags would add to or override the role's tags in aws:PrincipalTag. Not known without the trust
 * policy.
 */
export function sessionTagsPossible(snapshot: Snapshot): boolean {
  return trustMayAllow(snapshot, "sts:TagSession");
}

/**
 * Whether TiDB Cloud could set a source identity: only when the trust policy allows sts:SetSourceIdentity (IAM User
 * Guide, id_credentials_temp_control-access_monitor.md, "Permissions required to set source identity"). Without it
 * aws:SourceIdentity is absent from the session's requests; with it, present or absent, its value TiDB Cloud's.
 */
function sourceIdentityPossible(snapshot: Snapshot): boolean {
  return trustMayAllow(snapshot, "sts:SetSourceIdentity");
}

/** Keys of the principal, common to every request: identity, its unique id, its tags, the session it works in. */
export function principalContext(snapshot: Snapshot, p: ImportPrincipal, now: Date): RequestContextParts {
  const context: Record<string, ContextValue> = {
    "aws:SecureTransport": "true",
    "aws:PrincipalArn": p.principalArn,
    "aws:PrincipalAccount": p.accountId,
    "aws:PrincipalType": p.kind === "role" ? "AssumedRole" : "User",
    "aws:PrincipalIsAWSService": "false",
    "aws:CurrentTime": now.toISOString(),
    "aws:EpochTime": String(Math.floor(now.getTime() / 1000)),
  };
  const unknownKeys = [...ALWAYS_UNKNOWN];
  const partialContext: Record<string, PartialValue> = {};
  if (p.kind === "role") {
    // TiDB Cloud assumes the role for each import, so the session is issued about now; this is what makes a leftover
    // AWSRevokeOlderSessions Deny (DateLessThan aws:TokenIssueTime) not apply to a new attempt.
    context["aws:TokenIssueTime"] = now.toISOString();
    // Temporary credentials: the key is present, and false since TiDB Cloud's AssumeRole passes no MFA code.
    context["aws:MultiFactorAuthPresent"] = "false";
    unknownKeys.push(...ROLE_SESSION_UNKNOWN);
    if (sourceIdentityPossible(snapshot)) partialContext["aws:SourceIdentity"] = { prefix: "", orAbsent: true };
    // aws:userid of a role session is "<role id>:<session name>": the id is known when the role was read.
    const id = snapshot.role?.id;
    if (id) partialContext["aws:userid"] = { prefix: `${id}:` };
    else unknownKeys.push("aws:userid");
    const tags = snapshot.role?.tags;
    if (tags && !sessionTagsPossible(snapshot)) Object.assign(context, tagEntries("aws:PrincipalTag/", tags));
    else unknownKeys.push("aws:PrincipalTag/*");
  } else {
    const id = snapshot.user?.id;
    if (id) context["aws:userid"] = id;
    else unknownKeys.push("aws:userid");
    const tags = snapshot.user?.tags;
    if (tags) Object.assign(context, tagEntries("aws:PrincipalTag/", tags));
    else unknownKeys.push("aws:PrincipalTag/*");
  }
  return { context, unknownKeys, partialContext };
}

/** The S3 part: TLS, the bucket owner, an object's tags (GetObject), no tags of the bucket (not read). */
export function s3Context(
  snapshot: Snapshot,
  base: RequestContextParts,
  objectKey: string | null,
): RequestContextParts {
  const context: Record<string, ContextValue> = {
    ...base.context,
    // S3 is called directly by TiDB Cloud, not through another AWS service.
    "aws:ViaAWSService": "false",
    "s3:authType": "REST-HEADER",
    "s3:signatureversion": "AWS4-HMAC-SHA256",
  };
  const unknownKeys = [...base.unknownKeys, "aws:ResourceTag/*", ...S3_CLIENT_UNKNOWN];
  const owner = snapshot.bucket?.ownerAccountId;
  if (owner) context["aws:ResourceAccount"] = context["s3:ResourceAccount"] = owner;
  else unknownKeys.push("aws:ResourceAccount", "s3:ResourceAccount");
  if (objectKey !== null) {
    const tags = (snapshot.objects ?? []).find((o) => o.key === objectKey)?.tags;
    if (tags) Object.assign(context, tagEntries("s3:ExistingObjectTag/", tags));
    else unknownKeys.push("s3:ExistingObjectTag/*");
  }
  return {
    context,
    unknownKeys,
    partialContext: { ...base.partialContext, ...NETWORK_PARTIAL, "s3:TlsVersion": { oneOf: TLS_VERSIONS } },
  };
}

/** Alias names as kms:ResourceAliases holds them ("alias/name"). */
function aliasValues(aliases: string[]): string[] {
  return aliases.map((a) => {
    const name = a.replace(/^arn:[^:]+:kms:[^:]*:\d*:/, "");
    return name.startsWith("alias/") ? name : `alias/${name}`;
  });
}

/** The KMS part: the key's account, aliases and tags. */
export function kmsContext(base: RequestContextParts, key: KeyInUse): RequestContextParts {
  const context: Record<string, ContextValue> = { ...base.context };
  const unknownKeys = [...base.unknownKeys];
  if (key.accountId) context["aws:ResourceAccount"] = key.accountId;
  else unknownKeys.push("aws:ResourceAccount");
  const aliases = key.key?.aliases ?? (key.manager === "AWS" && !key.key ? ["alias/aws/s3"] : null);
  if (aliases) {
    if (aliases.length) context["kms:ResourceAliases"] = aliasValues(aliases);
  } else unknownKeys.push("kms:ResourceAliases");
  const tags = key.key?.tags;
  if (tags) Object.assign(context, tagEntries("aws:ResourceTag/", tags));
  else unknownKeys.push("aws:ResourceTag/*");
  return { context, unknownKeys, partialContext: { ...base.partialContext } };
}
