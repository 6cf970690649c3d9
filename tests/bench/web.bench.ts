/**
 * Web figures, measured on the production server (`next start`) of the current build:
 * - web.wizard_js_ratio: gzip size of every /_next/static script the wizard page's HTML references ÷ the same for
 *   the bare not-found page of the same build (the smallest page the app has: the layout and a heading);
 * - web.report_rps: the shared-report page (/en/r/<id>, SQLite store) at saturation: a bounded loop of concurrent
 *   keep-alive requests from this process, as many as the server answers;
 * - web.report_p99_ms: the same page's 99th-percentile latency at the target load, a constant 500 requests/s sent on
 *   schedule (open loop), each latency counted from the request's scheduled time so that a stalled server is not
 *   hidden by a client that waits for it; web.report_p99_ms_at_saturation keeps the p99 of the saturation run.
 * Builds into `.next-test` (NEXT_DIST_DIR, the browser tests' build; never the `.next` a running `npm run serve` uses)
 * when that build is missing or older than the sources (BENCH_NO_BUILD=1 skips the check; BENCH_REBUILD=1 forces a
 * build). The server listens on a free loopback port with a temporary REPORTS_DB_PATH and is stopped by PID.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Figure } from "./run";

const CONNECTIONS = Number(process.env.BENCH_WEB_CONNECTIONS ?? 32);
const DURATION_MS = Number(process.env.BENCH_WEB_SECONDS ?? 10) * 1000;
const WARMUP_MS = 2000;
const TARGET_RATE = Number(process.env.BENCH_WEB_RATE ?? 500);
const SOURCE_DIRS = ["app", "components", "lib", "proxy.ts", "next.config.js", "package.json"];
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-test";

function newestSource(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(path) || path.includes("__fixtures__") ? 0 : st.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, e)));
  return newest;
}

/** Builds when there is no build, or the sources changed since (tests and fixtures do not count). */
function ensureBuild(): string {
  const id = join(DIST_DIR, "BUILD_ID");
  const built = existsSync(id) ? statSync(id).mtimeMs : 0;
  const stale = built === 0 || (!process.env.BENCH_NO_BUILD && Math.max(...SOURCE_DIRS.map(newestSource)) > built);
  if (stale || process.env.BENCH_REBUILD) {
    console.error(`web bench: building (next build into ${DIST_DIR}/) …`);
    // Build output goes to stderr: stdout carries only the figures.
    const css = spawnSync("node", ["scripts/build-report-css.mjs"], { stdio: ["ignore", 2, 2] });
    if (css.status !== 0) throw new Error(`scripts/build-report-css.mjs failed (exit ${css.status})`);
    const r = spawnSync("npx", ["next", "build"], {
      stdio: ["ignore", 2, 2],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST_DIR },
    });
    if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  }
  return readFileSync(id, "utf8").trim();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Res {
  status: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}

function request(
  url: string,
  opts: { method?: string; body?: string; headers?: Record<string, string>; agent?: http.Agent } = {},
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, agent: opts.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

async function startServer(port: number, dir: string): Promise<ChildProcess> {
  const logFd = openSync(join(dir, "server.log"), "a");
  const child = spawn("./node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", logFd, logFd],
    detached: true, // its own process group, so that stopping it stops whatever it forked
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      REPORTS_DB_PATH: join(dir, "reports.db"),
      REPORTS_RATE_LIMIT: "1000",
    },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`next start exited (${child.exitCode}); see ${join(dir, "server.log")}`);
    try {
      if ((await request(`http://127.0.0.1:${port}/en`)).status === 200) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid, "SIGTERM");
  const t = setTimeout(
    () => child.pid !== undefined && child.exitCode === null && process.kill(-child.pid, "SIGKILL"),
    5000,
  );
  await exited;
  clearTimeout(t);
}

/** Sum of gzip sizes of every distinct /_next/static script the HTML references. */
async function scriptBytes(
  base: string,
  html: string,
  cache: Map<string, number>,
): Promise<{ gzip: number; files: number }> {
  const srcs = new Set([...html.matchAll(/\/_next\/static\/[^"'\s\\)]+?\.js/g)].map((m) => m[0]));
  let gzip = 0;
  for (const src of srcs) {
    if (!cache.has(src)) {
      const r = await request(base + src);
      if (r.status !== 200) throw new Error(`${src}: HTTP ${r.status}`);
      cache.set(src, gzipSync(r.body, { level: 9 }).length);
    }
    gzip += cache.get(src)!;
  }
  return { gzip, files: srcs.size };
}

async function sampleReport(): Promise<unknown> {
  const { analyzeSnapshot, parseSnapshot } = await import("@/lib/checks");
  const raw = JSON.parse(readFileSync("tests/fixtures/snapshots/role-getobject-missing-slash-star.json", "utf8"));
  const parsed = parseSnapshot(raw.snapshot ?? raw);
  if (!parsed.ok) throw new Error(`fixture: ${JSON.stringify(parsed.issues[0])}`);
  return analyzeSnapshot(parsed.snapshot);
}

/** Concurrent keep-alive GETs of one URL for a fixed time; latencies of the requests completed in that window. */
async function load(url: string, connections: number, durationMs: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const r = await request(url, { agent });
        if (r.status === 200) latencies.push(performance.now() - t0);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = performance.now() - t0;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const p99 = latencies.length
    ? latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)]
    : NaN;
  return { ok: latencies.length, errors, elapsed, p99, median: latencies[Math.floor(latencies.length / 2)] ?? NaN };
}

/**
 * Open-loop load: request i is sent at start + i/rate whatever the earlier answers did, and its latency is counted
 * from that scheduled time (so queueing in the client or the server is included).
 */
async function rateLoad(url: string, rate: number, durationMs: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round((rate * durationMs) / 1000);
  const start = performance.now() + 50;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      request(url, { agent }).then(
        (r) => {
          if (r.status === 200) latencies.push(performance.now() - due);
          else errors++;
        },
        () => {
          errors++;
        },
      ),
    );
  }
  await Promise.all(inflight);
  const elapsed = performance.now() - start;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const p99 = latencies.length
    ? latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)]
    : NaN;
  return {
    sent: total,
    ok: latencies.length,
    errors,
    elapsed,
    p99,
    median: latencies[Math.floor(latencies.length / 2)] ?? NaN,
  };
}

