/**
 * One app instance for the scale-out tests, run in a process of its own
 * (`tsx --conditions=react-server tests/integration/support/app-instance.ts`): the app's own route handlers for
 * report creation, the report API, the shared report page and live diagnosis, behind a plain node:http server on
 * 127.0.0.1 (a free port, printed as `listening <port>` on stdout once the store is open). Everything else comes from
 * the environment, as for `next start` (DATABASE_URL, REPORTS_RATE_LIMIT, LIVE_RATE_LIMIT, TRUST_PROXY, …).
 */
import { createServer } from "node:http";
import * as reportPage from "@/app/[locale]/r/[id]/route";
import * as live from "@/app/[locale]/wizard/live/route";
import * as reportById from "@/app/api/reports/[id]/route";
import * as reports from "@/app/api/reports/route";
import { onServerStart } from "@/lib/server-start";

// The route's own parameters come from the path's named groups (id, locale), as Next would pass them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (request: Request, ctx: { params: Promise<any> }) => Promise<Response>;

const ROUTES: [string, RegExp, Handler][] = [
  ["POST", /^\/api\/reports$/, reports.POST],
  ["GET", /^\/api\/reports\/(?<id>[^/]+)$/, reportById.GET],
  ["DELETE", /^\/api\/reports\/(?<id>[^/]+)$/, reportById.DELETE],
  ["GET", /^\/(?<locale>[a-z]{2})\/r\/(?<id>[^/]+)$/, reportPage.GET],
  ["POST", /^\/(?<locale>[a-z]{2})\/wizard\/live$/, live.POST],
];

async function main() {
  await onServerStart();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      const route = ROUTES.map(([m, re, h]) => ({ m, match: re.exec(url.pathname), h })).find(
        (r) => r.m === req.method && r.match,
      );
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(url, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const answer = await route.h(request, { params: Promise.resolve({ ...route.match!.groups }) });
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  server.listen(0, "127.0.0.1", () => {
    const addr = server.address();
    process.stdout.write(`listening ${typeof addr === "object" && addr ? addr.port : 0}\n`);
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

void main();
