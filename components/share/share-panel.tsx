"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { renderReportBody } from "@/lib/report/render-html";
import type { Report } from "@/lib/report/types";
import { reportModel } from "@/lib/report/view-model";
import { redactReport, type Replacement } from "@/lib/share/redact";

interface SaveAnswer {
  id: string;
  url: string;
  deleteUrl: string;
  expiresAt?: string;
}

async function saveReport(report: Report): Promise<SaveAnswer> {
  const res = await fetch("/api/reports", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(report),
  });
  const data = (await res.json().catch(() => null)) as (SaveAnswer & { error?: { message?: string } }) | null;
  if (res.status !== 201 || !data?.url) throw new Error(data?.error?.message ?? `HTTP ${res.status}`);
  return data;
}

/**
 * Share a report: shows what will be shared (redacted by default, with the list of replacements and the report as
 * it will read), saves it, then shows the link with a copy button and the creator's delete link.
 * The wizard's summary step embeds it: <SharePanel report={report} />.
 */
export function SharePanel({ report }: { report: Report }) {
  const t = useTranslations("share.panel");
  const locale = useLocale();
  const uid = useId();
  const [redact, setRedact] = useState(true);
  const [copied, setCopied] = useState(false);
  const redacted = useMemo(() => redactReport(report), [report]);
  const shared = redact ? redacted.report : report;
  // The very markup of the shared page (lib/report/render-html.ts, escaped there), read in this page's language.
  const preview = useMemo(
    () => renderReportBody(reportModel(shared, { locale: locale === "ja" ? "ja" : "en" }), { idPrefix: `${uid}-` }),
    [shared, locale, uid],
  );
  const save = useMutation({ mutationFn: saveReport });

  const toggle = (on: boolean) => {
    setRedact(on);
    save.reset();
    setCopied(false);
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const expires = save.data?.expiresAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(save.data.expiresAt))
    : null;

  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id={`${uid}-title`} className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-700">{t("intro")}</p>

      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-1" checked={redact} onChange={(e) => toggle(e.target.checked)} />
        <span>{t("redact")}</span>
      </label>

      {redact ? (
        <Replacements list={redacted.replacements} />
      ) : (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t("notRedacted")}
        </p>
      )}

      <details className="rounded-md border border-slate-200 p-3">
        <summary className="cursor-pointer font-medium text-blue-800">{t("preview")}</summary>
        <div className="mt-4" data-testid="share-preview" dangerouslySetInnerHTML={{ __html: preview }} />
      </details>

      {save.data ? (
        <div className="space-y-3 rounded-md border border-green-300 bg-green-50 p-3" role="status">
          <p className="font-medium text-green-900">{t("saved")}</p>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${uid}-link`} className="sr-only">
              {t("link")}
            </label>
            <input
              id={`${uid}-link`}
              readOnly
              value={save.data.url}
              className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              onClick={() => copy(save.data!.url)}
              className="rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100"
            >
              {copied ? t("copied") : t("copy")}
            </button>
          </div>
          {expires ? <p className="text-sm text-slate-700">{t("expires", { date: expires })}</p> : null}
          <p className="text-sm text-slate-700">
            {t("deleteLink")}{" "}
            <a className="break-all font-mono text-blue-800 underline" href={save.data.deleteUrl}>
              {save.data.deleteUrl}
            </a>
          </p>
        </div>
      ) : (
        <button
          type="button"
          disabled={save.isPending}
          onClick={() => save.mutate(shared)}
          className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {save.isPending ? t("saving") : t("save")}
        </button>
      )}
      {save.isError ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {t("error", { message: save.error.message })}
        </p>
      ) : null}
    </section>
  );
}

function Replacements({ list }: { list: Replacement[] }) {
  const t = useTranslations("share.panel");
  if (!list.length) return <p className="text-sm text-slate-700">{t("noReplacements")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="pb-2 text-left font-medium">{t("replacementsTitle")}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-3"></th>
            <th scope="col" className="py-1 pr-3">
              {t("original")}
            </th>
            <th scope="col" className="py-1">
              {t("placeholder")}
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={`${r.kind}:${r.original}`} className="border-b border-slate-100 align-top">
              <td className="py-1 pr-3 text-slate-700">{t(`kinds.${r.kind}`)}</td>
              <td className="break-all py-1 pr-3 font-mono">{r.original}</td>
              <td className="break-all py-1 font-mono">{r.placeholder}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
