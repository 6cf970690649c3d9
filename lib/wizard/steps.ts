/** Wizard steps in catalogue order, and the status roll-ups the step nav and the overview show. */
import { STEPS, type CheckStatus, type Finding, type Report, type StepId } from "@/lib/report/types";
import type { AccessMode } from "./form-types";

export { STEPS };
export type { StepId };

/** What the step nav shows for a step: a check status, or "none" when nothing ran for it. */
export type StepStatus = CheckStatus | "none";

/** Worst first: a fail outweighs a warning, which outweighs an unknown, then pass, then skipped. */
const SEVERITY: Record<StepStatus, number> = { fail: 5, warn: 4, unknown: 3, pass: 2, skipped: 1, none: 0 };

export function worstStatus(statuses: Iterable<CheckStatus>): StepStatus {
  let worst: StepStatus = "none";
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

export function findingsOfStep(report: Report | null | undefined, step: StepId): Finding[] {
  return report ? report.findings.filter((f) => f.step === step) : [];
}

export function stepStatus(report: Report | null | undefined, step: StepId): StepStatus {
  return worstStatus(findingsOfStep(report, step).map((f) => f.status));
}

/** Steps that apply to a mode: no AssumeRole in access-key mode. */
export function stepsForMode(mode: AccessMode): StepId[] {
  return STEPS.filter((s) => mode === "role" || s !== "assume-role");
}

/** Sort order of findings inside a step: problems first, then catalogue order (as the report lists them). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY[b.f.status] - SEVERITY[a.f.status] || a.i - b.i)
    .map(({ f }) => f);
}

export function isStepId(v: unknown): v is StepId {
  return typeof v === "string" && (STEPS as readonly string[]).includes(v);
}
