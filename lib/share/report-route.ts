import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { cameOverHttps, requestIdFrom } from "@/lib/security/headers";
import { getReportStore } from "./get-store";
import { reportHtmlCache, reportPageResponse } from "./report-page";

/**
 * GET of the read-only shared report /<locale>/r/<id>, one route file per language (app/en/r/[id]/route.ts,
 * app/ja/r/[id]/route.ts) that binds its locale here. A static locale segment leaves Next one dynamic segment to
 * match and to build its parameter pattern for on every request instead of two (`[locale]/r/[id]`): this page is the
 * hot path of shared links. The URL is the same; a path with another locale never reaches these routes.
 *
 * Outside proxy.ts (see its matcher): the answer carries the request id and the security headers all the same.
 */
export function reportPageGet(locale: Locale) {
  return async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
    const { id } = await params;
    return reportPageResponse(locale, id, getReportStore, reportHtmlCache(), {
      requestId: requestIdFrom(request.headers.get("x-request-id")),
      https: cameOverHttps(request.url, request.headers.get("x-forwarded-proto")),
    });
  };
}
