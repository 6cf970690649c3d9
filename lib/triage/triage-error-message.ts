/**
 * Error-message triage: recognises the text TiDB Cloud or S3 printed and says which step of the guide to open.
 * Pure string parsing of an error message (never of a policy). Never throws.
 */
import type { StepId } from "@/lib/report/types";

export type TriageKind =
  | "tidb-assume-role"
  | "tidb-access-key"
  | "sts-assume-role-denied"
  | "s3-access-denied"
  | "kms-access-denied"
  | "block-public-access"
  | "archived-object"
  | "invalid-access-key"
  | "signature-mismatch"
  | "bucket-region"
  | "generic-access-denied";

export type PolicyType = "identity" | "resource" | "scp" | "rcp" | "vpc-endpoint" | "permissions-boundary" | "session";

export interface Triage {
  kind: TriageKind;
  /** The wizard step to open. */
  step: StepId;
  roleArn?: string;
  bucketUri?: string;
  accessKeyId?: string;
  /** The principal named by an AWS message ("User: …"). */
  principal?: string;
  action?: string;
  resource?: string;
  policyType?: PolicyType;
  /** true for "with an explicit deny in …", false for "because no … policy allows …". */
  explicit?: boolean;
}

const ROLE_ARN = /arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]*[\w+=,@/-]/;
const POLICY_TYPES: [RegExp, PolicyType][] = [
  [/identity[- ]based/i, "identity"],
  [/resource[- ]based/i, "resource"],
  [/service control/i, "scp"],
  [/resource control/i, "rcp"],
  [/vpc endpoint/i, "vpc-endpoint"],
  [/permissions boundary/i, "permissions-boundary"],
  [/session/i, "session"],
];

function policyTypeOf(text: string): PolicyType | undefined {
  return POLICY_TYPES.find(([re]) => re.test(text))?.[1];
}

function stepFor(policyType: PolicyType | undefined, action: string | undefined): StepId {
  const kms = action?.toLowerCase().startsWith("kms:");
  switch (policyType) {
    case "identity":
    case "permissions-boundary":
      return kms ? "encryption" : "identity-policy";
    case "resource":
      return kms ? "encryption" : action?.toLowerCase().startsWith("sts:") ? "assume-role" : "bucket-policy";
    case "scp":
    case "rcp":
    case "vpc-endpoint":
    case "session":
      return "summary";
    default:
      return kms ? "encryption" : "identity-policy";
  }
}

/** Recognises TiDB Cloud's and S3's AccessDenied messages; null when the text is not one of them. */
export function triageErrorMessage(text: string | null | undefined): Triage | null {
  if (typeof text !== "string") return null;
  const t = text.replace(/\s+/g, " ").trim();
  if (!t) return null;

  // AWS's detailed message: User: <arn> is not authorized to perform: <action> on resource: "<arn>" because/with …
  const aws =
    /User: (\S+) is not authorized to perform: ([\w-]+:[\w*]+)(?: on resource: (?:"([^"]+)"|(\S+?)))?(?=\.?\s|\.?$)(.*)$/i.exec(
      t,
    );
  // TiDB Cloud, role mode.
  const assume = /(?:cannot|impossible to) assume the provided role/i.test(t);
  if (assume) {
    return {
      kind: "tidb-assume-role",
      step: "assume-role",
      ...(ROLE_ARN.exec(t) ? { roleArn: ROLE_ARN.exec(t)![0] } : {}),
    };
  }
  // TiDB Cloud, access-key mode. The secret access key in the message is never extracted.
  const source = /Access denied to the source '([^']+)'(?: using the access key ID '([^']+)')?/i.exec(t);
  if (source) {
    return {
      kind: "tidb-access-key",
      step: "identity-policy",
      bucketUri: source[1],
      ...(source[2] ? { accessKeyId: source[2] } : {}),
    };
  }
  if (aws) {
    const [, principal, action, quoted, bare, rest] = aws;
    const resource = quoted ?? bare;
    const explicitM = /with an explicit deny in an? (.+?)(?: policy)?(?:\.|$)/i.exec(rest);
    const implicitM = /because no (.+?) (?:policy )?allows the/i.exec(rest);
    const policyType = policyTypeOf(explicitM?.[1] ?? implicitM?.[1] ?? "");
    const lower = action.toLowerCase();
    const base = {
      principal,
      action,
      ...(resource ? { resource } : {}),
      ...(policyType ? { policyType } : {}),
      ...(explicitM ? { explicit: true } : implicitM ? { explicit: false } : {}),
    };
    if (lower === "sts:assumerole") {
      return {
        kind: "sts-assume-role-denied",
        step: "assume-role",
        ...base,
        ...(resource && ROLE_ARN.test(resource) ? { roleArn: resource } : {}),
      };
    }
    if (/block public access/i.test(rest)) return { kind: "block-public-access", step: "bucket-policy", ...base };
    return {
      kind: lower.startsWith("kms:") ? "kms-access-denied" : "s3-access-denied",
      step: stepFor(policyType, action),
      ...base,
    };
  }
  if (/InvalidObjectState|object is archived|not valid for the object's storage class/i.test(t)) {
    return { kind: "archived-object", step: "encryption" };
  }
  if (/InvalidAccessKeyId|access key id you provided does not exist/i.test(t)) {
    const id = /\b((?:AKIA|ASIA)[A-Z0-9]{16})\b/.exec(t)?.[1];
    return { kind: "invalid-access-key", step: "intake", ...(id ? { accessKeyId: id } : {}) };
  }
  if (/SignatureDoesNotMatch|signature we calculated does not match/i.test(t))
    return { kind: "signature-mismatch", step: "intake" };
  if (/failed to get region of bucket|bucket and region are not matched/i.test(t))
    return { kind: "bucket-region", step: "bucket-policy" };
  if (/kms|ciphertext refers to a customer master key/i.test(t) && /denied|not allowed|AccessDenied/i.test(t)) {
    return { kind: "kms-access-denied", step: "encryption" };
  }
  if (/access ?denied|403 forbidden/i.test(t)) return { kind: "generic-access-denied", step: "identity-policy" };
  return null;
}

/** Removes the secret access key TiDB Cloud echoes in its access-key message. */
export function redactErrorMessage(text: string): string {
  return text
    .replace(/(secret access key\s*')[^']*(')/gi, "$1[redacted]$2")
    .replace(/(aws_secret_access_key\s*[=:]\s*)\S+/gi, "$1[redacted]");
}
