/** Re-checking one step: replace that step's findings in the report, and say what changed. */
import { STATUSES, type CheckStatus, type Finding, type Report, type StepId } from "@/lib/report/types";

function summarize(findings: Finding[]): Record<CheckStatus, number> {
  const s = Object.fromEntries(STATUSES.map((k) => [k, 0])) as Record<CheckStatus, number>;
  for (const f of findings) s[f.status]++;
  return s;
}

/** The full report with `step`'s findings taken from `partial` (which may hold other steps too: they are ignored). */
export function mergeStepReport(full: Report, partial: Report, step: StepId): Report {
  const fresh = partial.findings.filter((f) => f.step === step);
  const findings: Finding[] = [];
  let inserted = false;
  for (const f of full.findings) {
    if (f.step === step) {
      if (!inserted) findings.push(...fresh);
      inserted = true;
    } else findings.push(f);
  }
  if (!inserted) findings.push(...fresh);
  return {
    ...full,
    findings,
    summary: summarize(findings),
    ...(partial.generatedAt ? { generatedAt: partial.generatedAt } : {}),
  };
}

export interface StatusChange {
  id: Finding["id"];
  title: string;
  before: CheckStatus | null;
  after: CheckStatus | null;
}

/** Findings of `step` whose status differs between two reports (new and vanished findings included). */
export function stepChanges(
  before: Report,
  after: Report,
  step: StepId,
): { changed: StatusChange[]; unchanged: number } {
  const old = new Map(before.findings.filter((f) => f.step === step).map((f) => [f.id, f]));
  const now = after.findings.filter((f) => f.step === step);
  const changed: StatusChange[] = [];
  let unchanged = 0;
  for (const f of now) {
    const prev = old.get(f.id);
    old.delete(f.id);
    if (prev && prev.status === f.status) unchanged++;
    else changed.push({ id: f.id, title: f.title, before: prev?.status ?? null, after: f.status });
  }
  for (const prev of old.values()) changed.push({ id: prev.id, title: prev.title, before: prev.status, after: null });
  return { changed, unchanged };
}
