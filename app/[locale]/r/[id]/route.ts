import { getReportStore } from "@/lib/share/get-store";
import { reportPageResponse } from "@/lib/share/report-page";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The read-only shared report: plain HTML from lib/share/render-report-html.ts, without Next's client runtime (it is
 * complete with JavaScript off), cached per report and language; 404 unknown, 410 expired or deleted.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  return reportPageResponse(locale, id, getReportStore);
}
