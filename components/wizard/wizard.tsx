"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { FindingList } from "@/components/findings/finding-list";
import { SharePanel } from "@/components/share/share-panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { analyzeSnapshotAction } from "@/lib/actions/analyze-snapshot";
import type { ActionError } from "@/lib/actions/result";
import type { Report } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { triageErrorMessage } from "@/lib/triage";
import { accessPath } from "@/lib/wizard/access-path";
import { buildOfflineSnapshot, redactPastedErrorMessage, targetFromStart } from "@/lib/wizard/build-snapshot";
import { EXAMPLES, type ExampleId } from "@/lib/wizard/examples";
import { EMPTY_DOCUMENTS, EMPTY_START, type OfflineDocuments, type StartInput } from "@/lib/wizard/form-types";
import { parsePastedSnapshot, type PasteError, type PasteSource } from "@/lib/wizard/parse-pasted";
import { mergeStepReport, stepChanges, type StatusChange } from "@/lib/wizard/report-merge";
import { findingsOfStep, isStepId, stepStatus, stepsForMode, type StepId } from "@/lib/wizard/steps";
import { AccessPathPicture } from "./access-path-picture";
import {
  CredentialFields,
  EMPTY_CREDENTIALS,
  LiveSource,
  type HowToGetCredentials,
  type LiveCredentials,
} from "./live-credentials";
import { ExampleButtons, GROUPS_OF_STEP, OfflineDocumentsForm, SnapshotPaste } from "./offline-documents";
import { StartForm, type FieldErrors } from "./start-form";
import { runLiveStream, type StepProgress } from "./live-stream";
import { StepNav, type View } from "./step-nav";

type Source = "live" | "offline";

interface Result {
  report: Report;
  snapshot: Snapshot;
  source: Source;
  /** Offline from a pasted whole snapshot rather than from single documents. */
  fromSnapshot?: boolean;
}

type Job = { kind: "run" } | { kind: "recheck"; step: StepId };
type JobOutcome =
  | { ok: true; result: Result; step?: StepId; changes?: { changed: StatusChange[]; unchanged: number } }
  | { ok: false; error: ActionError | null };

/** Client-side checks of the start form: what must be there before anything is sent. */
function startProblems(start: StartInput, t: (k: string) => string): FieldErrors {
  const e: FieldErrors = {};
  if (!start.bucketUri.trim()) e.bucketUri = t("required");
  if (start.mode === "access-key" && !start.accessKeyId.trim()) e.accessKeyId = t("required");
  return e;
}

