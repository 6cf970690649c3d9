/**
 * The browser half of a wizard job, before anything is sent: read the pasted TiDB Cloud message, check the input,
 * and produce the snapshot to analyse (pasted documents or a pasted whole snapshot) or the live request that reads
 * one. Pure: the same path for a whole run and for "Re-check this step".
 */
import type { ActionError } from "@/lib/actions/result";
import type { Snapshot, Target } from "@/lib/snapshot/schema";
import { fieldErrorText } from "./action-error-text";
import { buildOfflineSnapshot, targetFromStart } from "./build-snapshot";
import type { LiveCredentials } from "./form-types";
import { parsePastedBundle } from "./parse-bundle";
import { parsePastedSnapshot } from "./parse-pasted";
import type { PasteError } from "./paste-result";
import type { StepId } from "./steps";
import { triageStart } from "./triage-start";
import { bundleTooLarge, byteSize, documentErrors, sentBytes, snapshotTooLarge } from "./request-size";
import { blocksRun } from "./input-problem";
import { credentialProblems } from "./validate-access-key";
import { startProblems, type StartField } from "./validate-start";
import type { FieldErrors, Focus, Job, Origin, Validation, WizardState } from "./wizard-state";

/** What is sent: a snapshot to analyse, or the live read (whose credentials exist only in this value). */
export type JobRequest =
  | { origin: "live"; target: Target; credentials: LiveCredentials; base?: Snapshot }
  | { origin: "documents" | "snapshot"; snapshot: Snapshot }
  | { origin: "bundle"; bundle: Record<string, unknown> };

export type Prepared =
  | {
      ok: true;
      request: JobRequest;
      /** A re-check's one step; a whole run has none. */
      steps?: StepId[];
      /** The step a pasted error message points to: opened first when the run succeeds. */
      openStep: StepId | null;
      validation: Validation;
    }
  | { ok: false; validation: Validation; focus: Focus | null };

/** The origin a job reads from: the source picked for a run, the earlier result's origin for a re-check. */
function originOf(state: WizardState, job: Job): Origin | null {
  if (job.kind === "recheck") return state.result?.origin ?? null;
  if (state.source === "live") return "live";
  if (state.source === "script") return "bundle";
  return state.snapshotText.trim() ? "snapshot" : "documents";
}

type Translate = (key: string) => string;

const START_ORDER: StartField[] = [
  "bucketUri",
  "roleArn",
  "externalId",
  "tidbAccountId",
  "accessKeyId",
  "region",
  "errorMessage",
];
const CREDENTIAL_ORDER: (keyof LiveCredentials)[] = ["accessKeyId", "secretAccessKey", "sessionToken"];

/**
 * Checks the input of a job and produces what to send. A run reads the form as the triage of a pasted message
 * leaves it (the `triage/read` action shows the same). A problem stops the job when sending would be useless
 * (`blocksRun`): the form shows it at its field (the reducer marks the attempt), nothing typed is cleared, and
 * the focus goes to the first such field.
 */
export function prepareJob(state: WizardState, job: Job): Prepared {
  const origin = originOf(state, job);
  if (!origin) return { ok: false, validation: {}, focus: null };
  const tri = job.kind === "run" ? triageStart(state.start) : { start: state.start, step: null };
  const start = tri.start;
  const openStep = tri.step;
  const steps = job.kind === "recheck" ? [job.step] : undefined;
  const live = origin === "live";
  // A new request: the server's messages about the last one go.
  const fresh = job.kind === "run" ? { fieldErrors: {} } : {};
  // A whole snapshot and a bundle carry their own target: the start form is not needed.
  if (job.kind === "run" && origin !== "snapshot" && origin !== "bundle") {
    const problems = startProblems(start);
    const first = START_ORDER.find((f) => blocksRun(problems[f], live));
    if (first) return { ok: false, validation: {}, focus: { id: first } };
  }
  if (live) {
    const problems = credentialProblems(state.creds);
    const first = CREDENTIAL_ORDER.find((f) => blocksRun(problems[f], true));
    if (first)
      return { ok: false, validation: {}, focus: { id: `${job.kind === "run" ? "cred" : "recheck"}-${first}` } };
    const base = job.kind === "recheck" ? state.result?.snapshot : undefined;
    const request: JobRequest = { origin, target: targetFromStart(start), credentials: state.creds, base };
    return { ok: true, request, steps, openStep, validation: { ...fresh, credErrors: {} } };
  }
  if (origin === "bundle") {
    const pasted = parsePastedBundle(state.bundleText);
    const sent = pasted.ok ? byteSize(JSON.stringify({ bundle: pasted.value, steps, locale: "en" })) : 0;
    const error = pasted.ok ? bundleTooLarge(sent) : pasted.error;
    const validation = { ...fresh, pasteErrors: error ? [error] : [] };
    if (!pasted.ok || error) return { ok: false, validation, focus: "error" };
    return { ok: true, request: { origin, bundle: pasted.value }, steps, openStep, validation };
  }
  if (origin === "snapshot") {
    const pasted = parsePastedSnapshot(state.snapshotText);
    const tooLarge = pasted.ok ? snapshotTooLarge(pasted.value, sentBytes(pasted.value, steps)) : null;
    const error = pasted.ok ? tooLarge : pasted.error;
    const validation = { ...fresh, pasteErrors: error ? [error] : [] };
    if (!pasted.ok || error) return { ok: false, validation, focus: "error" };
    // Only the JSON and the version are checked here; the server validates the rest against the schema.
    return { ok: true, request: { origin, snapshot: pasted.value as Snapshot }, steps, openStep, validation };
  }
  const build = buildOfflineSnapshot(start, state.docs);
  const errors = documentErrors(state.docs, build, steps);
  const validation = { ...fresh, pasteErrors: errors, sources: build.sources };
  if (errors.length > 0) return { ok: false, validation, focus: "error" };
  return { ok: true, request: { origin, snapshot: build.snapshot }, steps, openStep, validation };
}

/**
 * The server found a problem in a pasted whole snapshot or bundle: shown under its box with its JSON path, not as a
 * general error. Null when the error is about something else.
 */
export function snapshotPasteError(error: ActionError, box: "snapshot" | "bundle" = "snapshot"): PasteError | null {
  if (error.code !== "input.invalid" || !error.field?.startsWith(box)) return null;
  const path = `$${error.field.slice(box.length)}`;
  const message = error.message.startsWith(`${error.field}: `)
    ? error.message.slice(error.field.length + 2)
    : error.message;
  return {
    field: box,
    path,
    code: box === "bundle" ? "bundle.invalid" : "snapshot.invalid",
    message,
    params: { message },
  };
}

/** Marks the field a failed request names: a credential to look at again (never its value), or a start field. */
export function failureValidation(
  error: ActionError,
  fieldErrors: FieldErrors,
  t: Translate,
  locale = "en",
): Validation {
  const field = error.field;
  if (field?.startsWith("credentials.")) {
    return { credErrors: { [field.slice("credentials.".length)]: t(`actionErrors.${error.code}.title`) } };
  }
  if (error.code === "input.invalid" && field) {
    const text = fieldErrorText(error, locale, t(`actionErrors.${error.code}.title`));
    return { fieldErrors: { ...fieldErrors, [field.replace(/^target\./, "")]: text } };
  }
  return {};
}
