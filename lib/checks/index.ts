/** The diagnosis core: pure, no I/O, no SDK, no Next. */
export { analyzeSnapshot, runChecks, toReport, type AnalyzeOptions } from "./runner";
export { CHECKS, CHECK_IDS, checksForStep } from "./registry";
export type { Check, CheckContext, Localized, Outcome, ReportLocale } from "./types";
export { parseSnapshot, type ParseSnapshotResult, type SnapshotIssue } from "@/lib/snapshot/parse";
export { applyFixes } from "@/lib/fixes/apply";
export { triageErrorMessage } from "@/lib/triage";
