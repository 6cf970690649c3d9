"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Dispatch } from "react";
import { analyzeBundleAction } from "@/lib/actions/analyze-bundle";
import { analyzeSnapshotAction } from "@/lib/actions/analyze-snapshot";
import type { ActionError } from "@/lib/actions/result";
import type { Report } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { failureValidation, prepareJob, snapshotPasteError, type JobRequest } from "@/lib/wizard/prepare-job";
import { mergeStepReport, stepChanges } from "@/lib/wizard/report-merge";
import type { StepId } from "@/lib/wizard/steps";
import type { Job, StepProgress, Validation, WizardAction, WizardState } from "@/lib/wizard/wizard-state";
import { runLiveStream } from "./live-stream";

type Analysed =
  { ok: true; report: Report; snapshot: Snapshot } | { ok: false; error: ActionError | null; validation?: Validation };

/**
 * Sends a prepared job: the live route reads the account and analyses what it read; a pasted snapshot (documents
 * or a whole one) is analysed by the server action, and so is a bundle of the collection script (read as a live run
 * reads the account). `steps` limits the analysis (re-check).
 */
async function analyse(
  request: JobRequest,
  steps: StepId[] | undefined,
  locale: "en" | "ja",
  onProgress: (p: StepProgress) => void,
): Promise<Analysed> {
  if (request.origin === "live") {
    const { target, credentials, base } = request;
    const r = await runLiveStream(locale, { target, credentials, locale, only: steps, base }, onProgress);
    return r.ok ? { ok: true, ...r.data } : { ok: false, error: r.error };
  }
  if (request.origin === "bundle") {
    const r = await analyzeBundleAction({ bundle: request.bundle, steps, locale });
    if (r.ok) return { ok: true, report: r.data.report, snapshot: r.data.snapshot };
    const pasted = snapshotPasteError(r.error, "bundle");
    return pasted ? { ok: false, error: null, validation: { pasteErrors: [pasted] } } : { ok: false, error: r.error };
  }
  const r = await analyzeSnapshotAction({ snapshot: request.snapshot, steps, locale });
  if (r.ok) return { ok: true, report: r.data.report, snapshot: request.snapshot };
  const pasted = request.origin === "snapshot" ? snapshotPasteError(r.error) : null;
  return pasted ? { ok: false, error: null, validation: { pasteErrors: [pasted] } } : { ok: false, error: r.error };
}

/**
 * The wizard's one job path, for a whole run and for "Re-check this step", whatever the origin (live, pasted
 * documents, pasted snapshot): check the input in the browser, then produce the snapshot and analyse it, then
 * merge a re-checked step into the earlier report. Credentials are read from the state when the job starts and
 * exist only in that request; the reducer clears them once it has been sent.
 */
export function useWizardJob(state: WizardState, dispatch: Dispatch<WizardAction>) {
  const t = useTranslations("wizard");
  const locale = useLocale() as "en" | "ja";

  const submit = async (job: Job) => {
    if (state.running) return;
    if (job.kind === "run") dispatch({ type: "triage/read" });
    const prepared = prepareJob(state, job);
    if (!prepared.ok) {
      dispatch({ type: "job/rejected", validation: prepared.validation, focus: prepared.focus });
      return;
    }
    dispatch({ type: "job/started", job, validation: prepared.validation });
    const earlier = state.result;
    let out: Analysed;
    try {
      out = await analyse(prepared.request, prepared.steps, locale, (progress) =>
        dispatch({ type: "job/progress", progress }),
      );
    } catch {
      out = { ok: false, error: { code: "internal", message: "" } };
    }
    if (!out.ok) {
      const fieldErrors = prepared.validation.fieldErrors ?? state.fieldErrors;
      const validation = out.error ? failureValidation(out.error, fieldErrors, (k) => t(k), locale) : out.validation;
      dispatch({ type: "job/failed", error: out.error, validation });
      return;
    }
    const origin = prepared.request.origin;
    if (job.kind === "run" || !earlier) {
      dispatch({
        type: "run/succeeded",
        result: { report: out.report, snapshot: out.snapshot, origin },
        openStep: prepared.openStep,
      });
      return;
    }
    const merged = mergeStepReport(earlier.report, out.report, job.step);
    dispatch({
      type: "recheck/succeeded",
      step: job.step,
      changes: stepChanges(earlier.report, merged, job.step),
      result: { report: merged, snapshot: out.snapshot, origin },
    });
  };

  return { submit };
}
