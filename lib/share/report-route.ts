import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { cameOverHttps, requestIdFrom } from "@/lib/security/headers";
import { getReportStore } from "./get-store";
import { acceptsGzip, reportHtmlCache, reportPage } from "./report-page";

/** What the route sees of a request: Node's request with the query Next parsed from the path. */
export type PageRequest = IncomingMessage & { query: Partial<Record<string, string | string[]>> };

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

/**
 * GET (and HEAD) of the read-only shared report /<locale>/r/<id>, the hot path of shared links.
 *
 * next.config.js rewrites the path to pages/api/report-page/[locale]/[id].ts, an API route of Next's pages router,
 * which hands this function Node's own request and response: no web Request or Response is built per answer, and the
 * cached page leaves in one write of its stored bytes. Measured side by side on one server with throwaway probe routes
 * (README, Figures), an app-router route handler answering the same constant bytes cost about 1.8× the CPU of this kind
 * of route; `npm run bench -- web` measures the page itself against /favicon.ico. The URL is
 * the same; proxy.ts keeps the page out of its matcher (this sets the request id and the security headers itself) and
 * answers 404 to the internal path asked directly.
 */
export async function reportPageRoute(req: PageRequest, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
    res.end("Method Not Allowed: the shared report page is read with GET.\n");
    return;
  }
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const forwarded = req.headers["x-forwarded-proto"];
  const answer = await reportPage(one(req.query.locale), one(req.query.id), getReportStore, reportHtmlCache(), {
    requestId: requestIdFrom(one(req.headers["x-request-id"]) || null),
    https: cameOverHttps(encrypted ? "https:" : "http:", typeof forwarded === "string" ? forwarded : null),
    gzip: acceptsGzip(req.headers["accept-encoding"]),
  });
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}
