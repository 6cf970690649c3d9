import type { CheckId } from "@/lib/checks/ids";
import type { CheckStatus, StepId } from "@/lib/report/types";
import type { Triage } from "./types";

/** Aggregates that restate other findings: never the step a message points to. */
const NOT_A_CAUSE = new Set<CheckId>(["input.error-message", "summary.next-steps"]);

/**
 * The step to open once the analysis has run: the step holding the first of the message's checks that fails
 * (then, when none fails, the first that warns), else the step the message alone points to. A KMS message whose
 * failing check is `identity.kms-decrypt` therefore opens the permission policies, not the encryption step.
 */
export function stepForFindings(
  triage: Triage,
  findings: readonly { id: CheckId; step: StepId; status: CheckStatus }[],
): StepId {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const candidates = triage.checks
    ? triage.checks.map((id) => byId.get(id)).filter((f) => f !== undefined)
    : findings.filter((f) => !NOT_A_CAUSE.has(f.id));
  for (const status of ["fail", "warn"] as const) {
    const hit = candidates.find((f) => f.status === status);
    if (hit) return hit.step;
  }
  return triage.step;
}
