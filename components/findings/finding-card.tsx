"use client";

import { useTranslations } from "next-intl";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Finding } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { formatWithStatementLines } from "@/lib/report/document-lines";
import { documentByName } from "@/lib/snapshot/documents";
import { PolicyDiff } from "./policy-diff";

/** Notes that go with a fix (e.g. "existing objects keep their old key"), when the report carries them. */
function fixNotes(fix: Finding["fix"]): string[] {
  const notes = (fix as { notes?: unknown } | undefined)?.notes;
  return Array.isArray(notes) ? notes.filter((n): n is string => typeof n === "string") : [];
}

const BORDER: Record<Finding["status"], string> = {
  fail: "border-l-red-700",
  warn: "border-l-amber-600",
  unknown: "border-l-violet-700",
  pass: "border-l-emerald-700",
  skipped: "border-l-slate-400",
};

/** One finding: status, title, explanation, the deciding statement in its document, and the fix. */
export function FindingCard({ finding, snapshot }: { finding: Finding; snapshot: Snapshot | null }) {
  const t = useTranslations("findings");
  const ev = finding.evidence;
  const docName = typeof ev?.document === "string" ? ev.document : null;
  const doc = docName
    ? (documentByName(snapshot, docName) ?? (finding.fix?.document === docName ? finding.fix.before : null))
    : null;
  const formatted = doc ? formatWithStatementLines(doc) : null;
  const stIndex = typeof ev?.statement === "number" ? ev.statement : null;
  const range = formatted && stIndex !== null ? (formatted.statementLines[stIndex] ?? null) : null;
  const problem = finding.status === "fail" || finding.status === "warn";
  const fix = finding.fix;
  const afterText = fix?.after != null ? JSON.stringify(fix.after, null, 2) : null;
  const headingId = `finding-${finding.id.replace(/[^a-z0-9-]/gi, "-")}`;

  return (
    <article
      aria-labelledby={headingId}
      data-finding={finding.id}
      data-status={finding.status}
      className={`space-y-3 rounded-lg border border-l-4 border-slate-200 bg-white p-4 ${BORDER[finding.status]}`}
    >
      <h3 id={headingId} className="flex flex-wrap items-start gap-2 text-base font-semibold">
        <StatusBadge status={finding.status} />
        <span className="min-w-0 flex-1 break-words">{finding.title}</span>
      </h3>
      <p className="text-xs text-slate-600">
        <span className="sr-only">{t("checkId")}: </span>
        <code>{finding.id}</code>
      </p>
      {finding.detail ? <p className="whitespace-pre-line break-words text-slate-800">{finding.detail}</p> : null}
      {finding.unavailable ? (
        <p className="rounded bg-violet-50 p-2 text-sm text-violet-950">
          <strong>{t("unavailable")}: </strong>
          {finding.unavailable}
        </p>
      ) : null}

      {formatted && docName ? (
        <details open={problem} className="group">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">
            {stIndex !== null
              ? typeof ev?.sid === "string" && ev.sid
                ? t("evidence.statementSid", { document: docName, index: stIndex, sid: ev.sid })
                : t("evidence.statement", { document: docName, index: stIndex })
              : t("evidence.document", { document: docName })}
          </summary>
          <div className="mt-2">
            <CodeBlock
              code={formatted.text}
              label={t("evidence.label", { document: docName })}
              highlight={range}
              highlightLabel={t("evidence.highlight")}
              testId="evidence-document"
            />
          </div>
        </details>
      ) : null}

      {fix ? (
        <section
          aria-label={t("fix.title")}
          className="space-y-3 rounded border border-emerald-200 bg-emerald-50/50 p-3"
        >
          <h4 className="font-semibold text-emerald-950">{t("fix.title")}</h4>
          {afterText !== null ? (
            <div className="space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm font-medium">{t("fix.corrected", { document: fix.document })}</p>
                <CopyButton text={afterText} label={t("fix.copyJson")} />
              </div>
              <CodeBlock code={afterText} label={t("fix.corrected", { document: fix.document })} testId="fix-after" />
            </div>
          ) : null}
          {fix.before != null || fix.after != null ? (
            <details>
              <summary className="cursor-pointer text-sm font-medium">{t("fix.diff")}</summary>
              <div className="mt-2">
                <PolicyDiff before={fix.before} after={fix.after} />
              </div>
            </details>
          ) : null}
          {fix.cli ? (
            <div className="space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm font-medium">{t("fix.cli")}</p>
                <CopyButton text={fix.cli} label={t("fix.copyCli")} />
              </div>
              <CodeBlock code={fix.cli} label={t("fix.cli")} testId="fix-cli" />
            </div>
          ) : null}
          {fixNotes(fix).length > 0 ? (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {fixNotes(fix).map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
          {(fix.alternatives ?? []).map((alt, i) => {
            const altText = alt.after != null ? JSON.stringify(alt.after, null, 2) : null;
            return (
              <section
                key={i}
                aria-label={t("fix.alternativeLabel")}
                data-testid="fix-alternative"
                className="space-y-2 border-t border-emerald-200 pt-3"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm font-medium">{t("fix.alternative", { document: alt.document })}</p>
                  {altText !== null ? <CopyButton text={altText} label={t("fix.copyJson")} /> : null}
                </div>
                {altText !== null ? (
                  <CodeBlock code={altText} label={t("fix.alternative", { document: alt.document })} />
                ) : null}
                {alt.cli ? (
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <CodeBlock code={alt.cli} label={t("fix.cli")} />
                    <CopyButton text={alt.cli} label={t("fix.copyCli")} />
                  </div>
                ) : null}
              </section>
            );
          })}
          {fix.console && fix.console.length > 0 ? (
            <div>
              <p className="text-sm font-medium">{t("fix.console")}</p>
              <ol className="list-decimal space-y-1 pl-6 text-sm">
                {fix.console.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ol>
            </div>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
