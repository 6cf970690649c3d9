/** Wizard steps in catalogue order, and the status roll-ups the step nav and the overview show. */
import { worstStatus, type StepStatus } from "@/lib/report/status";
import { STEPS, type Finding, type Report, type StepId } from "@/lib/report/types";
import type { AccessMode } from "./form-types";

export type { StepId };
export { sortFindings, worstStatus, type StepStatus } from "@/lib/report/status";

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

export function isStepId(v: unknown): v is StepId {
  return typeof v === "string" && (STEPS as readonly string[]).includes(v);
}
