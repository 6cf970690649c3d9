import { cameOverHttps, requestIdFrom } from "@/lib/security/headers";
import { getReportStore } from "@/lib/share/get-store";
import { reportHtmlCache, reportPageResponse } from "@/lib/share/report-page";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The read-only shared report: plain HTML from lib/share/render-report-html.ts, without Next's client runtime (it is
 * complete with JavaScript off), cached per report and language; 404 unknown, 410 expired or deleted. Outside proxy.ts
 * (see its matcher): the answer carries the request id and the security headers all the same.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  return reportPageResponse(locale, id, getReportStore, reportHtmlCache(), {
    requestId: requestIdFrom(request.headers.get("x-request-id")),
    https: cameOverHttps(request.url, request.headers.get("x-forwarded-proto")),
  });
}
