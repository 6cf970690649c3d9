/**
 * The wizard's state and every change to it, as a pure reducer. What the user typed (start form, documents, pasted
 * snapshot, credentials) changes only through the `edit/*` actions, an example or the triage of a pasted message:
 * no failure drops it. Credentials are cleared after every run that sent a request, and when the page is left.
 */
import type { ActionError } from "@/lib/actions/result";
import type { Report } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { buildOfflineSnapshot } from "./build-snapshot";
import {
  EMPTY_CREDENTIALS,
  EMPTY_DOCUMENTS,
  EMPTY_START,
  type LiveCredentials,
  type OfflineDocuments,
  type StartInput,
} from "./form-types";
import type { PasteError, PasteSource } from "./paste-result";
import type { StatusChange } from "./report-merge";
import { documentErrors } from "./request-size";
import { stepsForMode, type StepId } from "./steps";
import { stepAfterRun, triageStart } from "./triage-start";

/** Where the configuration comes from, as the user picks it: live, pasted documents, or the CloudShell script. */
type Source = "live" | "offline" | "script";
/**
 * Where a result came from: a live read, pasted documents, a pasted whole snapshot, or the bundle of the collection
 * script. Re-check uses the same.
 */
export type Origin = "live" | "documents" | "snapshot" | "bundle";
/** What the results area shows. */
export type View = "overview" | StepId;
/** Field id → its message, in the user's language (or the server's text for an error it found). */
export type FieldErrors = Record<string, string>;
/** Per step: how many reads started and ended (live mode's progress). */
export type StepProgress = Partial<Record<StepId, { started: number; ended: number }>>;
export type Changes = { changed: StatusChange[]; unchanged: number };

export interface WizardResult {
  report: Report;
  snapshot: Snapshot;
  origin: Origin;
}

export type Job = { kind: "run" } | { kind: "recheck"; step: StepId };

/** Where the keyboard focus goes next: a landmark of the page, or an element by id (a field with a problem). */
export type Focus = "results" | "step" | "error" | { id: string };

/** What checking the input before a job found: replaces the messages of the last attempt. */
export interface Validation {
  fieldErrors?: FieldErrors;
  credErrors?: FieldErrors;
  pasteErrors?: PasteError[];
  sources?: Record<string, PasteSource>;
}

export interface WizardState {
  start: StartInput;
  source: Source;
  docs: OfflineDocuments;
  snapshotText: string;
  /** The bundle the collection script wrote, pasted or read from the chosen file. */
  bundleText: string;
  /** Memory only; cleared after each run and on `pagehide`. */
  creds: LiveCredentials;
  fieldErrors: FieldErrors;
  credErrors: FieldErrors;
  pasteErrors: PasteError[];
  sources: Record<string, PasteSource>;
  actionError: ActionError | null;
  result: WizardResult | null;
  /** The start form is shown (rather than the results). */
  editing: boolean;
  view: View;
  triageStep: StepId | null;
  running: Job | null;
  progress: StepProgress;
  changes: Partial<Record<StepId, Changes>>;
  focus: Focus | null;
  /** Fields the user has left or pasted into: their problems are shown as they are typed. */
  touched: Record<string, true>;
  /** A run was tried: every field's problem is shown, "required" ones included. */
  attempted: boolean;
}

export const INITIAL_STATE: WizardState = {
  start: EMPTY_START,
  source: "live",
  docs: EMPTY_DOCUMENTS,
  snapshotText: "",
  bundleText: "",
  creds: EMPTY_CREDENTIALS,
  fieldErrors: {},
  credErrors: {},
  pasteErrors: [],
  sources: {},
  actionError: null,
  result: null,
  editing: true,
  view: "overview",
  triageStep: null,
  running: null,
  progress: {},
  changes: {},
  focus: null,
  touched: {},
  attempted: false,
};

export type WizardAction =
  | { type: "edit/start"; start: StartInput }
  | { type: "edit/source"; source: Source }
  | { type: "edit/documents"; docs: OfflineDocuments }
  | { type: "edit/snapshot"; text: string }
  | { type: "edit/bundle"; text: string }
  | { type: "edit/credentials"; creds: LiveCredentials }
  | { type: "credentials/clear" }
  /** A field was left or pasted into (`field` is a start field, or `cred:<name>` for a credential). */
  | { type: "field/touched"; field: string }
  /** Reads the pasted documents (when a box is left): what each was recognised as, or what is wrong. */
  | { type: "documents/read" }
  /** Reads the pasted TiDB Cloud message: the step it points to; fills in what it names, drops a secret it echoes. */
  | { type: "triage/read" }
  | { type: "example/load"; start: StartInput; docs: OfflineDocuments }
  /** The input was checked locally and something is wrong: nothing was sent, nothing typed is dropped. */
  | { type: "job/rejected"; validation: Validation; focus: Focus | null }
  | { type: "job/started"; job: Job; validation: Validation }
  | { type: "job/progress"; progress: StepProgress }
  /** A request was sent and failed: `error` null when the problem is shown under a pasted box instead. */
  | { type: "job/failed"; error: ActionError | null; validation?: Validation }
  /** A whole run succeeded: `openStep` is the step a pasted error message pointed to, opened first. */
  | { type: "run/succeeded"; result: WizardResult; openStep: StepId | null }
  | { type: "recheck/succeeded"; result: WizardResult; step: StepId; changes: Changes }
  | { type: "view/open"; view: View; focus: boolean | { id: string } }
  | { type: "results/edit" }
  | { type: "results/back" }
  | { type: "results/start-over" }
  | { type: "focus/done" };

