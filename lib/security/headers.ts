/**
 * Security headers, built in one place for pages (with a per-request CSP nonce) and for the API.
 * Pure: the proxy calls these with the request's facts.
 */

export interface HeaderOptions {
  nonce: string;
  /** true in `next dev`, where React needs eval for its debugging aids. */
  dev: boolean;
  /** The request came over HTTPS (directly or per X-Forwarded-Proto from a trusted proxy). */
  https: boolean;
}

/** CSP for HTML pages: scripts only with this response's nonce (no inline scripts without it), no framing. */
export function pageCsp({ nonce, dev }: Pick<HeaderOptions, "nonce" | "dev">): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles: our stylesheet plus React's style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * CSP for the shared report page (lib/share/report-route.ts), plain HTML without any inline script or style:
 * same-origin scripts and our stylesheet only, no nonce needed, so the page can be rendered once and cached.
 */
export const REPORT_PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** CSP for JSON and Markdown answers of the API: nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Strict-Transport-Security, sent on answers to requests that came over HTTPS. */
export const HSTS = "max-age=63072000; includeSubDomains";

export function commonHeaders({ https }: Pick<HeaderOptions, "https">): Record<string, string> {
  const h: Record<string, string> = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // HSTS only means something over HTTPS; over plain HTTP browsers ignore it and it would mislead.
  if (https) h["Strict-Transport-Security"] = HSTS;
  return h;
}

/** Whether the request came over HTTPS: directly, or per X-Forwarded-Proto (from a proxy in front). */
export function cameOverHttps(url: string, forwardedProto: string | null): boolean {
  return url.startsWith("https:") || forwardedProto === "https";
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** A request id: the incoming X-Request-Id when it is a sane token, else a new UUID. */
export function requestIdFrom(incoming: string | null): string {
  if (incoming && /^[A-Za-z0-9._-]{8,128}$/.test(incoming)) return incoming;
  return crypto.randomUUID();
}
