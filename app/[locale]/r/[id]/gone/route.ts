import { getReportStore } from "@/lib/share/get-store";
import { isReportId } from "@/lib/share/ids";
import { shareMessages } from "@/lib/share/labels";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * "This report is no longer available", with HTTP 410 Gone: the report page sends expired and deleted reports here,
 * because a page cannot answer 410. Plain HTML without scripts, in the viewer's language.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const lang = locale === "ja" ? "ja" : "en";
  const back = new Response(null, { status: 307, headers: { Location: `/${lang}/r/${encodeURIComponent(id)}` } });
  if (!isReportId(id)) return back;
  const res = await (await getReportStore()).load(id);
  if (res.state !== "gone") return back;
  const m = shareMessages(lang).gone;
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(m.title)} · S3 Access Doctor</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#0f172a;background:#f8fafc;line-height:1.6}a{color:#1e40af}</style>
</head>
<body>
<main>
<h1>${escapeHtml(m.title)}</h1>
<p>${escapeHtml(res.reason === "expired" ? m.expired : m.deleted)}</p>
<p><a href="/${lang}">${escapeHtml(m.home)}</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 410,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow" },
  });
}