export function Wizard({ policyJson, howTo }: { policyJson: string; howTo: HowToGetCredentials }) {
  const t = useTranslations("wizard");
  const locale = useLocale() as "en" | "ja";
  const [start, setStart] = useState<StartInput>(EMPTY_START);
  const [source, setSource] = useState<Source>("live");
  const [docs, setDocs] = useState<OfflineDocuments>(EMPTY_DOCUMENTS);
  const [snapshotText, setSnapshotText] = useState("");
  // Credentials: component state only. Cleared after every run and when the page is left.
  const [creds, setCreds] = useState<LiveCredentials>(EMPTY_CREDENTIALS);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [credErrors, setCredErrors] = useState<Record<string, string>>({});
  const [pasteErrors, setPasteErrors] = useState<PasteError[]>([]);
  const [sources, setSources] = useState<Record<string, PasteSource>>({});
  const [actionError, setActionError] = useState<ActionError | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [editing, setEditing] = useState(true);
  const [view, setView] = useState<View>("overview");
  const [triageStep, setTriageStep] = useState<StepId | null>(null);
  const [progress, setProgress] = useState<StepProgress>({});
  const [changes, setChanges] = useState<Partial<Record<StepId, { changed: StatusChange[]; unchanged: number }>>>({});
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const focusNext = useRef<"results" | "step" | "error" | null>(null);
  const jobStart = useRef<StartInput>(start);

  useEffect(() => {
    const clear = () => setCreds(EMPTY_CREDENTIALS);
    window.addEventListener("pagehide", clear);
    return () => {
      window.removeEventListener("pagehide", clear);
    };
  }, []);

  // Moves focus once the element it should go to is on the page (a render may come before the one that shows it).
  useEffect(() => {
    const target = focusNext.current;
    const el =
      target === "results"
        ? resultsHeading.current
        : target === "step"
          ? stepHeading.current
          : target === "error"
            ? errorBox.current
            : null;
    if (el) {
      focusNext.current = null;
      el.focus();
    }
  });

  const open = useCallback((v: View) => {
    setView(v);
    focusNext.current = v === "overview" ? "results" : "step";
    if (typeof window !== "undefined") window.history.replaceState(null, "", `#step-${v}`);
  }, []);

  useEffect(() => {
    const onHash = () => {
      const v = window.location.hash.replace(/^#step-/, "");
      if (v === "overview" || isStepId(v)) setView(v as View);
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const runTriage = useCallback((s: StartInput): { step: StepId | null; start: StartInput } => {
    if (!s.errorMessage.trim()) return { step: null, start: s };
    const tri = triageErrorMessage(s.errorMessage);
    // TiDB Cloud's access-key message echoes the secret access key: drop it from the form at once.
    const redacted = redactPastedErrorMessage(s.errorMessage);
    const cleaned = redacted === s.errorMessage ? s : { ...s, errorMessage: redacted };
    if (!tri) return { step: null, start: cleaned };
    const next = { ...cleaned };
    if (tri.roleArn && !next.roleArn.trim()) next.roleArn = tri.roleArn;
    if (tri.bucketUri && !next.bucketUri.trim()) next.bucketUri = tri.bucketUri;
    if (tri.accessKeyId && !next.accessKeyId.trim()) next.accessKeyId = tri.accessKeyId;
    if (tri.kind === "tidb-access-key" && !next.roleArn.trim()) next.mode = "access-key";
    if (tri.kind === "tidb-assume-role") next.mode = "role";
    return { step: tri.step, start: next };
  }, []);

  /** The server validated the pasted snapshot: show its finding under the snapshot box, with the JSON path. */
  const snapshotProblem = (error: ActionError): JobOutcome => {
    if (error.code !== "input.invalid" || !error.field?.startsWith("snapshot")) return { ok: false, error };
    const path = `$${error.field.slice("snapshot".length)}`.replace(/^\$(?=[^.[]|$)/, "$");
    const message = error.message.startsWith(`${error.field}: `)
      ? error.message.slice(error.field.length + 2)
      : error.message;
    setPasteErrors([{ field: "snapshot", path, code: "snapshot.invalid", message, params: { message } }]);
    return { ok: false, error: null };
  };

  const mutation = useMutation({
    // The variables hold no credential: they are read from state when the job runs, never cached by React Query.
    mutationFn: async (job: Job): Promise<JobOutcome> => {
      // The start form as submitted (with what the error-message triage filled in), not as of the last render.
      const start = jobStart.current;
      const target = targetFromStart(start);
      if (job.kind === "run") {
        if (source === "offline" && snapshotText.trim()) {
          const pasted = parsePastedSnapshot(snapshotText);
          setPasteErrors(pasted.ok ? [] : [pasted.error]);
          if (!pasted.ok) return { ok: false, error: null };
          const r = await analyzeSnapshotAction({ snapshot: pasted.value, locale });
          if (!r.ok) return snapshotProblem(r.error);
          return {
            ok: true,
            result: { report: r.data.report, snapshot: pasted.value as Snapshot, source, fromSnapshot: true },
          };
        }
        if (source === "offline") {
          const build = buildOfflineSnapshot(start, docs);
          setPasteErrors(build.errors);
          setSources(build.sources);
          if (build.errors.length > 0) return { ok: false, error: null };
          const r = await analyzeSnapshotAction({ snapshot: build.snapshot, locale });
          return r.ok
            ? { ok: true, result: { report: r.data.report, snapshot: build.snapshot, source } }
            : { ok: false, error: r.error };
        }
        const r = await runLiveStream(locale, { target, credentials: creds, locale }, setProgress);
        return r.ok
          ? { ok: true, result: { report: r.data.report, snapshot: r.data.snapshot, source } }
          : { ok: false, error: r.error };
      }
      if (!result) return { ok: false, error: null };
      const step = job.step;
      let partial: Report;
      let snapshot: Snapshot;
      if (result.fromSnapshot) {
        const pasted = parsePastedSnapshot(snapshotText);
        setPasteErrors(pasted.ok ? [] : [pasted.error]);
        if (!pasted.ok) return { ok: false, error: null };
        const r = await analyzeSnapshotAction({ snapshot: pasted.value, steps: [step], locale });
        if (!r.ok) return snapshotProblem(r.error);
        partial = r.data.report;
        snapshot = pasted.value as Snapshot;
      } else if (result.source === "offline") {
        const build = buildOfflineSnapshot(start, docs);
        setPasteErrors(build.errors);
        setSources(build.sources);
        if (build.errors.length > 0) return { ok: false, error: null };
        const r = await analyzeSnapshotAction({ snapshot: build.snapshot, steps: [step], locale });
        if (!r.ok) return { ok: false, error: r.error };
        partial = r.data.report;
        snapshot = build.snapshot;
      } else {
        const r = await runLiveStream(
          locale,
          { target, credentials: creds, locale, only: [step], base: result.snapshot },
          setProgress,
        );
        if (!r.ok) return { ok: false, error: r.error };
        partial = r.data.report;
        snapshot = r.data.snapshot;
      }
      const merged = mergeStepReport(result.report, partial, step);
      return {
        ok: true,
        step,
        changes: stepChanges(result.report, merged, step),
        result: { report: merged, snapshot, source: result.source, fromSnapshot: result.fromSnapshot },
      };
    },
    onSettled: () => setCreds(EMPTY_CREDENTIALS),
  });

  const submit = (job: Job) => {
    setActionError(null);
    jobStart.current = start;
    if (job.kind === "run") {
      const tri = runTriage(start);
      jobStart.current = tri.start;
      if (tri.start !== start) setStart(tri.start);
      setTriageStep(tri.step);
      const wholeSnapshot = source === "offline" && snapshotText.trim() !== "";
      const problems = wholeSnapshot ? {} : startProblems(tri.start, (k) => t(`errors.${k}`));
      setFieldErrors(problems);
      if (Object.keys(problems).length > 0) {
        focusNext.current = null;
        document.getElementById(Object.keys(problems)[0])?.focus();
        return;
      }
    }
    const usesLive = job.kind === "run" ? source === "live" : result?.source === "live";
    if (usesLive) {
      const ce: Record<string, string> = {};
      if (!creds.accessKeyId.trim()) ce.accessKeyId = t("errors.required");
      if (!creds.secretAccessKey.trim()) ce.secretAccessKey = t("errors.required");
      setCredErrors(ce);
      if (Object.keys(ce).length > 0) {
        document.getElementById(`${job.kind === "run" ? "cred" : "recheck"}-${Object.keys(ce)[0]}`)?.focus();
        return;
      }
    }
    const triStep = job.kind === "run" ? runTriage(jobStart.current).step : null;
    setProgress({});
    mutation.mutate(job, {
      onSuccess: (out) => {
        if (!out.ok) {
          setActionError(out.error);
          const field = out.error?.field;
          if (field?.startsWith("credentials.")) {
            // Which credential to look at again (never the value itself).
            setCredErrors({ [field.slice("credentials.".length)]: t(`actionErrors.${out.error!.code}.title`) });
          } else if (out.error?.code === "input.invalid" && field) {
            const f = field.replace(/^target\./, "");
            setFieldErrors((e) => ({ ...e, [f]: out.error?.message ?? "" }));
          }
          focusNext.current = "error";
          return;
        }
        setResult(out.result);
        if (out.step && out.changes) {
          const s = out.step;
          const c = out.changes;
          setChanges((prev) => ({ ...prev, [s]: c }));
          focusNext.current = "step";
        } else {
          setChanges({});
          setEditing(false);
          const first: View =
            triStep && stepsForMode(out.result.report.target.mode).includes(triStep) ? triStep : "overview";
          setView(first);
          focusNext.current = first === "overview" ? "results" : "step";
        }
      },
      onError: () => {
        setActionError({ code: "internal", message: "" });
        focusNext.current = "error";
      },
    });
  };

  /** Reads the pasted documents when the user leaves a box: what each was recognised as, or what is wrong. */
  const checkDocuments = () => {
    const build = buildOfflineSnapshot(start, docs);
    setPasteErrors(build.errors);
    setSources(build.sources);
  };

  const loadExample = (id: ExampleId) => {
    const ex = EXAMPLES[id];
    setStart(ex.start);
    setDocs(ex.documents);
    setSnapshotText("");
    setSource("offline");
    setPasteErrors([]);
    setSources({});
    setFieldErrors({});
    setTriageStep(null);
  };

  const pending = mutation.isPending;
  const runningJob = pending ? mutation.variables : undefined;
  const steps = stepsForMode(result?.report.target.mode ?? start.mode);
  const errorView =
    actionError || pasteErrors.length > 0 ? (
      <div
        ref={errorBox}
        tabIndex={-1}
        role="alert"
        className="space-y-1 rounded border border-red-700 bg-red-50 p-3 text-red-950"
      >
        {actionError ? (
          <>
            <p className="font-semibold">{t(`actionErrors.${actionError.code}.title`)}</p>
            <p>{t(`actionErrors.${actionError.code}.todo`)}</p>
            {actionError.message ? <p className="break-words text-sm">{actionError.message}</p> : null}
          </>
        ) : (
          <p className="font-semibold">{t("pasteErrors.summary", { count: pasteErrors.length })}</p>
        )}
      </div>
    ) : null;

  if (editing || !result) {
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
            submit({ kind: "run" });
          }}
        >
          <StartForm
            start={start}
            onChange={setStart}
            errors={fieldErrors}
            triageStep={triageStep}
            onErrorMessageBlur={() => {
              const tri = runTriage(start);
              setTriageStep(tri.step);
              if (tri.start !== start) setStart(tri.start);
            }}
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
                {(["live", "offline"] as const).map((s) => (
                  <label key={s} className="flex items-start gap-2">
                    <input
                      type="radio"
                      name="source"
                      value={s}
                      checked={source === s}
                      onChange={() => setSource(s)}
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
              <LiveSource creds={creds} onChange={setCreds} errors={credErrors} policyJson={policyJson} howTo={howTo} />
            ) : (
              <div className="space-y-6">
                <ExampleButtons onLoad={loadExample} />
                <OfflineDocumentsForm
                  mode={start.mode}
                  docs={docs}
                  onChange={setDocs}
                  errors={pasteErrors}
                  sources={sources}
                  onCheck={checkDocuments}
                />
                <details open={snapshotText.trim() !== "" || undefined} className="rounded border border-slate-200 p-3">
                  <summary className="cursor-pointer font-medium">{t("offline.snapshot.summary")}</summary>
                  <div className="mt-3">
                    <SnapshotPaste text={snapshotText} onChange={setSnapshotText} errors={pasteErrors} />
                  </div>
                </details>
              </div>
            )}
          </section>
          {errorView}
          {pending ? (
            <RunProgress steps={stepsForMode(start.mode)} live={source === "live"} progress={progress} />
          ) : null}
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-blue-700 px-5 py-3 font-semibold text-white shadow hover:bg-blue-800 disabled:opacity-60"
            >
              {pending ? t("running") : t("run")}
            </button>
            {result ? (
              <button
                type="button"
                onClick={() => setEditing(false)}
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

  const report = result.report;
  const mode = report.target.mode;
  const recheckingStep = runningJob?.kind === "recheck" ? runningJob.step : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h1 ref={resultsHeading} tabIndex={-1} className="text-2xl font-bold sm:text-3xl">
            {t("results.title")}
          </h1>
          <p className="break-all text-sm text-slate-700">
            {t(`results.target.${mode}`, {
              bucket: report.target.bucketUri,
              principal: (mode === "role" ? report.target.roleArn : report.target.accessKeyId) ?? "—",
            })}
            {" · "}
            {t(`source.${result.source}`)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => setEditing(true)}
            className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100"
          >
            {t("results.edit")}
          </button>
          <button
            type="button"
            onClick={() => {
              setResult(null);
              setEditing(true);
              setChanges({});
              setActionError(null);
            }}
            className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100"
          >
            {t("results.startOver")}
          </button>
        </div>
      </div>
      <div className="grid gap-6 md:grid-cols-[15rem_1fr]">
        <div>
          <StepNav
            steps={steps}
            statusOf={(s) => stepStatus(report, s)}
            active={view}
            onOpen={open}
            pending={(s) => recheckingStep === s}
          />
        </div>
        <div className="min-w-0 space-y-4">
          {view === "overview" ? (
            <Overview report={report} mode={mode} steps={steps} onOpen={open} />
          ) : (
            <section aria-labelledby="step-title" className="space-y-4" data-step={view}>
              <div className="space-y-1">
                <h2
                  id="step-title"
                  ref={stepHeading}
                  tabIndex={-1}
                  className="flex flex-wrap items-center gap-2 text-xl font-semibold"
                >
                  {t(`steps.${view}.title`)} <StatusBadge status={stepStatus(report, view)} />
                </h2>
                <p className="text-slate-700">{t(`steps.${view}.intro`)}</p>
              </div>
              {recheckingStep === view ? (
                <RunProgress steps={[view]} live={result.source === "live"} progress={progress} />
              ) : null}
              {changes[view] ? <ChangeList changes={changes[view]!} /> : null}
              <FindingList findings={findingsOfStep(report, view)} snapshot={result.snapshot} />
              {view !== "intake" && view !== "summary" ? (
                <section
                  aria-labelledby="recheck-title"
                  className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
                >
                  <h3 id="recheck-title" className="font-semibold">
                    {t("recheck.title")}
                  </h3>
                  <p className="text-sm text-slate-700">
                    {t(result.source === "live" ? "recheck.hintLive" : "recheck.hintOffline")}
                  </p>
                  {result.source === "live" ? (
                    <CredentialFields creds={creds} onChange={setCreds} errors={credErrors} idPrefix="recheck" />
                  ) : result.fromSnapshot ? (
                    <SnapshotPaste
                      text={snapshotText}
                      onChange={setSnapshotText}
                      errors={pasteErrors}
                      idPrefix="recheck"
                    />
                  ) : (
                    <OfflineDocumentsForm
                      mode={mode}
                      docs={docs}
                      onChange={setDocs}
                      errors={pasteErrors}
                      sources={sources}
                      groups={GROUPS_OF_STEP[view] ?? []}
                      idPrefix="recheck"
                      onCheck={checkDocuments}
                    />
                  )}
                  {errorView}
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => submit({ kind: "recheck", step: view })}
                    className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
                  >
                    {recheckingStep === view ? t("recheck.running") : t("recheck.button")}
                  </button>
                </section>
              ) : null}
              {view === "summary" ? <SharePanel report={report} /> : null}
              <StepPager steps={steps} view={view} onOpen={open} />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

function Overview({
  report,
  mode,
  steps,
  onOpen,
}: {
  report: Report;
  mode: "role" | "access-key";
  steps: StepId[];
  onOpen: (v: View) => void;
}) {
  const t = useTranslations("wizard");
  const problems = report.findings.filter((f) => f.status === "fail" || f.status === "warn");
  return (
    <section aria-labelledby="overview-title" className="space-y-5">
      <h2 id="overview-title" className="text-xl font-semibold">
        {t("overview.title")}
      </h2>
      <p className="text-slate-800">
        {t("overview.summary", {
          fail: report.summary.fail,
          warn: report.summary.warn,
          unknown: report.summary.unknown,
          pass: report.summary.pass,
        })}
      </p>
      <AccessPathPicture hops={accessPath(report, mode)} onOpen={onOpen} />
      <div className="space-y-2">
        <h3 className="font-semibold">{problems.length > 0 ? t("overview.problems") : t("overview.noProblems")}</h3>
        {problems.length > 0 ? (
          <ul className="space-y-1">
            {problems.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-2">
                <StatusBadge status={f.status} />
                <a
                  href={`#step-${f.step}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(f.step);
                  }}
                  className="text-blue-800 underline"
                >
                  {f.title}
                </a>
                <span className="text-sm text-slate-600">({t(`steps.${f.step}.title`)})</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <StepPager steps={steps} view="overview" onOpen={onOpen} />
    </section>
  );
}

function StepPager({ steps, view, onOpen }: { steps: StepId[]; view: View; onOpen: (v: View) => void }) {
  const t = useTranslations("wizard");
  const order: View[] = ["overview", ...steps];
  const i = order.indexOf(view);
  const prev = i > 0 ? order[i - 1] : null;
  const next = i < order.length - 1 ? order[i + 1] : null;
  const label = (v: View) => (v === "overview" ? t("nav.overview") : t(`steps.${v}.title`));
  return (
    <nav aria-label={t("nav.pager")} className="flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-4">
      {prev ? (
        <button
          type="button"
          onClick={() => onOpen(prev)}
          className="rounded border border-slate-400 bg-white px-3 py-2 text-sm hover:bg-slate-100"
        >
          ← {t("nav.previous", { step: label(prev) })}
        </button>
      ) : (
        <span />
      )}
      {next ? (
        <button
          type="button"
          onClick={() => onOpen(next)}
          className="rounded bg-slate-800 px-3 py-2 text-sm font-medium text-white hover:bg-slate-900"
        >
          {t("nav.next", { step: label(next) })} →
        </button>
      ) : null}
    </nav>
  );
}

function ChangeList({ changes }: { changes: { changed: StatusChange[]; unchanged: number } }) {
  const t = useTranslations("wizard.recheck");
  const ts = useTranslations("findings.status");
  return (
    <div role="status" className="space-y-1 rounded border border-blue-300 bg-blue-50 p-3 text-sm">
      <p className="font-semibold">
        {changes.changed.length > 0 ? t("changed", { count: changes.changed.length }) : t("nothingChanged")}
      </p>
      {changes.changed.length > 0 ? (
        <ul className="list-disc pl-5">
          {changes.changed.map((c) => (
            <li key={c.id} data-change={c.id}>
              {c.title}: {c.before ? ts(c.before) : t("new")} → {c.after ? ts(c.after) : t("gone")}
            </li>
          ))}
        </ul>
      ) : null}
      {changes.unchanged > 0 ? <p>{t("unchanged", { count: changes.unchanged })}</p> : null}
    </div>
  );
}

function RunProgress({ steps, live, progress }: { steps: StepId[]; live: boolean; progress: StepProgress }) {
  const t = useTranslations("wizard");
  const [seconds, setSeconds] = useState(0);
  const total = Object.values(progress).reduce(
    (a, p) => ({ started: a.started + (p?.started ?? 0), ended: a.ended + (p?.ended ?? 0) }),
    { started: 0, ended: 0 },
  );
  useEffect(() => {
    const id = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <div role="status" aria-live="polite" className="space-y-2 rounded border border-slate-300 bg-white p-3">
      <p className="font-medium">{live ? t("progress.live", { seconds }) : t("progress.offline")}</p>
      {total.started > 0 ? (
        <progress className="w-full" aria-label={t("progress.label")} max={total.started} value={total.ended} />
      ) : (
        <progress className="w-full" aria-label={t("progress.label")} />
      )}
      <ul className="grid gap-1 text-sm sm:grid-cols-2">
        {steps.map((s) => {
          const p = progress[s];
          const state = !live || !p ? "pending" : p.ended < p.started ? "reading" : "read";
          return (
            <li key={s} className="flex items-center gap-2" data-progress={s} data-state={state}>
              <span
                aria-hidden="true"
                className={`inline-block h-3 w-3 rounded-full ${state === "read" ? "bg-emerald-600" : "animate-pulse bg-blue-600"}`}
              />
              {t(`steps.${s}.title`)}:{" "}
              {state === "pending"
                ? t("progress.pending")
                : t(`progress.${state}`, { ended: p?.ended ?? 0, started: p?.started ?? 0 })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
