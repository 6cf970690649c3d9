"use client";

import { useTranslations } from "next-intl";
import type { Dispatch } from "react";
import { EXAMPLES } from "@/lib/wizard/examples";
import { stepsForMode } from "@/lib/wizard/steps";
import type { WizardAction, WizardState } from "@/lib/wizard/wizard-state";
import { ErrorBox } from "./error-box";
import { LiveSource, type HowToGetCredentials } from "./live-credentials";
import { ExampleButtons } from "./example-buttons";
import { OfflineDocumentsForm } from "./offline-documents";
import { SnapshotPaste } from "./snapshot-paste";
import { RunProgress } from "./run-progress";
import { ScriptSource } from "./script-source";
import { StartForm } from "./start-form";
import { useAfterPress } from "./use-after-press";
import { useFieldMessages } from "./use-field-messages";

/** The wizard's first page: what is imported, where the configuration comes from, and the run button. */
export function StartView({
  state,
  dispatch,
  onRun,
  policyJson,
  howTo,
}: {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  onRun: () => void;
  policyJson: string;
  howTo: HowToGetCredentials;
}) {
  const t = useTranslations("wizard");
  // Leaving a field may show a hint above the controls below it: never while a click on one of them is under way.
  const afterPress = useAfterPress();
  const messages = useFieldMessages(state, dispatch);
  const { start, source, docs, snapshotText, bundleText, running } = state;
  const pending = running !== null;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <form
        noValidate
        className="space-y-6"
        onSubmit={(e) => {
          e.preventDefault();
          onRun();
        }}
      >
        <StartForm
          start={start}
          onChange={(s) => dispatch({ type: "edit/start", start: s })}
          errors={state.fieldErrors}
          problems={messages.start}
          onTouch={messages.onTouchStart}
          triageStep={state.triageStep}
          onErrorMessageBlur={() => afterPress(() => dispatch({ type: "triage/read" }))}
        />
        <section
          aria-labelledby="source-title"
          className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
        >
          <h2 id="source-title" className="text-xl font-semibold">
            {t("source.title")}
          </h2>
          <fieldset>
            <legend className="sr-only">{t("source.title")}</legend>
            <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
              {(["live", "script", "offline"] as const).map((s) => (
                <label key={s} className="flex items-start gap-2">
                  <input
                    type="radio"
                    name="source"
                    value={s}
                    checked={source === s}
                    onChange={() => dispatch({ type: "edit/source", source: s })}
                    className="mt-1 h-4 w-4"
                  />
                  <span>
                    <span className="font-medium">{t(`source.${s}`)}</span>
                    <span className="block text-sm text-slate-700">{t(`source.${s}Hint`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {source === "live" ? (
            <LiveSource
              creds={state.creds}
              onChange={(creds) => dispatch({ type: "edit/credentials", creds })}
              messages={messages.credentials}
              policyJson={policyJson}
              howTo={howTo}
            />
          ) : source === "script" ? (
            <ScriptSource
              start={start}
              bundleText={bundleText}
              onBundle={(text) => dispatch({ type: "edit/bundle", text })}
              errors={state.pasteErrors}
              policyJson={policyJson}
            />
          ) : (
            <div className="space-y-6">
              <ExampleButtons
                onLoad={(id) =>
                  dispatch({ type: "example/load", start: EXAMPLES[id].start, docs: EXAMPLES[id].documents })
                }
              />
              <OfflineDocumentsForm
                mode={start.mode}
                docs={docs}
                onChange={(d) => dispatch({ type: "edit/documents", docs: d })}
                errors={state.pasteErrors}
                sources={state.sources}
                onCheck={() => afterPress(() => dispatch({ type: "documents/read" }))}
              />
              <details open={snapshotText.trim() !== "" || undefined} className="rounded border border-slate-200 p-3">
                <summary className="cursor-pointer font-medium">{t("offline.snapshot.summary")}</summary>
                <div className="mt-3">
                  <SnapshotPaste
                    text={snapshotText}
                    onChange={(text) => dispatch({ type: "edit/snapshot", text })}
                    errors={state.pasteErrors}
                  />
                </div>
              </details>
            </div>
          )}
        </section>
        <ErrorBox actionError={state.actionError} pasteErrors={state.pasteErrors} />
        {pending ? (
          <RunProgress steps={stepsForMode(start.mode)} live={source === "live"} progress={state.progress} />
        ) : null}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-blue-700 px-5 py-3 font-semibold text-white shadow hover:bg-blue-800 disabled:opacity-60"
          >
            {pending ? t("running") : t("run")}
          </button>
          {state.result ? (
            <button
              type="button"
              onClick={() => dispatch({ type: "results/back" })}
              className="rounded-md border border-slate-400 px-5 py-3 font-semibold hover:bg-slate-100"
            >
              {t("backToResults")}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
