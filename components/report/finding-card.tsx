import { useTranslations } from "next-intl";
import { useId } from "react";
import type { Finding } from "@/lib/report/types";
import { CodeBlock, json } from "./code-block";
import { StatusBadge } from "./status-badge";

/** The statement the evidence points at, when the fix carries the current document. */
function decidingStatement(f: Finding): unknown {
  const index = f.evidence?.statement;
  const doc = f.fix?.before as { Statement?: unknown } | null | undefined;
  if (typeof index !== "number" || !doc) return undefined;
  const list = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  return list[index];
}

/** Notes that go with a fix (an optional field that newer reports carry). */
function fixNotes(f: Finding): string[] {
  const notes = (f.fix as { notes?: unknown } | undefined)?.notes;
  return Array.isArray(notes) ? notes.filter((n): n is string => typeof n === "string") : [];
}

export function FindingCard({ finding: f }: { finding: Finding }) {
  const t = useTranslations("share.report");
  const headingId = useId();
  const ev = f.evidence;
  const statement = decidingStatement(f);
  const unknownKeys = Array.isArray(ev?.unknownKeys) ? ev.unknownKeys.map(String) : [];
  const notes = fixNotes(f);
  return (
    <article className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={headingId}>
      <header className="flex flex-wrap items-center gap-2">
        <StatusBadge status={f.status} />
        <h4 id={headingId} className="font-semibold text-slate-900">
          {f.title}
        </h4>
      </header>
      <p className="text-xs text-slate-600">
        {t("checkId")}: <code className="font-mono">{f.id}</code>
      </p>
      {f.detail ? <p className="whitespace-pre-wrap break-words text-slate-800">{f.detail}</p> : null}
      {ev && (ev.document || typeof ev.statement === "number" || ev.sid) ? (
        <div className="text-sm text-slate-800">
          <p className="font-medium">{t("evidence")}</p>
          <ul className="list-disc pl-5">
            {typeof ev.document === "string" ? (
              <li>
                {t("document")}: <code className="font-mono">{ev.document}</code>
              </li>
            ) : null}
            {typeof ev.statement === "number" ? <li>{t("statementIndex", { index: ev.statement })}</li> : null}
            {typeof ev.sid === "string" ? (
              <li>
                {t("sid")}: <code className="font-mono">{ev.sid}</code>
              </li>
            ) : null}
            {unknownKeys.length ? (
              <li>
                {t("unknownKeys")}: <code className="font-mono">{unknownKeys.join(", ")}</code>
              </li>
            ) : null}
          </ul>
          {statement !== undefined ? <CodeBlock label={t("evidence")}>{json(statement)}</CodeBlock> : null}
        </div>
      ) : null}
      {f.unavailable ? (
        <p className="text-sm text-slate-800">
          <span className="font-medium">{t("unavailable")}: </span>
          <span className="break-words">{f.unavailable}</span>
        </p>
      ) : null}
      {f.fix ? (
        <section className="space-y-2 border-t border-slate-200 pt-3" aria-label={t("fix")}>
          <h5 className="font-semibold text-slate-900">{t("fix")}</h5>
          {f.fix.after ? (
            <>
              <p className="text-sm">{t("after", { document: f.fix.document })}</p>
              <CodeBlock label={t("after", { document: f.fix.document })}>{json(f.fix.after)}</CodeBlock>
            </>
          ) : null}
          {f.fix.cli ? (
            <>
              <p className="text-sm">{t("cli")}</p>
              <CodeBlock label={t("cli")}>{f.fix.cli}</CodeBlock>
            </>
          ) : null}
          {f.fix.console?.length ? (
            <>
              <p className="text-sm">{t("console")}</p>
              <ol className="list-decimal pl-5 text-sm">
                {f.fix.console.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ol>
            </>
          ) : null}
          {notes.length ? (
            <ul className="list-disc pl-5 text-sm text-slate-800">
              {notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
          {f.fix.before ? (
            <details className="text-sm">
              <summary className="cursor-pointer text-blue-800">{t("before")}</summary>
              <CodeBlock label={t("before")}>{json(f.fix.before)}</CodeBlock>
            </details>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
