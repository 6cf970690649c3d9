/**
 * The shared report page (/<locale>/r/<id>) as one HTML string: no React, no client runtime, no inline script or
 * style, so that it can be cached per report and language and served under a CSP without a nonce
 * (see app/[locale]/r/[id]/route.ts). The structure, headings and labels follow components/report/report-view.tsx,
 * which the share panel's preview still uses.
 *
 * Every string that comes from a report goes through escapeHtml; so do the messages. The Tailwind classes used here
 * are compiled into public/report.css by scripts/build-report-css.mjs, which scans this file.
 */
import { STATUSES, STEPS, type CheckStatus, type Finding, type Report } from "@/lib/report/types";

export type ShareMessages = typeof import("@/lib/i18n/messages/en/share.json");
export type CommonMessages = typeof import("@/lib/i18n/messages/en/common.json");

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
export const REPORT_STYLESHEET = "/report.css";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute value (always double-quoted here) as inert HTML. Anything not a string is converted first. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Replaces `{name}` placeholders (the messages use no other ICU syntax). Values are inserted as given: escape after. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

function formatDate(date: Date, locale: string): string {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(date)} UTC`;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2) ?? String(value);

const e = escapeHtml;

const STATUS_STYLES: Record<CheckStatus, string> = {
  fail: "bg-red-100 text-red-900 ring-red-300",
  warn: "bg-amber-100 text-amber-900 ring-amber-300",
  unknown: "bg-violet-100 text-violet-900 ring-violet-300",
  pass: "bg-green-100 text-green-900 ring-green-300",
  skipped: "bg-slate-100 text-slate-800 ring-slate-300",
};

const TARGET_FIELDS = ["bucketUri", "roleArn", "externalId", "tidbAccountId", "accessKeyId", "region"] as const;

function codeBlock(text: string, label?: string): string {
  const aria = label === undefined ? "" : ` aria-label="${e(label)}"`;
  return `<pre${aria} tabindex="0" class="max-h-[28rem] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-50"><code>${e(text)}</code></pre>`;
}

/** The statement the evidence points at, when the fix carries the current document. */
function decidingStatement(f: Finding): unknown {
  const index = f.evidence?.statement;
  const doc = f.fix?.before as { Statement?: unknown } | null | undefined;
  if (typeof index !== "number" || !doc || typeof doc !== "object") return undefined;
  const list = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  return list[index];
}

/** Notes that go with a fix (an optional field that newer reports carry). */
function fixNotes(f: Finding): string[] {
  const notes = (f.fix as { notes?: unknown } | undefined)?.notes;
  return Array.isArray(notes) ? notes.filter((n): n is string => typeof n === "string") : [];
}

function statusBadge(status: CheckStatus, r: ShareMessages["report"]): string {
  const known = (STATUSES as readonly string[]).includes(status);
  const word = known ? r.statuses[status] : String(status);
  return `<span class="inline-block rounded px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ring-1 ${STATUS_STYLES[status] ?? STATUS_STYLES.unknown}">${e(word)}</span>`;
}

function findingCard(f: Finding, headingId: string, r: ShareMessages["report"]): string {
  const out: string[] = [];
  const ev = f.evidence;
  const statement = decidingStatement(f);
  const unknownKeys = Array.isArray(ev?.unknownKeys) ? ev.unknownKeys.map(String) : [];
  const notes = fixNotes(f);
  out.push(
    `<article class="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="${headingId}">`,
  );
  out.push(
    `<header class="flex flex-wrap items-center gap-2">${statusBadge(f.status, r)}<h4 id="${headingId}" class="font-semibold text-slate-900">${e(f.title)}</h4></header>`,
  );
  out.push(`<p class="text-xs text-slate-600">${e(r.checkId)}: <code class="font-mono">${e(f.id)}</code></p>`);
  if (f.detail) out.push(`<p class="whitespace-pre-wrap break-words text-slate-800">${e(f.detail)}</p>`);
  if (ev && (ev.document || typeof ev.statement === "number" || ev.sid)) {
    out.push(
      `<div class="text-sm text-slate-800"><p class="font-medium">${e(r.evidence)}</p><ul class="list-disc pl-5">`,
    );
    if (typeof ev.document === "string")
      out.push(`<li>${e(r.document)}: <code class="font-mono">${e(ev.document)}</code></li>`);
    if (typeof ev.statement === "number") out.push(`<li>${e(fill(r.statementIndex, { index: ev.statement }))}</li>`);
    if (typeof ev.sid === "string") out.push(`<li>${e(r.sid)}: <code class="font-mono">${e(ev.sid)}</code></li>`);
    if (unknownKeys.length)
      out.push(`<li>${e(r.unknownKeys)}: <code class="font-mono">${e(unknownKeys.join(", "))}</code></li>`);
    out.push("</ul>");
    if (statement !== undefined) out.push(codeBlock(json(statement), r.evidence));
    out.push("</div>");
  }
  if (f.unavailable) {
    out.push(
      `<p class="text-sm text-slate-800"><span class="font-medium">${e(r.unavailable)}: </span><span class="break-words">${e(f.unavailable)}</span></p>`,
    );
  }
  if (f.fix) {
    const fix = f.fix;
    out.push(
      `<section class="space-y-2 border-t border-slate-200 pt-3" aria-label="${e(r.fix)}"><h5 class="font-semibold text-slate-900">${e(r.fix)}</h5>`,
    );
    if (fix.after) {
      const label = fill(r.after, { document: String(fix.document) });
      out.push(`<p class="text-sm">${e(label)}</p>${codeBlock(json(fix.after), label)}`);
    }
    if (fix.cli) out.push(`<p class="text-sm">${e(r.cli)}</p>${codeBlock(String(fix.cli), r.cli)}`);
    if (Array.isArray(fix.console) && fix.console.length) {
      out.push(`<p class="text-sm">${e(r.console)}</p><ol class="list-decimal pl-5 text-sm">`);
      for (const s of fix.console) out.push(`<li>${e(s)}</li>`);
      out.push("</ol>");
    }
    if (notes.length) {
      out.push(`<ul class="list-disc pl-5 text-sm text-slate-800">`);
      for (const n of notes) out.push(`<li>${e(n)}</li>`);
      out.push("</ul>");
    }
    if (fix.before) {
      out.push(
        `<details class="text-sm"><summary class="cursor-pointer text-blue-800">${e(r.before)}</summary>${codeBlock(json(fix.before), r.before)}</details>`,
      );
    }
    out.push("</section>");
  }
  out.push("</article>");
  return out.join("");
}

