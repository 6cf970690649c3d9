import "server-only";
import { log } from "@/lib/log";
import { readShareConfig, type ShareConfig } from "./config";
import { getReportStore } from "./get-store";
import { hashDeleteToken, isReportId, newDeleteToken, newReportId } from "./ids";
import { reportMarkdown } from "./labels";
import { clientKey, SharedRateLimiter } from "./rate-limit";
import { checkReport } from "./report-schema";
import type { LoadResult, ReportStore } from "./store";
import { readCappedText } from "@/lib/security/body-limit";

/**
 * The report API behind app/api/reports/**: the route files only call these. Built from a store and a
 * configuration so that tests run it against a store of their own.
 *
 * POST   /api/reports                   report JSON → 201 { id, url, deleteUrl, expiresAt }
 * GET    /api/reports/<id>              the report JSON (?format=md: the Markdown export)
 * GET    /api/reports/<id>/markdown     the Markdown export (attachment; ?locale=ja for Japanese labels)
 * DELETE /api/reports/<id>              with X-Delete-Token (or Authorization: Bearer) → 204
 * POST   /api/reports/<id>/delete       form field `token` (the delete page, works without JavaScript) → 303
 * Errors are JSON `{ error: { code, message, path? } }` and never echo a secret.
 */
export interface ReportsApi {
  create(request: Request): Promise<Response>;
  get(request: Request, id: string): Promise<Response>;
  markdown(request: Request, id: string): Promise<Response>;
  remove(request: Request, id: string): Promise<Response>;
  removeFromForm(request: Request, id: string): Promise<Response>;
}

const NO_STORE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow" };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...NO_STORE, ...headers },
  });
}

function error(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return json(status, { error: { code, message, ...extra } }, headers);
}

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Origin of the links handed out: PUBLIC_BASE_URL, else the request's (X-Forwarded-* only behind a trusted proxy). */
function publicOrigin(request: Request, config: Pick<ShareConfig, "publicBaseUrl" | "trustProxy">): string {
  if (config.publicBaseUrl) return config.publicBaseUrl;
  const url = new URL(request.url);
  const h = request.headers;
  const first = (v: string | null) => v?.split(",")[0]?.trim() || undefined;
  let proto = url.protocol.replace(/:$/, "");
  let host = h.get("host") ?? url.host;
  if (config.trustProxy) {
    proto = first(h.get("x-forwarded-proto")) ?? proto;
    host = first(h.get("x-forwarded-host")) ?? host;
  }
  if (proto !== "http" && proto !== "https") proto = "http";
  if (!HOST.test(host)) host = url.host;
  return `${proto}://${host}`;
}

function deleteTokenFrom(request: Request): string | null {
  const header = request.headers.get("x-delete-token")?.trim();
  if (header) return header;
  const auth = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i);
  return auth ? auth[1] : null;
}

const LOCALES = new Set(["en", "ja"]);

