import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "@/i18n/routing";
import { oversizeAction } from "@/lib/security/body-limit";
import {
  API_CSP,
  cameOverHttps,
  commonHeaders,
  newNonce,
  pageCsp,
  REPORT_PAGE_CSP,
  requestIdFrom,
} from "@/lib/security/headers";

const handleI18nRouting = createMiddleware(routing);

/**
 * The shared report page: plain HTML without any script (lib/share/report-route.ts, behind a rewrite in next.config.js),
 * so no nonce. The matcher below keeps it out of the proxy altogether (its route handler sets the same headers itself:
 * it is the hot path of shared links); this branch serves any variant of its path the matcher lets through.
 */
const REPORT_PAGE = new RegExp(`^/(?:${routing.locales.join("|")})/r/[^/]+/?$`);

/** Where next.config.js rewrites the report page to: not an address of its own. */
const REPORT_PAGE_TARGET = "/api/report-page/";

/**
 * Every request gets a request id and the security headers. Pages also get a fresh CSP nonce (Next applies it to its
 * own scripts when it finds the CSP in the request headers) and locale negotiation; the API gets a strict CSP, and so
 * does the shared report page, which is plain HTML without any script (no nonce, so that it can be cached).
 */
export default function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  const https = cameOverHttps(request.url, request.headers.get("x-forwarded-proto"));
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const isReportPage = REPORT_PAGE.test(request.nextUrl.pathname);

  if (request.nextUrl.pathname.startsWith(REPORT_PAGE_TARGET)) {
    const hidden = NextResponse.json(
      { error: { code: "not-found", message: "Nothing is served at this address." } },
      { status: 404 },
    );
    hidden.headers.set("Content-Security-Policy", API_CSP);
    hidden.headers.set("X-Request-Id", requestId);
    for (const [k, v] of Object.entries(commonHeaders({ https }))) hidden.headers.set(k, v);
    return hidden;
  }

  // A server action over the body limit: a clear 413 instead of Next's HTTP 500 with an opaque digest.
  const tooLarge = oversizeAction(request.method, request.headers);
  if (tooLarge) {
    const refused = NextResponse.json(tooLarge, { status: 413 });
    refused.headers.set("Content-Security-Policy", API_CSP);
    refused.headers.set("X-Request-Id", requestId);
    for (const [k, v] of Object.entries(commonHeaders({ https }))) refused.headers.set(k, v);
    return refused;
  }

  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  let csp = isReportPage ? REPORT_PAGE_CSP : API_CSP;
  if (!isApi && !isReportPage) {
    const nonce = newNonce();
    csp = pageCsp({ nonce, dev: process.env.NODE_ENV === "development" });
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
  }

  // The report page's path already names its locale (one of ours, per REPORT_PAGE): no negotiation needed, and it is
  // the hot path of shared links.
  const response =
    isApi || isReportPage
      ? NextResponse.next({ request: { headers } })
      : handleI18nRouting(new NextRequest(request.url, { headers, method: request.method }));

  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  for (const [k, v] of Object.entries(commonHeaders({ https }))) response.headers.set(k, v);
  return response;
}

export const config = {
  // Everything but Next's static assets, files with an extension (icons, robots.txt) and the shared report page
  // /<locale>/r/<id> (its route handler sets the request id and the security headers itself, without the proxy's cost
  // per request; not /<locale>/r/<id>/delete). Next needs a literal here: the locales are those of lib/i18n/locales.ts
  // (proxy.test.ts checks that they match).
  matcher: ["/((?!_next/static|_next/image|_vercel|(?:en|ja)/r/[^/]+/?$|.*\\..*).*)"],
};
