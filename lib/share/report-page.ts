import "server-only";
import common from "@/lib/i18n/messages/en/common.json";
import commonJa from "@/lib/i18n/messages/ja/common.json";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { commonHeaders, HSTS, REPORT_PAGE_CSP } from "@/lib/security/headers";
import { HtmlCache } from "./html-cache";
import { isReportId } from "./ids";
import { shareMessages } from "./labels";
import type { ReportLocale } from "@/lib/report/types";
import {
  renderGoneHtml,
  renderInvalidHtml,
  renderNotFoundHtml,
  renderReportHtml,
  type PageMessages,
} from "./render-report-html";
import type { LoadResult, ReportStore, StatusResult } from "./store";

/**
 * The shared report page as a plain HTML answer (see lib/share/report-route.ts): 200 with the report, 404 for an
 * id that is not ours or unknown, 410 for an expired or deleted report. The store is asked on every request, so a
 * deleted or expired report is never served from the cache; only the rendering of a found report is cached.
 */

const COMMON: Record<ReportLocale, PageMessages["common"]> = { en: common, ja: commonJa };

export function pageMessages(locale: ReportLocale): PageMessages {
  return { share: shareMessages(locale), common: COMMON[locale] };
}

/** Rendered pages, kept as UTF-8 bytes (encoded once, not per request). */
export type PageCache = HtmlCache<Uint8Array<ArrayBuffer>>;

const g = globalThis as { __s3doctorReportHtml?: PageCache };

/** The process's cache of rendered report pages: at most 500 pages and 64 MB. */
export function reportHtmlCache(): PageCache {
  g.__s3doctorReportHtml ??= new HtmlCache<Uint8Array<ArrayBuffer>>(500, 64 * 1024 * 1024);
  return g.__s3doctorReportHtml;
}

const encoder = new TextEncoder();

/** What the answer's headers depend on: the request id (X-Request-Id) and whether the request came over HTTPS. */
export interface RequestFacts {
  requestId: string;
  https: boolean;
}

/**
 * Every header of the page's answers, built once: this route is outside proxy.ts (see its matcher), so it sets the
 * proxy's security headers itself, with its own CSP; per request only the request id and, over HTTPS, HSTS are added.
 */
const PAGE_HEADERS: [string, string][] = [
  ["Content-Type", "text/html; charset=utf-8"],
  ["Content-Security-Policy", REPORT_PAGE_CSP],
  // Shared by link only: not for shared caches, not for search engines.
  ["Cache-Control", "private, no-store"],
  ["X-Robots-Tag", "noindex, nofollow"],
  ...Object.entries(commonHeaders({ https: false })),
];

/**
 * A cached page as a body without a copy: given bytes, `new Response` copies them on every answer (undici's
 * extractBody), tens of kB per request; a stream of the one cached chunk is read as is. Nothing writes to a cached
 * page, so sharing it between answers is safe.
 */
function bodyOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

function html(body: string | Uint8Array<ArrayBuffer>, status: number, facts: RequestFacts): Response {
  const headers = [...PAGE_HEADERS, ["X-Request-Id", facts.requestId] as [string, string]];
  if (facts.https) headers.push(["Strict-Transport-Security", HSTS]);
  return new Response(typeof body === "string" ? body : bodyOf(body), { status, headers });
}

export async function reportPageResponse(
  locale: string,
  id: string,
  store: () => Promise<ReportStore>,
  cache: PageCache = reportHtmlCache(),
  facts: RequestFacts = { requestId: crypto.randomUUID(), https: false },
): Promise<Response> {
  const lang: ReportLocale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const messages = pageMessages(lang);
  if (!isLocale(locale) || !isReportId(id))
    return html(renderNotFoundHtml(`/r/${encodeURIComponent(id)}`, lang, messages), 404, facts);
  const reports = await store();
  // The store is asked on every request (without the body: cheap), so a cached page of a report that has since expired
  // or been deleted is never served.
  let res: LoadResult | StatusResult = await reports.status(id);
  const key = `${id}:${lang}`;
  let page = res.state === "found" ? cache.get(key) : undefined;
  if (page === undefined && res.state === "found") {
    res = await reports.load(id);
    if (res.state === "found") {
      const { report, createdAt, expiresAt } = res.saved;
      // Findings in the viewer's language when the report carries that translation.
      page = encoder.encode(renderReportHtml(report, { id, createdAt, expiresAt }, lang, messages));
      cache.set(key, page);
    }
  }
  if (res.state === "invalid") {
    cache.deletePrefix(`${id}:`);
    return html(renderInvalidHtml(res.message, id, lang, messages), 422, facts);
  }
  if (res.state === "missing") {
    cache.deletePrefix(`${id}:`);
    return html(renderNotFoundHtml(`/r/${id}`, lang, messages), 404, facts);
  }
  if (res.state === "gone" || page === undefined) {
    cache.deletePrefix(`${id}:`);
    return html(renderGoneHtml(res.state === "gone" ? res.reason : "deleted", id, lang, messages), 410, facts);
  }
  return html(page, 200, facts);
}
