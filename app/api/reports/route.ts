import { logRequest } from "@/lib/request-log";
import { reportsApi } from "@/lib/share/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Saves a report for sharing: 201 { id, url, deleteUrl, expiresAt }. No GET: shared reports are never listed. */
export async function POST(request: Request) {
  return logRequest("api.reports.create", request, () => reportsApi().create(request));
}