export default async function bench(): Promise<Figure[]> {
  const buildId = ensureBuild();
  const dir = mkdtempSync(join(tmpdir(), "s3doctor-bench-web-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(port, dir);
  try {
    // JavaScript of the wizard route vs the bare not-found page, in this one build.
    const cache = new Map<string, number>();
    const wizardHtml = await request(`${base}/en/wizard`);
    if (wizardHtml.status !== 200) throw new Error(`/en/wizard: HTTP ${wizardHtml.status}`);
    const bareHtml = await request(`${base}/en/bench-bare-page-that-does-not-exist`);
    if (bareHtml.status !== 404)
      throw new Error(`bare page: expected the not-found page (404), got ${bareHtml.status}`);
    const wizard = await scriptBytes(base, wizardHtml.body.toString("utf8"), cache);
    const bare = await scriptBytes(base, bareHtml.body.toString("utf8"), cache);

    // The shared-report page of a real report, saved through the API into this server's SQLite store.
    const report = await sampleReport();
    const saved = await request(`${base}/api/reports`, {
      method: "POST",
      body: JSON.stringify(report),
      headers: { "content-type": "application/json" },
    });
    if (saved.status !== 201) throw new Error(`POST /api/reports: HTTP ${saved.status} ${saved.body.toString("utf8")}`);
    const { id } = JSON.parse(saved.body.toString("utf8")) as { id: string };
    const pageUrl = `${base}/en/r/${id}`;
    const page = await request(pageUrl);
    if (page.status !== 200) throw new Error(`${pageUrl}: HTTP ${page.status}`);

    const busy = `1-min load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores at the start`;
    await load(pageUrl, CONNECTIONS, WARMUP_MS);
    const run = await load(pageUrl, CONNECTIONS, DURATION_MS);
    if (run.ok === 0) throw new Error("no request of the report page succeeded");
    const rps = run.ok / (run.elapsed / 1000);
    const atRate = await rateLoad(pageUrl, TARGET_RATE, DURATION_MS);
    const rateHow =
      `GET /en/r/<id> (same report and server) at a constant ${TARGET_RATE} requests/s for ${DURATION_MS / 1000} s, sent on schedule from the bench process ` +
      `(open loop, node:http keep-alive, same 2-core machine; each latency counted from the request's scheduled time): ` +
      `${atRate.ok} of ${atRate.sent} answered 200, ${atRate.errors} errors, median ${atRate.median.toFixed(1)} ms, ${(atRate.ok / (atRate.elapsed / 1000)).toFixed(0)} answers/s`;
    const loadHow =
      `GET /en/r/<id> (a saved report of ${JSON.stringify((report as { findings: unknown[] }).findings.length)} findings, ${page.body.length} bytes of HTML) on next start (build ${buildId}), SQLite store; ` +
      `${CONNECTIONS} keep-alive connections from the bench process (node:http, same 2-core machine) for ${DURATION_MS / 1000} s after a ${WARMUP_MS / 1000} s warm-up: ` +
      `${run.ok} answers 200, ${run.errors} errors, median ${run.median.toFixed(1)} ms; ${busy}`;
    return [
      {
        name: "web.wizard_js_ratio",
        value: Number((wizard.gzip / bare.gzip).toFixed(3)),
        unit: "ratio",
        how: `gzip -9 sizes of the distinct /_next/static/*.js the HTML references: /en/wizard ${wizard.files} files ${(wizard.gzip / 1024).toFixed(1)} kB ÷ the bare not-found page (/en/<unknown path>, layout + heading) ${bare.files} files ${(bare.gzip / 1024).toFixed(1)} kB; same build; target ≤ 1.3`,
      },
      { name: "web.report_rps", value: Math.round(rps), unit: "requests/s", how: `${loadHow}; target ≥ 500` },
      {
        name: "web.report_p99_ms",
        value: Number(atRate.p99.toFixed(1)),
        unit: "ms",
        how: `${rateHow}; 99th percentile; target ≤ 50 at ≥ 500 requests/s`,
      },
      {
        name: "web.report_p99_ms_at_saturation",
        value: Number(run.p99.toFixed(1)),
        unit: "ms",
        how: `${loadHow}; 99th percentile of the saturation run (${CONNECTIONS} requests always waiting: mostly queueing)`,
      },
    ];
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}
