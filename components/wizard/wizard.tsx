"use client";

import { useCallback, useEffect, useReducer } from "react";
import { isStepId } from "@/lib/wizard/steps";
import { INITIAL_STATE, wizardReducer, type Focus, type View } from "@/lib/wizard/wizard-state";
import { ERROR_BOX_ID } from "./error-box";
import type { HowToGetCredentials } from "./live-credentials";
import { RESULTS_TITLE_ID, ResultsView } from "./results-view";
import { StartView } from "./start-view";
import { STEP_TITLE_ID } from "./step-section";
import { useWizardJob } from "./use-wizard-job";

const FOCUS_TARGET: Record<Exclude<Focus, { id: string }>, string> = {
  results: RESULTS_TITLE_ID,
  step: STEP_TITLE_ID,
  error: ERROR_BOX_ID,
};

/**
 * The diagnosis wizard: the start form, then the results step by step. Its state lives in one reducer
 * (`lib/wizard/wizard-state.ts`) and every run or re-check goes through `useWizardJob`.
 */
export function Wizard({ policyJson, howTo }: { policyJson: string; howTo: HowToGetCredentials }) {
  const [state, dispatch] = useReducer(wizardReducer, INITIAL_STATE);
  const { submit } = useWizardJob(state, dispatch);

  // Credentials live in this component's memory only: cleared after every run and when the page is left.
  useEffect(() => {
    const clear = () => dispatch({ type: "credentials/clear" });
    window.addEventListener("pagehide", clear);
    return () => window.removeEventListener("pagehide", clear);
  }, []);

  // Moves focus once the element it should go to is on the page (a render may come before the one that shows it).
  useEffect(() => {
    const focus = state.focus;
    if (!focus) return;
    const el = document.getElementById(typeof focus === "object" ? focus.id : FOCUS_TARGET[focus]);
    if (!el) return;
    el.focus();
    dispatch({ type: "focus/done" });
  });

  useEffect(() => {
    const onHash = () => {
      const v = window.location.hash.replace(/^#step-/, "");
      if (v === "overview" || isStepId(v)) dispatch({ type: "view/open", view: v, focus: false });
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  /** Opens the overview or a step; focuses its title, or the element `focusId` (a corrected document shown there). */
  const open = useCallback((view: View, focusId?: string) => {
    dispatch({ type: "view/open", view, focus: focusId ? { id: focusId } : true });
    window.history.replaceState(null, "", `#step-${view}`);
  }, []);

  if (state.editing || !state.result) {
    return (
      <StartView
        state={state}
        dispatch={dispatch}
        onRun={() => void submit({ kind: "run" })}
        policyJson={policyJson}
        howTo={howTo}
      />
    );
  }
  return (
    <ResultsView
      result={state.result}
      state={state}
      dispatch={dispatch}
      onOpen={open}
      onRecheck={(step) => void submit({ kind: "recheck", step })}
    />
  );
}
