import "server-only";
import { gzipSync } from "node:zlib";
import common from "@/lib/i18n/messages/en/common.json";
import commonJa from "@/lib/i18n/messages/ja/common.json";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { log } from "@/lib/log";
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
  renderUnavailableHtml,
  type PageMessages,
} from "./render-report-html";
import type { LoadResult, ReportStore, StatusResult } from "./store";

/**
 * The shared report page as a plain HTML answer (see lib/share/report-route.ts): 200 with the report, 404 for an
 * id that is not ours or unknown, 410 for an expired or deleted report, 503 when the store cannot be reached. The store
 * is asked on every request, so a deleted or expired report is never served from the cache; only the rendering of a
 * found report is cached.
 */

const COMMON: Record<ReportLocale, PageMessages["common"]> = { en: common, ja: commonJa };

export function pageMessages(locale: ReportLocale): PageMessages {
  return { share: shareMessages(locale), common: COMMON[locale] };
}

/** Rendered pages, kept as UTF-8 bytes (encoded once, not per request), and gzipped once asked so (key `…:gzip`). */
export type PageCache = HtmlCache<Uint8Array<ArrayBuffer>>;

const g = globalThis as { __s3doctorReportHtml?: PageCache };

/** The process's cache of rendered report pages: at most 500 pages and 64 MB. */
export function reportHtmlCache(): PageCache {
  g.__s3doctorReportHtml ??= new HtmlCache<Uint8Array<ArrayBuffer>>(500, 64 * 1024 * 1024);
  return g.__s3doctorReportHtml;
}

const encoder = new TextEncoder();

/**
 * What the answer depends on besides the report: the request id (X-Request-Id), whether the request came over HTTPS,
 * and whether the client takes gzip (Accept-Encoding; see acceptsGzip).
 */
export interface RequestFacts {
  requestId: string;
  https: boolean;
  gzip?: boolean;
}

/**
 * Whether an Accept-Encoding header takes gzip: named (or `*`) without `q=0` (RFC 9110 §12.5.3). `identity` alone, a
 * missing header or `gzip;q=0` do not.
 */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let star = false;
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const refused = q !== undefined && Number(q.slice(2)) === 0;
    if (name === "gzip" || name === "x-gzip") return !refused;
    if (name === "*") star = !refused;
  }
  return star;
}

/**
 * Every header of the page's answers, built once: this route is outside proxy.ts (see its matcher), so it sets the
 * proxy's security headers itself, with its own CSP; per request only the request id and, over HTTPS, HSTS are added.
 */
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": REPORT_PAGE_CSP,
  // Shared by link only: not for shared caches, not for search engines.
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex, nofollow",
  ...commonHeaders({ https: false }),
};

/**
 * One answer of the page: status, headers and body, written by the route (lib/share/report-route.ts) straight to
 * Node's response. A cached page is the cached bytes themselves: nothing writes to them, so answers share them.
 */
export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

function html(
  text: string | Uint8Array<ArrayBuffer>,
  status: number,
  facts: RequestFacts,
  encoding?: "gzip",
): PageAnswer {
  const body = typeof text === "string" ? encoder.encode(text) : text;
  const headers: Record<string, string> = {
    ...PAGE_HEADERS,
    "Content-Length": String(body.byteLength),
    "X-Request-Id": facts.requestId,
  };
  if (encoding) headers["Content-Encoding"] = encoding;
  // The 200 page comes as is or gzipped, by the request's Accept-Encoding.
  if (status === 200) headers["Vary"] = "Accept-Encoding";
  if (facts.https) headers["Strict-Transport-Security"] = HSTS;
  return { status, headers, body };
}

/**
 * The page gzipped, compressed once and cached beside it: browsers ask for gzip, and compressing tens of kB on every
 * answer would cost the server more than the rest of the answer together.
 */
function gzipped(cache: PageCache, key: string, page: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  let zipped = cache.get(`${key}:gzip`);
  if (zipped === undefined) {
    const out = gzipSync(page, { level: 9 });
    zipped = new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength);
    cache.set(`${key}:gzip`, zipped);
  }
  return zipped;
}

export async function reportPage(
  locale: string,
  id: string,
  store: () => Promise<ReportStore>,
  cache: PageCache = reportHtmlCache(),
  facts: RequestFacts = { requestId: crypto.randomUUID(), https: false },
): Promise<PageAnswer> {
  const lang: ReportLocale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const messages = pageMessages(lang);
  if (!isLocale(locale) || !isReportId(id))
    return html(renderNotFoundHtml(`/r/${encodeURIComponent(id)}`, lang, messages), 404, facts);
  try {
    return await storedPage(lang, id, messages, store, cache, facts);
  } catch (e) {
    // A store that cannot be reached (database down, disk full): a page saying so, never a stack trace.
    log("error", "share.store-error", { handler: "page", error: e instanceof Error ? e.message : String(e) });
    const answer = html(renderUnavailableHtml(id, lang, messages), 503, facts);
    answer.headers["Retry-After"] = "30";
    return answer;
  }
}

async function storedPage(
  lang: ReportLocale,
  id: string,
  messages: PageMessages,
  store: () => Promise<ReportStore>,
  cache: PageCache,
  facts: RequestFacts,
): Promise<PageAnswer> {
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
  return facts.gzip ? html(gzipped(cache, key, page), 200, facts, "gzip") : html(page, 200, facts);
}