/** Target, summary and findings grouped by step: the body of a report (ReportView's structure). */
export function renderReportBody(report: Report, r: ShareMessages["report"]): string {
  const out: string[] = [];
  const target = report.target ?? ({} as Report["target"]);
  out.push(`<div class="space-y-8">`);

  out.push(
    `<section aria-labelledby="report-target" class="space-y-2"><h2 id="report-target" class="text-xl font-semibold">${e(r.target)}</h2>`,
  );
  out.push(
    `<dl class="grid grid-cols-1 gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[12rem_1fr]">`,
  );
  const mode = target.mode === "role" || target.mode === "access-key" ? r.modes[target.mode] : String(target.mode);
  out.push(`<dt class="font-medium text-slate-700">${e(r.mode)}</dt><dd>${e(mode)}</dd>`);
  for (const k of TARGET_FIELDS) {
    if (target[k]) {
      out.push(
        `<div class="contents"><dt class="font-medium text-slate-700">${e(r.fields[k])}</dt><dd class="break-all font-mono">${e(target[k])}</dd></div>`,
      );
    }
  }
  if (target.errorMessage) {
    out.push(
      `<div class="contents"><dt class="font-medium text-slate-700">${e(r.fields.errorMessage)}</dt><dd class="whitespace-pre-wrap break-words font-mono">${e(target.errorMessage)}</dd></div>`,
    );
  }
  out.push("</dl>");
  if (report.generatedAt) {
    const time = String(report.generatedAt)
      .replace("T", " ")
      .replace(/\.\d+Z$|Z$/, " UTC");
    out.push(`<p class="text-sm text-slate-600">${e(fill(r.generatedAt, { time }))}</p>`);
  }
  out.push("</section>");

  out.push(
    `<section aria-labelledby="report-summary" class="space-y-2"><h2 id="report-summary" class="text-xl font-semibold">${e(r.summary)}</h2><ul class="flex flex-wrap gap-3 text-sm">`,
  );
  for (const s of STATUSES) {
    const count = Number(report.summary?.[s] ?? 0);
    out.push(
      `<li class="rounded border border-slate-200 bg-white px-3 py-1">${e(r.statuses[s])}: <strong>${e(Number.isFinite(count) ? count : 0)}</strong></li>`,
    );
  }
  out.push("</ul></section>");

  out.push(
    `<section aria-labelledby="report-findings" class="space-y-6"><h2 id="report-findings" class="text-xl font-semibold">${e(r.findings)}</h2>`,
  );
  const findings = Array.isArray(report.findings) ? report.findings : [];
  if (findings.length === 0) out.push(`<p>${e(r.noFindings)}</p>`);
  let n = 0;
  for (const step of STEPS) {
    const inStep = findings.filter((f) => f.step === step);
    if (!inStep.length) continue;
    out.push(
      `<section aria-labelledby="step-${step}" class="space-y-3"><h3 id="step-${step}" class="text-lg font-semibold text-slate-900">${e(r.steps[step])}</h3>`,
    );
    for (const f of inStep) out.push(findingCard(f, `finding-${++n}`, r));
    out.push("</section>");
  }
  out.push("</section></div>");
  return out.join("");
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

/** The whole shared-report page of a saved report, in one language. `locale` must be one of the app's locales. */
export function renderReportHtml(
  report: Report,
  meta: SavedReportMeta,
  locale: string,
  messages: PageMessages,
): string {
  const p = messages.share.page;
  const id = encodeURIComponent(meta.id);
  const main =
    `<div class="space-y-8"><header class="space-y-3">` +
    `<h1 class="text-3xl font-bold tracking-tight">${e(p.title)}</h1>` +
    `<p class="text-slate-700">${e(fill(p.readOnly, { expires: formatDate(meta.expiresAt, locale) }))}</p>` +
    `<p class="text-sm text-slate-600">${e(fill(p.created, { created: formatDate(meta.createdAt, locale) }))} ${e(p.redactedNote)}</p>` +
    `<ul class="flex flex-wrap gap-4 text-sm">` +
    `<li><a class="font-medium text-blue-800 underline" href="/api/reports/${id}/markdown?locale=${e(encodeURIComponent(locale))}" download>${e(p.downloadMarkdown)}</a></li>` +
    `<li><a class="font-medium text-blue-800 underline" href="/api/reports/${id}">${e(p.viewJson)}</a></li>` +
    `</ul></header>` +
    renderReportBody(report, messages.share.report) +
    `</div>`;
  return documentShell({ locale, title: p.title, path: (l) => `/${l}/r/${id}`, main, common: messages.common });
}

/** "This report is no longer available" (answered with 410), in the page's frame. */
export function renderGoneHtml(
  reason: "expired" | "deleted",
  id: string,
  locale: string,
  messages: PageMessages,
): string {
  const g = messages.share.gone;
  const main =
    `<div class="space-y-3"><h1 class="text-2xl font-bold">${e(g.title)}</h1>` +
    `<p>${e(reason === "expired" ? g.expired : g.deleted)}</p>` +
    `<p><a href="/${e(locale)}" class="text-blue-800 underline">${e(g.home)}</a></p></div>`;
  return documentShell({
    locale,
    title: g.title,
    path: (l) => `/${l}/r/${encodeURIComponent(id)}`,
    main,
    common: messages.common,
  });
}

/** "Page not found" (answered with 404), in the page's frame. */
export function renderNotFoundHtml(path: string, locale: string, messages: PageMessages): string {
  const nf = messages.common.notFound;
  const main =
    `<div class="space-y-3"><h1 class="text-2xl font-bold">${e(nf.title)}</h1><p>${e(nf.body)}</p>` +
    `<a href="/${e(locale)}" class="text-blue-800 underline">${e(nf.home)}</a></div>`;
  return documentShell({ locale, title: nf.title, path: (l) => `/${l}${path}`, main, common: messages.common });
}
