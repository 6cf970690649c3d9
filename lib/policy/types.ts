/**
 * Public types of the IAM policy engine. Pure data: no I/O, no SDK, no Next.
 * The authorization question and answer follow the project's interface contract (README, "Authorization question").
 */

export type ContextValue = string | string[];

export interface RequestDescription {
  /** ARN of the principal making the request (a role ARN or one of its session ARNs, a user ARN, an account root). */
  principal: string;
  /** service:Action, case-insensitive. */
  action: string;
  /** Resource ARN. */
  resource: string;
  /** Request context. A key absent here is absent from the request (Null is true, …IfExists matches). */
  context?: Record<string, ContextValue>;
  /**
   * Keys whose value the asker does not know: a statement whose outcome depends on one is undecided. An entry ending
   * in `/*` names a family (`aws:PrincipalTag/*`): every key of it that `context` does not give is unknown.
   */
  unknownKeys?: string[];
  /**
   * Keys whose value is known only in part: `{ prefix }` (the value starts with it and goes on: aws:userid of a role
   * session whose name is not known is `AROA…:` plus the name) or `{ oneOf }` (one of these values, not known which:
   * s3:TlsVersion "1.2" or "1.3"). A condition on such a key is decided when every possible value gives the same
   * result, and undecided otherwise. `orAbsent: true` adds one more possibility: the key may be missing from the
   * request altogether (aws:SourceVpce of a request that may or may not come through a VPC endpoint); `Null` on it is
   * then undecided, and any other condition is decided only when the absent key gives the same result too.
   */
  partialContext?: Record<string, PartialValue>;
}

export type PartialValue = ({ prefix: string } | { oneOf: string[] }) & { orAbsent?: boolean };

export interface AuthorizationQuestion {
  request: RequestDescription;
  principalAccount: string;
  resourceAccount: string;
  identityPolicies: unknown[];
  permissionsBoundary?: unknown | null;
  sessionPolicy?: unknown | null;
  /** Bucket policy for S3, key policy for KMS (required for kms:), trust policy for sts:AssumeRole. */
  resourcePolicy?: unknown | null;
}

export type Decision = "allow" | "explicit-deny" | "implicit-deny" | "unknown";

/** Which policy a statement belongs to: "identity:0", "boundary", "session", "resource". */
type PolicyRef = string;

export interface MatchedStatement {
  policy: PolicyRef;
  statement: number;
  sid?: string;
  effect: "Allow" | "Deny";
  /** true when the statement's match depends on a key in unknownKeys. */
  undecided?: boolean;
}

export type MatchResult = "match" | "no-match" | "unknown";

/** One record per statement of every policy that was considered. */
export interface StatementExplanation {
  policy: PolicyRef;
  statement: number;
  sid?: string;
  effect: "Allow" | "Deny";
  action: MatchResult;
  resource: MatchResult;
  /** "match" when the statement has no Principal (identity policies). */
  principal: MatchResult;
  condition: MatchResult;
  /** Condition entries that failed (or were undecided), e.g. { operator: "StringEquals", key: "sts:ExternalId" }. */
  failedConditions?: { operator: string; key: string; undecided?: boolean }[];
  /** The statement applies to this request (every part matched). */
  applies: MatchResult;
}

export interface Answer {
  decision: Decision;
  reason: string;
  matched: MatchedStatement[];
  /** Keys of the question's unknownKeys that mattered. */
  unknownKeys: string[];
  /** Per-statement explanations; optional in JSON output, always filled by evaluate(). */
  explanations?: StatementExplanation[];
}

type IssueSeverity = "error" | "warning";

/** A problem found in a policy document. Never thrown: returned as data, with a JSON path. */
export interface PolicyIssue {
  severity: IssueSeverity;
  /** Stable code, e.g. "policy.invalid-effect", "lint.object-action-on-bucket-arn". */
  code: string;
  /** JSON path inside the document, e.g. "Statement[1].Effect". */
  path: string;
  message: string;
  /** e.g. the closest real action name. */
  suggestion?: string;
}

/** A Principal / NotPrincipal block, normalised: every list is an array (possibly empty). */
export interface ParsedPrincipal {
  /** `"*"` or `{"AWS": "*"}`: everyone. */
  wildcard: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  canonicalUser: string[];
}

/** One condition entry: `{ "<operator>": { "<key>": [values] } }`, one per key. */
export interface ParsedCondition {
  /** The operator as written, e.g. "ForAnyValue:StringLikeIfExists". */
  operator: string;
  /** The operator without qualifier and IfExists, e.g. "StringLike". */
  baseOperator: string;
  qualifier: "ForAllValues" | "ForAnyValue" | null;
  ifExists: boolean;
  key: string;
  /** Values as strings (numbers and booleans are turned into text, as IAM does). */
  values: string[];
}

/** A statement, normalised: arrays everywhere, the original index and Sid kept. */
export interface ParsedStatement {
  /** Position in the original Statement array (0 when Statement was a single object). */
  index: number;
  sid?: string;
  effect: "Allow" | "Deny";
  action?: string[];
  notAction?: string[];
  /** Absent (with notResource absent too) in trust policies: then the statement applies to any resource. */
  resource?: string[];
  notResource?: string[];
  principal?: ParsedPrincipal;
  notPrincipal?: ParsedPrincipal;
  conditions: ParsedCondition[];
}

export interface ParsedPolicy {
  version?: string;
  id?: string;
  /** Only the well-formed statements; a malformed one is reported as an issue and matches nothing. */
  statements: ParsedStatement[];
}

export type PolicyKind = "identity" | "bucket" | "trust" | "key";
