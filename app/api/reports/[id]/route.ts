import { logRequest } from "@/lib/request-log";
import { reportsApi } from "@/lib/share/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Ctx = { params: Promise<{ id: string }> };

/** The shared report as JSON (404 unknown, 410 expired or deleted); `?format=md` for the Markdown export. */
export async function GET(request: Request, { params }: Ctx) {
  const { id } = await params;
  return logRequest("api.reports.get", request, () => reportsApi().get(request, id));
}

/** Deletes the shared report; needs the creator's token in X-Delete-Token. */
export async function DELETE(request: Request, { params }: Ctx) {
  const { id } = await params;
  return logRequest("api.reports.delete", request, () => reportsApi().remove(request, id));
}