/**
 * Once a request was sent the form starts afresh: the credentials were cleared, so their "required" must not show
 * until the next attempt.
 */
const SENT = { attempted: false, touched: {} } as const;

/** The messages of the fields whose value did not change. */
function unchanged<T extends object>(errors: FieldErrors, before: T, after: T): FieldErrors {
  const keep = Object.entries(errors).filter(([k]) => before[k as keyof T] === after[k as keyof T]);
  return keep.length === Object.keys(errors).length ? errors : Object.fromEntries(keep);
}

const applyValidation = (s: WizardState, v: Validation): WizardState => ({
  ...s,
  ...(v.fieldErrors ? { fieldErrors: v.fieldErrors } : {}),
  ...(v.credErrors ? { credErrors: v.credErrors } : {}),
  ...(v.pasteErrors ? { pasteErrors: v.pasteErrors } : {}),
  ...(v.sources ? { sources: v.sources } : {}),
});

export function wizardReducer(s: WizardState, a: WizardAction): WizardState {
  switch (a.type) {
    case "edit/start":
      // What the server said about a field holds until the field is changed.
      return { ...s, start: a.start, fieldErrors: unchanged(s.fieldErrors, s.start, a.start) };
    case "edit/source":
      return { ...s, source: a.source };
    case "edit/documents":
      return { ...s, docs: a.docs };
    case "edit/snapshot":
      return { ...s, snapshotText: a.text };
    case "edit/bundle":
      return { ...s, bundleText: a.text };
    case "edit/credentials":
      return { ...s, creds: a.creds, credErrors: unchanged(s.credErrors, s.creds, a.creds) };
    case "credentials/clear":
      return { ...s, creds: EMPTY_CREDENTIALS };
    case "field/touched":
      return s.touched[a.field] ? s : { ...s, touched: { ...s.touched, [a.field]: true } };
    case "documents/read": {
      const build = buildOfflineSnapshot(s.start, s.docs);
      return { ...s, pasteErrors: documentErrors(s.docs, build), sources: build.sources };
    }
    case "triage/read": {
      const tri = triageStart(s.start);
      return { ...s, start: tri.start, triageStep: tri.step };
    }
    case "example/load":
      return {
        ...s,
        start: a.start,
        docs: a.docs,
        snapshotText: "",
        source: "offline",
        pasteErrors: [],
        sources: {},
        fieldErrors: {},
        triageStep: null,
        touched: {},
        attempted: false,
      };
    case "job/rejected":
      return { ...applyValidation(s, a.validation), actionError: null, focus: a.focus, attempted: true };
    case "job/started":
      return { ...applyValidation(s, a.validation), actionError: null, running: a.job, progress: {} };
    case "job/progress":
      return { ...s, progress: a.progress };
    case "job/failed": {
      const next = applyValidation(
        { ...s, running: null, creds: EMPTY_CREDENTIALS, actionError: a.error, ...SENT },
        a.validation ?? {},
      );
      return { ...next, focus: "error" };
    }
    case "run/succeeded": {
      // The message's step, refined by the findings: the step of the failing check the message points to.
      const step = a.openStep ? (stepAfterRun(s.start, a.result.report.findings) ?? a.openStep) : null;
      const open = step && stepsForMode(a.result.report.target.mode).includes(step) ? step : null;
      return {
        ...s,
        running: null,
        creds: EMPTY_CREDENTIALS,
        ...SENT,
        result: a.result,
        changes: {},
        editing: false,
        view: open ?? "overview",
        focus: open ? "step" : "results",
      };
    }
    case "recheck/succeeded":
      return {
        ...s,
        running: null,
        creds: EMPTY_CREDENTIALS,
        ...SENT,
        result: a.result,
        changes: { ...s.changes, [a.step]: a.changes },
        focus: "step",
      };
    case "view/open":
      return {
        ...s,
        view: a.view,
        focus: typeof a.focus === "object" ? a.focus : a.focus ? (a.view === "overview" ? "results" : "step") : s.focus,
      };
    case "results/edit":
      return { ...s, editing: true };
    case "results/back":
      return { ...s, editing: false };
    case "results/start-over":
      return { ...s, result: null, editing: true, changes: {}, actionError: null };
    case "focus/done":
      return { ...s, focus: null };
  }
}
