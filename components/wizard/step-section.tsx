"use client";

import { useTranslations } from "next-intl";
import type { Dispatch } from "react";
import { FindingList } from "@/components/findings/finding-list";
import { SharePanel } from "@/components/share/share-panel";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ReportModel } from "@/lib/report/view-model";
import type { StepId } from "@/lib/wizard/steps";
import type { View, WizardAction, WizardResult, WizardState } from "@/lib/wizard/wizard-state";
import { ChangeList } from "./change-list";
import { RecheckPanel } from "./recheck-panel";
import { RunProgress } from "./run-progress";
import { StepPager } from "./step-pager";

/** The element the focus moves to when a step is opened or re-checked. */
export const STEP_TITLE_ID = "step-title";

/** One step of the results: its findings, what a re-check changed, the re-check form, and the pager. */
export function StepSection({
  step,
  steps,
  result,
  model,
  state,
  dispatch,
  onOpen,
  onRecheck,
}: {
  step: StepId;
  steps: StepId[];
  result: WizardResult;
  model: ReportModel;
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  onOpen: (v: View, focusId?: string) => void;
  onRecheck: (step: StepId) => void;
}) {
  const t = useTranslations("wizard");
  const stepName = useTranslations("report.steps");
  const stepModel = model.steps.find((s) => s.id === step);
  const report = result.report;
  const changes = state.changes[step];
  const recheckingThis = state.running?.kind === "recheck" && state.running.step === step;
  return (
    <section aria-labelledby={STEP_TITLE_ID} className="space-y-4" data-step={step}>
      <div className="space-y-1">
        <h2 id={STEP_TITLE_ID} tabIndex={-1} className="flex flex-wrap items-center gap-2 text-xl font-semibold">
          {stepName(step)} <StatusBadge status={stepModel?.status ?? "none"} />
        </h2>
        <p className="text-slate-700">{t(`steps.${step}.intro`)}</p>
      </div>
      {recheckingThis ? <RunProgress steps={[step]} live={result.origin === "live"} progress={state.progress} /> : null}
      {changes ? <ChangeList changes={changes} /> : null}
      <FindingList
        step={stepModel}
        labels={model.labels}
        onShowDocument={(target) => onOpen(target.step, target.anchor)}
      />
      {step !== "intake" && step !== "summary" ? (
        <RecheckPanel step={step} state={state} dispatch={dispatch} onRecheck={() => onRecheck(step)} />
      ) : null}
      {step === "summary" ? <SharePanel report={report} /> : null}
      <StepPager steps={steps} view={step} onOpen={onOpen} />
    </section>
  );
}
