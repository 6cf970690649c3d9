/**
 * The report's fixed vocabulary: its steps, statuses and languages. Plain constants without zod, so that the wizard's
 * browser code can name them without shipping the schema library (lib/report/schema.ts builds the schema from these).
 */

export const STEPS = [
  "intake",
  "assume-role",
  "identity-policy",
  "bucket-policy",
  "object-ownership",
  "encryption",
  "summary",
] as const;

export const STATUSES = ["pass", "fail", "warn", "unknown", "skipped"] as const;

/** Languages a report's text is written in. */
export const REPORT_LOCALES = ["en", "ja"] as const;
