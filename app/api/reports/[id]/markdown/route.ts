import { reportsApi } from "@/lib/share/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The shared report as a Markdown file for a support ticket (`?locale=ja` for Japanese headings). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return reportsApi().markdown(request, (await params).id);
}
