/**
 * Checks that offline mode could not decide because what live mode reads was not pasted (or the user chose "I don't
 * know"): their reason starts with NOT_PROVIDED. The wizard names them once, in one line, instead of turning each of
 * their steps purple; the report itself keeps them as `unknown` (a shared report, the Markdown and the CLI say so).
 * Pure.
 */
import type { Finding, Report } from "@/lib/report/types";
import { NOT_PROVIDED } from "./build-objects";

/** Checks that no member account can settle, offline or live: they never hold the summary open on their own. */
const NEVER_SETTLED = new Set(["org.guardrails", "aws.simulation"]);

export function offlineGaps(report: Report | null | undefined): Finding[] {
  if (!report) return [];
  // The recorded reason in English (a Japanese report quotes it in Japanese, with the English beside it).
  const reason = (f: Finding) => f.translations?.en?.unavailable ?? f.unavailable ?? "";
  const notProvided = report.findings.filter((f) => f.status === "unknown" && reason(f).startsWith(NOT_PROVIDED));
  const ids = new Set(notProvided.map((f) => f.id));
  // "What remains" is unknown only because of them: it is one of them.
  const rest = report.findings.find((f) => f.id === "summary.next-steps" && f.status === "unknown");
  const open = (rest?.evidence as { unknown?: unknown } | undefined)?.unknown;
  if (rest && ids.size > 0 && Array.isArray(open) && open.every((id) => ids.has(id) || NEVER_SETTLED.has(id)))
    notProvided.push(rest);
  return notProvided;
}

/** The report as the wizard's steps show it: without the offline gaps (named once elsewhere); counts unchanged. */
export function withoutOfflineGaps(report: Report): Report {
  const gaps = new Set(offlineGaps(report).map((f) => f.id));
  return gaps.size === 0 ? report : { ...report, findings: report.findings.filter((f) => !gaps.has(f.id)) };
}
