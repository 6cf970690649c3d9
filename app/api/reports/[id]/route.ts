import { reportsApi } from "@/lib/share/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Ctx = { params: Promise<{ id: string }> };

/** The shared report as JSON (404 unknown, 410 expired or deleted); `?format=md` for the Markdown export. */
export async function GET(request: Request, { params }: Ctx) {
  return reportsApi().get(request, (await params).id);
}

/** Deletes the shared report; needs the creator's token in X-Delete-Token. */
export async function DELETE(request: Request, { params }: Ctx) {
  return reportsApi().remove(request, (await params).id);
}
