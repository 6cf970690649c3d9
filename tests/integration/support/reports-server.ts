/**
 * The report API (lib/share/api.ts) behind a real HTTP server on loopback, over a throwaway SQLite store: what
 * `shareReport()` and the CLI's `--share` talk to in the integration tests. POST creates, GET reads.
 */
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReportsApi } from "@/lib/share/api";
import { readShareConfig } from "@/lib/share/config";
import { openSqliteStore } from "@/lib/share/sqlite-store";
import type { ReportStore } from "@/lib/share/store";

export interface ReportsServer {
  base: string;
  store: ReportStore;
  stop(): Promise<void>;
}

export async function startReportsServer(prefix: string): Promise<ReportsServer> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = openSqliteStore(join(dir, "r.db"));
  const api = createReportsApi({ store: async () => store, config: readShareConfig({}) });
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = `http://${req.headers.host}${req.url}`;
    const headers = new Headers(
      Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
    );
    const request = new Request(url, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const id = new URL(url).pathname.split("/")[3] ?? "";
    const answer = req.method === "POST" ? await api.create(request) : await api.get(request, id);
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  return {
    base: `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`,
    store,
    async stop() {
      await new Promise((r) => server.close(r));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
