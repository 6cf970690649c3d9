import type { PolicyDocument, Target } from "@/lib/snapshot/schema";

export const STEPS = [
  "intake",
  "assume-role",
  "identity-policy",
  "bucket-policy",
  "object-ownership",
  "encryption",
  "summary",
] as const;
export type StepId = (typeof STEPS)[number];

export const STATUSES = ["pass", "fail", "warn", "unknown", "skipped"] as const;

/** Languages a report's text is written in. */
export const REPORT_LOCALES = ["en", "ja"] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

/** A finding's text in one language. */
export interface FindingText {
  title: string;
  detail: string;
  unavailable?: string;
  /** The fix's console steps and notes, when the fix has them. */
  console?: string[];
  notes?: string[];
}
export type CheckStatus = (typeof STATUSES)[number];

/** Where in which document the deciding statement is. */
export interface Evidence {
  /** e.g. "trust-policy", "role-policy:s3-read", "bucket-policy", "key-policy:<arn>" */
  document?: string;
  statement?: number;
  sid?: string;
  /** Condition keys whose unknown value left the decision open. */
  unknownKeys?: string[];
  /** Free-form facts a finding wants to show (e.g. the object keys affected). */
  [extra: string]: unknown;
}

export interface Fix {
  /** Document name per the catalogue: trust-policy, role-policy:<name>, bucket-policy, object-ownership … */
  document: string;
  before: PolicyDocument | Record<string, unknown> | null;
  after: PolicyDocument | Record<string, unknown> | null;
  /** AWS CLI command that applies `after` (expects the JSON saved as the file it names). */
  cli: string;
  /** Console steps, for settings (ownership, encryption) and where the guide gives them. */
  console?: string[];
  /**
   * Ids of earlier findings whose fixes already changed this document in the same report: `before` is the document
   * as they left it and `after` includes their changes, so the last fix of a document is the complete document.
   */
  includesFixesOf?: string[];
  /** Notes that go with the fix (e.g. existing objects keep their old key until re-copied). */
  notes?: string[];
  /**
   * When the bucket or a key is in another account than the importing principal: the account that runs `cli` (the
   * bucket owner for the bucket policy and settings, the key's account for its key policy, the principal's account
   * for trust and identity policies). `cli` then starts with a comment line naming it.
   */
  account?: string;
}

export interface Finding {
  id: string;
  step: StepId;
  status: CheckStatus;
  title: string;
  detail: string;
  evidence?: Evidence;
  fix?: Fix;
  /** For `unknown`: the IAM action or document that would settle it. */
  unavailable?: string;
  /**
   * The same text in the report's other languages, so that a shared report reads in the viewer's language
   * (`title`, `detail` and `unavailable` above are in the language the report was made in).
   */
  translations?: Partial<Record<ReportLocale, FindingText>>;
}

export interface Report {
  version: 1;
  target: Target;
  findings: Finding[];
  summary: Record<CheckStatus, number>;
  /** ISO time of the analysis. */
  generatedAt?: string;
}
