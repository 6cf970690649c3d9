/** The report's types, inferred from its schema (lib/report/schema.ts): one definition of the shape. */
import type { z } from "zod";
import { REPORT_LOCALES, STATUSES, STEPS } from "./vocabulary";
import type { EvidenceSchema, FindingSchema, FindingTextSchema, FixSchema, ReportSchema } from "./schema";

export { REPORT_LOCALES, STATUSES, STEPS };

export type StepId = (typeof STEPS)[number];
export type CheckStatus = (typeof STATUSES)[number];
export type ReportLocale = (typeof REPORT_LOCALES)[number];

/** A finding's text in one language. */
export type FindingText = z.infer<typeof FindingTextSchema>;
/** Where in which document the deciding statement is, and free-form facts. */
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Fix = z.infer<typeof FixSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type Report = z.infer<typeof ReportSchema>;
