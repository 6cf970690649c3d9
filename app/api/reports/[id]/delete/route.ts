import { logRequest } from "@/lib/request-log";
import { reportsApi } from "@/lib/share/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The delete page's form (works without JavaScript): deletes with the form's token, then back to the page. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return logRequest("api.reports.delete-form", request, () => reportsApi().removeFromForm(request, id));
}
