import { logRequest } from "@/lib/request-log";
import { reportsApi } from "@/lib/share/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The shared report as a Markdown file for a support ticket (`?locale=ja` for Japanese headings). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return logRequest("api.reports.markdown", request, () => reportsApi().markdown(request, id));
}
