/** Wizard steps in catalogue order and per access mode (their statuses and cards come from the report model). */
import { STEPS, type StepId } from "@/lib/report/types";
import type { AccessMode } from "./form-types";

export type { StepId };
export type { StepStatus } from "@/lib/report/status";

/** Steps that apply to a mode: no AssumeRole in access-key mode. */
export function stepsForMode(mode: AccessMode): StepId[] {
  return STEPS.filter((s) => mode === "role" || s !== "assume-role");
}

export function isStepId(v: unknown): v is StepId {
  return typeof v === "string" && (STEPS as readonly string[]).includes(v);
}
