/**
 * Lints for the mistakes behind TiDB Cloud's S3 AccessDenied errors (warnings: AWS accepts the policy, the request
 * fails later):
 * - object actions (s3:GetObject…) whose only resources are bucket ARNs (arn:aws:s3:::bucket, without "/*");
 * - s3:ListBucket whose only resources are object ARNs (arn:aws:s3:::bucket/*): ListBucket is a bucket action;
 * - a KMS alias ARN where the key ARN is needed (aliases do not authorise use of a key);
 * - s3:ListObjects / s3:ListObjectsV2 used as if they were IAM actions (the permission is s3:ListBucket);
 * - NotPrincipal with Deny (IAM User Guide, "AWS JSON policy elements: NotPrincipal"): a role session is exempted only
 *   by its session ARN, a principal with a permissions boundary is always denied, and a wildcard never names "all
 *   sessions"; AWS recommends Principal "*" with ArnNotEquals on aws:PrincipalArn instead.
 */
import type { ParsedStatement, PolicyIssue } from "../types";

/** S3 bucket-level listing actions. */
const BUCKET_LIST_ACTIONS = new Set(["s3:listbucket", "s3:listbucketversions", "s3:listbucketmultipartuploads"]);
export const NOT_IAM_ACTIONS = new Map([
  ["s3:listobjects", "s3:ListBucket"],
  ["s3:listobjectsv2", "s3:ListBucket"],
  ["s3:listobjectversions", "s3:ListBucketVersions"],
  ["s3:headobject", "s3:GetObject"],
  ["s3:headbucket", "s3:ListBucket"],
]);

const isBucketArn = (r: string) => /^arn:[^:]+:s3:::[^/]+$/.test(r);
const isObjectArn = (r: string) => /^arn:[^:]+:s3:::[^/]+\/.*/.test(r);

export interface LintInput {
  st: ParsedStatement;
  path: string;
  /** Lower-cased actions of the statement known to act on S3 objects only. */
  objectActions: string[];
}

export function lintStatement({ st, path, objectActions }: LintInput): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  const actions = st.action ?? [];
  const resources = st.resource ?? [];
  const lower = actions.map((a) => a.toLowerCase());
  const rPath = `${path}.Resource`;

  actions.forEach((a, i) => {
    const s = NOT_IAM_ACTIONS.get(a.toLowerCase());
    const aPath = st.action ? `${path}.Action` : `${path}.NotAction`;
    if (s)
      out.push({
        severity: "error",
        code: "lint.api-operation-not-iam-action",
        path: actions.length > 1 ? `${aPath}[${i}]` : aPath,
        message: `${a} is the name of an S3 API operation, not an IAM action; the permission it needs is ${s}`,
        suggestion: s,
      });
  });

  if (resources.length && resources.every(isBucketArn) && objectActions.length) {
    out.push({
      severity: "warning",
      code: "lint.object-action-on-bucket-arn",
      path: rPath,
      message: `${objectActions.join(", ")} ${objectActions.length > 1 ? "act" : "acts"} on objects, but ${rPath} names only the bucket (${resources[0]}); add "/*" to cover its objects`,
      suggestion: `${resources[0]}/*`,
    });
  }
  if (resources.length && resources.every(isObjectArn) && lower.some((a) => BUCKET_LIST_ACTIONS.has(a))) {
    const bucket = resources[0].slice(0, resources[0].indexOf("/"));
    out.push({
      severity: "warning",
      code: "lint.list-bucket-on-object-arn",
      path: rPath,
      message: `s3:ListBucket acts on the bucket, but ${rPath} names only objects (${resources[0]}); use the bucket ARN ${bucket}`,
      suggestion: bucket,
    });
  }
  if (lower.some((a) => a.startsWith("kms:") || a === "*")) {
    resources.forEach((r, i) => {
      if (/^arn:[^:]+:kms:[^:]*:[^:]*:alias\//.test(r)) {
        out.push({
          severity: "warning",
          code: "lint.kms-alias-arn",
          path: resources.length > 1 ? `${rPath}[${i}]` : rPath,
          message: `${r} is an alias ARN; KMS authorises the key, not its alias, so use the key ARN (arn:aws:kms:<region>:<account>:key/<key-id>)`,
        });
      }
    });
  }
  if (st.notPrincipal && st.effect === "Deny") {
    const entries = st.notPrincipal.aws;
    const wild = entries.findIndex((a) => /^arn:[^:]+:sts::[^:]*:assumed-role\/[^/]+\/.*[*?]/.test(a));
    if (wild >= 0)
      out.push({
        severity: "warning",
        code: "lint.not-principal-session-wildcard",
        path: `${path}.NotPrincipal`,
        message: `${entries[wild]} does not mean "all sessions": a NotPrincipal session ARN must name one session, so the role's sessions stay denied`,
      });
    out.push({
      severity: "warning",
      code: "lint.not-principal-deny",
      path: `${path}.NotPrincipal`,
      message: `a Deny with NotPrincipal exempts a role session only through its session ARN (listing the role and the account is not enough) and always denies principals that have a permissions boundary; AWS recommends "Principal": "*" with an ArnNotEquals condition on aws:PrincipalArn`,
    });
  }
  return out;
}
