// Browsers ask for /favicon.ico on pages without an icon link (the 410 page, plain answers): give them our icon
// (the same picture as app/icon.svg).
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4ed8"/>' +
  '<text x="16" y="21" font-family="sans-serif" font-size="13" font-weight="700" text-anchor="middle" fill="#fff">S3</text></svg>';

export function GET() {
  return new Response(ICON, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" } });
}
