/**
 * The shared report page (/<locale>/r/<id>) as one HTML string: no React, no client runtime, no inline script or
 * style, so that it can be cached per report and language and served under a CSP without a nonce
 * (see lib/share/report-route.ts). The report itself is lib/report/render-html.ts over the report model, the same
 * markup the share panel previews; this file adds the page around it.
 *
 * Every string goes through escapeHtml; the messages go through next-intl's translator (ICU, plurals).
 */
import { createTranslator } from "use-intl/core";
import { escapeHtml, renderReportBody } from "@/lib/report/render-html";
import type { Report, ReportLocale } from "@/lib/report/types";
import { reportModel } from "@/lib/report/view-model";

type ShareMessages = typeof import("@/lib/i18n/messages/en/share.json");
type CommonMessages = typeof import("@/lib/i18n/messages/en/common.json");

export interface PageMessages {
  share: ShareMessages;
  common: CommonMessages;
}

export interface SavedReportMeta {
  id: string;
  createdAt: Date;
  expiresAt: Date;
}

/** The stylesheet the page links (built by scripts/build-report-css.mjs). */
const REPORT_STYLESHEET = "/report.css";

export { escapeHtml };

function formatDate(date: Date, locale: string): string {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(date)} UTC`;
}

const e = escapeHtml;

function shareTranslator(locale: ReportLocale, messages: PageMessages) {
  return createTranslator({ locale, messages: { share: messages.share }, namespace: "share" });
}

const LOCALES = ["en", "ja"] as const;

/** The page around a main part: head, skip link, site header with the language links, main, footer. */
function documentShell(opts: {
  locale: string;
  title: string;
  path: (locale: string) => string;
  main: string;
  common: CommonMessages;
}): string {
  const { locale, common: c } = opts;
  const languages = LOCALES.map((l) => {
    const current = l === locale;
    const cls = current
      ? "rounded px-2 py-1 font-semibold text-slate-900 bg-slate-200"
      : "rounded px-2 py-1 text-slate-700 hover:bg-slate-100 underline-offset-2 hover:underline";
    return `<a href="${e(opts.path(l))}" lang="${l}" hreflang="${l}"${current ? ' aria-current="true"' : ""} class="${cls}">${e(c.languageNames[l])}</a>`;
  }).join("");
  return `<!DOCTYPE html>
<html lang="${e(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(opts.title)} · ${e(c.appName)}</title>
<meta name="description" content="${e(c.tagline)}">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<link rel="stylesheet" href="${REPORT_STYLESHEET}">
</head>
<body class="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
<a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">${e(c.skipToContent)}</a>
<header class="border-b border-slate-200 bg-white"><div class="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3"><a href="/${e(locale)}" class="flex items-center gap-2 font-semibold text-slate-900"><span aria-hidden="true" class="inline-block h-6 w-6 rounded bg-blue-700 text-center text-sm leading-6 text-white">S3</span>${e(c.appName)}</a><div class="flex items-center gap-4"><a href="/${e(locale)}/wizard" class="text-sm font-medium text-blue-800 underline-offset-2 hover:underline">${e(c.nav.wizard)}</a><nav aria-label="${e(c.language)}" class="flex items-center gap-1 text-sm">${languages}</nav></div></div></header>
<main id="main" class="mx-auto max-w-5xl px-4 py-8">
${opts.main}
</main>
<footer class="mx-auto max-w-5xl px-4 pb-8 text-sm text-slate-600">${e(c.footer)}</footer>
</body>
</html>
`;
}

/** The whole shared-report page of a saved report, in one language (findings in it when the report has them). */
export function renderReportHtml(
  report: Report,
  meta: SavedReportMeta,
  locale: ReportLocale,
  messages: PageMessages,
): string {
  const t = shareTranslator(locale, messages);
  const id = encodeURIComponent(meta.id);
  const main =
    `<div class="space-y-8"><header class="space-y-3">` +
    `<h1 class="text-3xl font-bold tracking-tight">${e(t("page.title"))}</h1>` +
    `<p class="text-slate-700">${e(t("page.readOnly", { expires: formatDate(meta.expiresAt, locale) }))}</p>` +
    `<p class="text-sm text-slate-600">${e(t("page.created", { created: formatDate(meta.createdAt, locale) }))} ${e(t("page.redactedNote"))}</p>` +
    `<ul class="flex flex-wrap gap-4 text-sm">` +
    `<li><a class="font-medium text-blue-800 underline" href="/api/reports/${id}/markdown?locale=${e(locale)}" download>${e(t("page.downloadMarkdown"))}</a></li>` +
    `<li><a class="font-medium text-blue-800 underline" href="/api/reports/${id}">${e(t("page.viewJson"))}</a></li>` +
    `</ul></header>` +
    renderReportBody(reportModel(report, { locale })) +
    `</div>`;
  return documentShell({ locale, title: t("page.title"), path: (l) => `/${l}/r/${id}`, main, common: messages.common });
}

/** A page that says why the report is not shown: a heading, a sentence and the way back, in the page's frame. */
function statusPage(
  text: { title: string; body: string; home: string },
  id: string,
  locale: string,
  messages: PageMessages,
): string {
  const main =
    `<div class="space-y-3"><h1 class="text-2xl font-bold">${e(text.title)}</h1>` +
    `<p>${e(text.body)}</p>` +
    `<p><a href="/${e(locale)}" class="text-blue-800 underline">${e(text.home)}</a></p></div>`;
  return documentShell({
    locale,
    title: text.title,
    path: (l) => `/${l}/r/${encodeURIComponent(id)}`,
    main,
    common: messages.common,
  });
}

/** "This report cannot be shown" (answered with 422): a stored report that no longer passes the schema. */
export function renderInvalidHtml(problem: string, id: string, locale: ReportLocale, messages: PageMessages): string {
  const t = shareTranslator(locale, messages);
  const text = { title: t("invalid.title"), body: t("invalid.body", { problem }), home: t("invalid.home") };
  return statusPage(text, id, locale, messages);
}

/** "This report is no longer available" (answered with 410). */
export function renderGoneHtml(
  reason: "expired" | "deleted",
  id: string,
  locale: string,
  messages: PageMessages,
): string {
  const g = messages.share.gone;
  return statusPage(
    { title: g.title, body: reason === "expired" ? g.expired : g.deleted, home: g.home },
    id,
    locale,
    messages,
  );
}

/** "Shared reports are unavailable right now" (answered with 503): the store could not be reached. */
export function renderUnavailableHtml(id: string, locale: string, messages: PageMessages): string {
  return statusPage(messages.share.unavailable, id, locale, messages);
}

/** "Page not found" (answered with 404), in the page's frame. */
export function renderNotFoundHtml(path: string, locale: string, messages: PageMessages): string {
  const nf = messages.common.notFound;
  const main =
    `<div class="space-y-3"><h1 class="text-2xl font-bold">${e(nf.title)}</h1><p>${e(nf.body)}</p>` +
    `<a href="/${e(locale)}" class="text-blue-800 underline">${e(nf.home)}</a></div>`;
  return documentShell({ locale, title: nf.title, path: (l) => `/${l}${path}`, main, common: messages.common });
}