export function createReportsApi(deps: {
  store: () => Promise<ReportStore>;
  config?: ShareConfig;
  now?: () => Date;
}): ReportsApi {
  const config = deps.config ?? readShareConfig();
  const now = deps.now ?? (() => new Date());
  // Counted in the store, so that instances sharing a database share the limit.
  const limiter = new SharedRateLimiter(
    "reports",
    config.rateLimit,
    config.rateWindowSeconds * 1000,
    async () => (await deps.store()).counters,
    (e) => log("warn", "share.rate-limit-store-error", { error: e instanceof Error ? e.message : String(e) }),
  );
  let lastPurge = now().getTime();

  /** Expired bodies are dropped when the store opens, and at most once an hour after that. */
  async function purgeNow(store: ReportStore) {
    const t = now();
    if (t.getTime() - lastPurge < 60 * 60 * 1000) return;
    lastPurge = t.getTime();
    try {
      const dropped = await store.purgeExpired(t);
      if (dropped) log("info", "share.purged", { dropped });
    } catch (e) {
      // The report was saved; a failed clean-up must not turn that into an error. The next purge catches up.
      log("warn", "share.purge-failed", { error: e instanceof Error ? e.message : String(e) });
    }
  }

  async function load(id: string) {
    if (!isReportId(id)) return { state: "missing" as const };
    return (await deps.store()).load(id, now());
  }

  /** The answer for a report that cannot be shown: unknown id, expired or deleted, or a stored body that is invalid. */
  function notFoundOrGone(state: Exclude<LoadResult, { state: "found" }>) {
    if (state.state === "invalid") {
      // Saved by an earlier version that checked less: said as such (not as a store failure), never drawn.
      log("warn", "share.invalid-stored-report", { path: state.path });
      return error(422, "invalid-report", `This shared report cannot be shown: ${state.message}`, { path: state.path });
    }
    return state.state === "missing"
      ? error(404, "not-found", "No shared report has this id.")
      : error(
          410,
          state.reason,
          state.reason === "expired"
            ? "This shared report has expired."
            : "This shared report was deleted by its creator.",
        );
  }

  async function markdownResponse(request: Request, id: string): Promise<Response> {
    const res = await load(id);
    if (res.state !== "found") return notFoundOrGone(res);
    const locale = new URL(request.url).searchParams.get("locale");
    const origin = publicOrigin(request, config);
    const lang = locale === "ja" ? "ja" : "en";
    const md = reportMarkdown(res.saved.report, lang, {
      url: `${origin}/r/${id}`,
      expiresAt: res.saved.expiresAt.toISOString(),
    });
    return new Response(md, {
      status: 200,
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="s3-access-doctor-report-${id}.md"`,
        ...NO_STORE,
      },
    });
  }

  const api: ReportsApi = {
    async create(request) {
      const rate = await limiter.take(clientKey(request.headers, config.trustProxy), now().getTime());
      if (!rate.ok) {
        return error(
          429,
          "rate-limited",
          `Too many reports shared from this address; try again in ${rate.retryAfterSeconds} s.`,
          {},
          {
            "Retry-After": String(rate.retryAfterSeconds),
          },
        );
      }
      const type = request.headers.get("content-type") ?? "";
      if (!/^application\/json\b/i.test(type)) {
        return error(415, "unsupported-media-type", "Send the report as JSON (Content-Type: application/json).");
      }
      const text = await readCappedText(request, config.maxReportBytes);
      if (text === null) {
        return error(413, "too-large", `The report is larger than ${Math.floor(config.maxReportBytes / 1024)} KB.`, {
          limitBytes: config.maxReportBytes,
        });
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (e) {
        return error(
          400,
          "invalid-json",
          `The body is not valid JSON: ${e instanceof Error ? e.message : "parse error"}`,
        );
      }
      const checked = checkReport(raw);
      if (!checked.ok) {
        log("warn", "share.refused", { code: checked.code, path: checked.path });
        return error(400, checked.code, checked.message, { path: checked.path });
      }

      const store = await deps.store();
      const id = newReportId();
      const token = newDeleteToken();
      const createdAt = now();
      const expiresAt = new Date(createdAt.getTime() + config.retentionDays * 24 * 60 * 60 * 1000);
      await store.save({ id, report: checked.report, deleteTokenHash: hashDeleteToken(token), createdAt, expiresAt });
      log("info", "share.created", { id, store: store.kind, bytes: text.length });
      await purgeNow(store);
      const origin = publicOrigin(request, config);
      const url = `${origin}/r/${id}`;
      const deleteUrl = `${origin}/r/${id}/delete?token=${token}`;
      return json(201, { id, url, deleteUrl, expiresAt: expiresAt.toISOString() }, { Location: url });
    },

    async get(request, id) {
      if (new URL(request.url).searchParams.get("format") === "md") return markdownResponse(request, id);
      const res = await load(id);
      if (res.state !== "found") return notFoundOrGone(res);
      return json(200, res.saved.report, { "X-Report-Expires": res.saved.expiresAt.toISOString() });
    },

    markdown: markdownResponse,

    async remove(request, id) {
      const token = deleteTokenFrom(request);
      if (!token) return error(401, "token-required", "Send the delete token in the X-Delete-Token header.");
      if (!isReportId(id)) return error(404, "not-found", "No shared report has this id.");
      const result = await (await deps.store()).delete(id, hashDeleteToken(token), now());
      if (result === "deleted") {
        log("info", "share.deleted", { id });
        return new Response(null, { status: 204, headers: NO_STORE });
      }
      if (result === "forbidden") return error(403, "forbidden", "The delete token does not match this report.");
      if (result === "gone") return error(410, "gone", "This shared report was already deleted or has expired.");
      return error(404, "not-found", "No shared report has this id.");
    },

    async removeFromForm(request, id) {
      let token = "";
      let locale = "en";
      try {
        const form = await request.formData();
        token = String(form.get("token") ?? "");
        const l = String(form.get("locale") ?? "");
        if (LOCALES.has(l)) locale = l;
      } catch {
        // An unreadable form is answered like a missing token.
      }
      let result = "no-token";
      if (token && isReportId(id)) result = await (await deps.store()).delete(id, hashDeleteToken(token), now());
      else if (token) result = "missing";
      if (result === "deleted") log("info", "share.deleted", { id });
      // Relative redirect: the browser stays on the host it used.
      return new Response(null, {
        status: 303,
        headers: { Location: `/${locale}/r/${id}/delete?result=${result}`, ...NO_STORE },
      });
    },
  };

  // A store that cannot be reached (database down, disk full) is a 503 with a plain message, never a stack trace.
  const guarded: Record<string, (request: Request, id: string) => Promise<Response>> = {};
  for (const [name, handler] of Object.entries(api) as [
    keyof ReportsApi,
    (r: Request, id: string) => Promise<Response>,
  ][]) {
    guarded[name] = async (request, id) => {
      try {
        return await handler(request, id);
      } catch (e) {
        log("error", "share.store-error", { handler: name, error: e instanceof Error ? e.message : String(e) });
        return error(
          503,
          "store-unavailable",
          "Shared reports are unavailable right now; try again later.",
          {},
          { "Retry-After": "30" },
        );
      }
    };
  }
  return guarded as unknown as ReportsApi;
}

let defaultApi: ReportsApi | undefined;

/** The API the route handlers use: the app's store and the environment's configuration. */
export function reportsApi(): ReportsApi {
  defaultApi ??= createReportsApi({ store: getReportStore });
  return defaultApi;
}
