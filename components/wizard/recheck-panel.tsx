"use client";

import { useTranslations } from "next-intl";
import type { Dispatch } from "react";
import type { StepId } from "@/lib/wizard/steps";
import type { WizardAction, WizardState } from "@/lib/wizard/wizard-state";
import { ErrorBox } from "./error-box";
import { CredentialFields } from "./live-credentials";
import { GROUPS_OF_STEP, OfflineDocumentsForm } from "./offline-documents";
import { BundlePaste } from "./script-source";
import { SnapshotPaste } from "./snapshot-paste";
import { useAfterPress } from "./use-after-press";
import { useFieldMessages } from "./use-field-messages";

/**
 * "Re-check this step": what the step reads, from the same origin as the run (fresh credentials, the step's
 * documents, or the pasted snapshot), and the button that runs only this step's reads and checks.
 */
export function RecheckPanel({
  step,
  state,
  dispatch,
  onRecheck,
}: {
  step: StepId;
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  onRecheck: () => void;
}) {
  const t = useTranslations("wizard");
  const afterPress = useAfterPress();
  const messages = useFieldMessages(state, dispatch);
  const origin = state.result?.origin ?? "documents";
  const mode = state.result?.report.target.mode ?? state.start.mode;
  const pending = state.running !== null;
  const recheckingThis = state.running?.kind === "recheck" && state.running.step === step;
  return (
    <section aria-labelledby="recheck-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="recheck-title" className="font-semibold">
        {t("recheck.title")}
      </h3>
      <p className="text-sm text-slate-700">
        {t(origin === "live" ? "recheck.hintLive" : origin === "bundle" ? "recheck.hintBundle" : "recheck.hintOffline")}
      </p>
      {origin === "live" ? (
        <CredentialFields
          creds={state.creds}
          onChange={(creds) => dispatch({ type: "edit/credentials", creds })}
          messages={messages.credentials}
          idPrefix="recheck"
        />
      ) : origin === "bundle" ? (
        <BundlePaste
          text={state.bundleText}
          onChange={(text) => dispatch({ type: "edit/bundle", text })}
          errors={state.pasteErrors}
          idPrefix="recheck"
        />
      ) : origin === "snapshot" ? (
        <SnapshotPaste
          text={state.snapshotText}
          onChange={(text) => dispatch({ type: "edit/snapshot", text })}
          errors={state.pasteErrors}
          idPrefix="recheck"
        />
      ) : (
        <OfflineDocumentsForm
          mode={mode}
          docs={state.docs}
          onChange={(docs) => dispatch({ type: "edit/documents", docs })}
          errors={state.pasteErrors}
          sources={state.sources}
          groups={GROUPS_OF_STEP[step] ?? []}
          idPrefix="recheck"
          onCheck={() => afterPress(() => dispatch({ type: "documents/read" }))}
        />
      )}
      <ErrorBox actionError={state.actionError} pasteErrors={state.pasteErrors} />
      <button
        type="button"
        disabled={pending}
        onClick={onRecheck}
        className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {recheckingThis ? t("recheck.running") : t("recheck.button")}
      </button>
    </section>
  );
}
