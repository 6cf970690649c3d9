"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, type Dispatch } from "react";
import { resultsModel } from "@/lib/wizard/results-model";
import { stepsForMode, type StepId } from "@/lib/wizard/steps";
import type { View, WizardAction, WizardResult, WizardState } from "@/lib/wizard/wizard-state";
import { Overview } from "./overview";
import { StepNav } from "./step-nav";
import { StepSection } from "./step-section";
import { Verdict } from "./verdict";

/** The element the focus moves to when the results are shown or the overview is opened. */
export const RESULTS_TITLE_ID = "results-title";

/** The results: what was diagnosed, the step nav, and the overview or the open step. */
export function ResultsView({
  result,
  state,
  dispatch,
  onOpen,
  onRecheck,
}: {
  result: WizardResult;
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  onOpen: (v: View, focusId?: string) => void;
  onRecheck: (step: StepId) => void;
}) {
  const locale = useLocale();
  const t = useTranslations("wizard");
  const report = result.report;
  const mode = report.target.mode;
  const steps = stepsForMode(mode);
  const view = state.view;
  const recheckingStep = state.running?.kind === "recheck" ? state.running.step : null;
  // What every card, the verdict and the overview show, in this page's language: the shared page's model too.
  // Offline gaps are named once, by the verdict or one line below it; no step turns purple for them.
  const { model, shown, gaps, gapsNamed } = useMemo(
    () => resultsModel(report, { locale: locale === "ja" ? "ja" : "en", snapshot: result.snapshot }),
    [report, result.snapshot, locale],
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h1 id={RESULTS_TITLE_ID} tabIndex={-1} className="text-2xl font-bold sm:text-3xl">
            {t("results.title")}
          </h1>
          <p className="break-all text-sm text-slate-700">
            {t(`results.target.${mode}`, {
              bucket: report.target.bucketUri,
              principal: (mode === "role" ? report.target.roleArn : report.target.accessKeyId) ?? "—",
            })}
            {" · "}
            {t(`source.${result.origin === "live" ? "live" : result.origin === "bundle" ? "script" : "offline"}`)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => dispatch({ type: "results/edit" })}
            className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100"
          >
            {t("results.edit")}
          </button>
          <button
            type="button"
            onClick={() => dispatch({ type: "results/start-over" })}
            className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100"
          >
            {t("results.startOver")}
          </button>
        </div>
      </div>
      <Verdict model={model} />
      {gaps.length > 0 ? (
        <p
          data-testid="offline-gaps"
          className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800"
        >
          {gapsNamed
            ? t("results.gapsNamed")
            : t("results.gaps", {
                checks: gaps.map((g) => g.title).join(t("results.gapsSeparator")),
              })}
        </p>
      ) : null}
      <div className="grid gap-6 md:grid-cols-[15rem_1fr]">
        <div>
          <StepNav
            steps={steps}
            statusOf={(s) => model.steps.find((x) => x.id === s)?.status ?? "none"}
            active={view}
            onOpen={onOpen}
            pending={(s) => recheckingStep === s}
          />
        </div>
        <div className="min-w-0 space-y-4">
          {view === "overview" ? (
            <Overview model={model} report={shown} mode={mode} steps={steps} onOpen={onOpen} />
          ) : (
            <StepSection
              step={view}
              steps={steps}
              result={result}
              model={model}
              state={state}
              dispatch={dispatch}
              onOpen={onOpen}
              onRecheck={onRecheck}
            />
          )}
        </div>
      </div>
    </div>
  );
}
