/**
 * Web figures, measured on the production server (`next start`) of the current build (see web-server.ts), each beside
 * its reference measured in the same run on the same server, since absolute figures on a shared machine swing by 2×:
 * - web.wizard_js_ratio: gzip size of every /_next/static script the wizard page's HTML references ÷ the same for
 *   the bare not-found page of the same build (the smallest page the app has: the layout and a heading);
 * - web.report_rps_ratio: the shared-report page's (/en/r/<id>, SQLite store) saturation throughput ÷ that of the
 *   bare route /favicon.ico (a route handler answering a constant SVG, prerendered by Next at build time, outside
 *   proxy.ts and the store), measured side by side in each run (alternating slices of one second);
 * - web.report_gzip_rps_ratio: the same with Accept-Encoding: gzip, as browsers ask (informational);
 * - web.report_cpu_ratio: the server's CPU time per report page ÷ per bare request, in the same saturation runs;
 * - web.report_p99_ms: the report page's 99th-percentile latency at half the bare route's saturation rate (of that
 *   run), sent on schedule (open loop), each latency counted from the request's scheduled time;
 * - web.report_p99_ratio: that p99 ÷ the bare route's p99 at the same rate, in the same run (the two open-loop
 *   windows one after the other, their order alternating from run to run);
 * - web.report_rps: the report page's saturation throughput itself (informational: it swings with the machine).
 * Each figure is the median of BENCH_WEB_RUNS runs (default 5, at least 3) with its spread (min–max) in `how`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Figure } from "./run";
import { atRate, median, saturate } from "./web-load";
import { freePort } from "../support/free-port";
import { ensureBuild, groupCpuMs, request, startServer, stopServer } from "./web-server";

const CONNECTIONS = Number(process.env.BENCH_WEB_CONNECTIONS ?? 32);
const DURATION_MS = Number(process.env.BENCH_WEB_SECONDS ?? 10) * 1000;
const RUNS = Math.max(3, Number(process.env.BENCH_WEB_RUNS ?? 5));
const WARMUP_MS = 2000;
/** Alternating slices per saturation run of each URL. */
const SLICES = Math.max(2, Number(process.env.BENCH_WEB_SLICES ?? 10));
const BARE_PATH = "/favicon.ico";

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

async function sampleReport(): Promise<{ findings: unknown[] }> {
  const { analyzeSnapshot, parseSnapshot } = await import("@/lib/checks");
  const raw = JSON.parse(readFileSync("tests/fixtures/snapshots/role-getobject-missing-slash-star.json", "utf8"));
  const parsed = parseSnapshot(raw.snapshot ?? raw);
  if (!parsed.ok) throw new Error(`fixture: ${JSON.stringify(parsed.issues[0])}`);
  return analyzeSnapshot(parsed.snapshot);
}

interface Saturation {
  ok: number;
  errors: number;
  rps: number;
  cpuMsPerRequest: number;
}

/** What is measured side by side: the bare route, the report page, and the page as browsers ask for it (gzip). */
type Target = "bare" | "page" | "gzip";
const TARGETS: Target[] = ["bare", "page", "gzip"];
const HEADERS: Record<Target, http.OutgoingHttpHeaders | undefined> = {
  bare: undefined,
  page: undefined,
  gzip: { "accept-encoding": "gzip, deflate, br, zstd" },
};

/**
 * Saturation of the targets side by side: SLICES alternating slices of DURATION_MS / SLICES each (bare, page, gzip,
 * then gzip, page, bare, …), so that all see the same machine (a busy neighbour slows all alike), with the server's
 * CPU time per answer.
 */
async function sideBySide(urls: Record<Target, string>, pgid: number): Promise<Record<Target, Saturation>> {
  const acc = Object.fromEntries(
    TARGETS.map((k) => [
      k,
      { ok: 0, errors: 0, ms: 0, cpu: 0, agent: new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS }) },
    ]),
  ) as Record<Target, { ok: number; errors: number; ms: number; cpu: number; agent: http.Agent }>;
  for (let i = 0; i < SLICES; i++) {
    for (const k of i % 2 ? [...TARGETS].reverse() : TARGETS) {
      const cpu0 = groupCpuMs(pgid);
      const r = await saturate(urls[k], CONNECTIONS, DURATION_MS / SLICES, acc[k].agent, HEADERS[k]);
      acc[k].cpu += groupCpuMs(pgid) - cpu0;
      acc[k].ok += r.ok;
      acc[k].errors += r.errors;
      acc[k].ms += r.elapsedMs;
    }
  }
  const result = (k: Target): Saturation => {
    const a = acc[k];
    a.agent.destroy();
    if (a.ok === 0) throw new Error(`no request of ${urls[k]} succeeded`);
    return { ok: a.ok, errors: a.errors, rps: a.ok / (a.ms / 1000), cpuMsPerRequest: a.cpu / (a.ok + a.errors) };
  };
  return { bare: result("bare"), page: result("page"), gzip: result("gzip") };
}

interface Run {
  bare: Saturation;
  page: Saturation;
  gzip: Saturation;
  rate: number;
  atRate: Awaited<ReturnType<typeof atRate>>;
  bareAtRate: Awaited<ReturnType<typeof atRate>>;
}

const fmt = (v: number, digits: number) => v.toFixed(digits);

/** "median of 3 runs, spread 0.74–0.83 (0.80, 0.74, 0.83)" */
function spread(values: number[], digits: number): string {
  const list = values.map((v) => fmt(v, digits)).join(", ");
  return `median of ${values.length} runs, spread ${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)} (${list})`;
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
    const barePage = await scriptBytes(base, bareHtml.body.toString("utf8"), cache);

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
    const bareUrl = base + BARE_PATH;
    const page = await request(pageUrl);
    if (page.status !== 200) throw new Error(`${pageUrl}: HTTP ${page.status}`);
    const zipped = await request(pageUrl, { headers: HEADERS.gzip as Record<string, string> });
    if (zipped.status !== 200 || zipped.headers["content-encoding"] !== "gzip")
      throw new Error(
        `${pageUrl} with Accept-Encoding gzip: HTTP ${zipped.status}, ${zipped.headers["content-encoding"]}`,
      );
    const bare = await request(bareUrl);
    if (bare.status !== 200) throw new Error(`${bareUrl}: HTTP ${bare.status}`);

    const busy = `1-min load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores at the start`;
    const pgid = server.pid!;
    await saturate(bareUrl, CONNECTIONS, WARMUP_MS);
    await saturate(pageUrl, CONNECTIONS, WARMUP_MS);
    await saturate(pageUrl, CONNECTIONS, WARMUP_MS, undefined, HEADERS.gzip);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { bare: b, page: p, gzip: z } = await sideBySide({ bare: bareUrl, page: pageUrl, gzip: pageUrl }, pgid);
      const rate = Math.max(1, Math.round(b.rps / 2));
      // The page and the bare route at that rate, one after the other; which goes first alternates between runs.
      const pageFirst = i % 2 === 0;
      const first = await atRate(pageFirst ? pageUrl : bareUrl, rate, DURATION_MS);
      const second = await atRate(pageFirst ? bareUrl : pageUrl, rate, DURATION_MS);
      const [pageAt, bareAt] = pageFirst ? [first, second] : [second, first];
      runs.push({ bare: b, page: p, gzip: z, rate, atRate: pageAt, bareAtRate: bareAt });
    }

    const ratios = runs.map((r) => r.page.rps / r.bare.rps);
    const gzipRatios = runs.map((r) => r.gzip.rps / r.bare.rps);
    const cpuRatios = runs.map((r) => r.page.cpuMsPerRequest / r.bare.cpuMsPerRequest);
    const p99s = runs.map((r) => r.atRate.p99Ms);
    const p99Ratios = runs.map((r) => r.atRate.p99Ms / r.bareAtRate.p99Ms);
    const pageRps = runs.map((r) => r.page.rps);
    const errors = runs.reduce(
      (n, r) => n + r.bare.errors + r.page.errors + r.gzip.errors + r.atRate.errors + r.bareAtRate.errors,
      0,
    );
    const setting =
      `on one next start (build ${buildId}, SQLite store); GET /en/r/<id> is a saved report of ${report.findings.length} findings, ${page.body.length} bytes of HTML (${zipped.body.length} gzipped), served by an API route of Next's pages router behind a rewrite (lib/share/report-route.ts), which asks the store for the report's state on every answer; ` +
      `the reference GET ${BARE_PATH} is a bare route handler on the same server answering a constant ${bare.body.length}-byte SVG (prerendered by Next, outside proxy.ts and the store); ` +
      `load from the bench process on the same machine (node:http keep-alive, bodies read and counted, not kept); ${busy}; ${errors} errors in all`;
    const saturation = `each run: ${BARE_PATH}, the report page, and the report page asked with Accept-Encoding: gzip at saturation (${CONNECTIONS} connections always waiting), ${DURATION_MS / 1000} s each in ${SLICES} alternating slices (bare, page, gzip, gzip, page, bare, …) so that all see the same machine, after one ${WARMUP_MS / 1000} s warm-up of each`;
    return [
      {
        name: "web.wizard_js_ratio",
        value: Number((wizard.gzip / barePage.gzip).toFixed(3)),
        unit: "ratio",
        how: `gzip -9 sizes of the distinct /_next/static/*.js the HTML references: /en/wizard ${wizard.files} files ${(wizard.gzip / 1024).toFixed(1)} kB ÷ the bare not-found page (/en/<unknown path>, layout + heading) ${barePage.files} files ${(barePage.gzip / 1024).toFixed(1)} kB; same build; target ≤ 1.3`,
      },
      {
        name: "web.report_rps_ratio",
        value: Number(median(ratios).toFixed(3)),
        unit: "ratio",
        how:
          `report page answers/s ÷ ${BARE_PATH} answers/s, ${spread(ratios, 3)}; ${saturation}: ` +
          runs.map((r) => `${r.page.rps.toFixed(0)} ÷ ${r.bare.rps.toFixed(0)}`).join(", ") +
          `; ${setting}; target ≥ 0.8`,
      },
      {
        name: "web.report_gzip_rps_ratio",
        value: Number(median(gzipRatios).toFixed(3)),
        unit: "ratio",
        how:
          `report page asked as browsers ask (Accept-Encoding: gzip, deflate, br, zstd) answers/s ÷ ${BARE_PATH} answers/s (its 238 bytes are not compressed), ${spread(gzipRatios, 3)}; ${saturation}: ` +
          runs.map((r) => `${r.gzip.rps.toFixed(0)} ÷ ${r.bare.rps.toFixed(0)}`).join(", ") +
          `; ${setting}; informational (the page is gzipped once and kept so; compressing it per answer would cost more than the rest of the answer)`,
      },
      {
        name: "web.report_cpu_ratio",
        value: Number(median(cpuRatios).toFixed(3)),
        unit: "ratio",
        how:
          `server CPU time (user + system of next start's process group, from /proc) per report page ÷ per ${BARE_PATH} answer, in the saturation runs, ${spread(cpuRatios, 3)}: ` +
          runs
            .map(
              (r) => `${(r.page.cpuMsPerRequest * 1000).toFixed(0)} ÷ ${(r.bare.cpuMsPerRequest * 1000).toFixed(0)} µs`,
            )
            .join(", ") +
          `; ${setting}; informational (what the page costs the server beyond the bare route)`,
      },
      {
        name: "web.report_p99_ms",
        value: Number(median(p99s).toFixed(1)),
        unit: "ms",
        how:
          `99th percentile of GET /en/r/<id> at half the bare route's saturation rate of the same run, sent on schedule for ${DURATION_MS / 1000} s (open loop; each latency counted from the request's scheduled time), ${spread(p99s, 1)}: ` +
          runs
            .map(
              (r) =>
                `${r.atRate.ok} of ${r.atRate.sent} answered at ${r.rate}/s, median ${r.atRate.medianMs.toFixed(1)} ms`,
            )
            .join("; ") +
          `; ${setting}; target ≤ 50`,
      },
      {
        name: "web.report_p99_ratio",
        value: Number(median(p99Ratios).toFixed(3)),
        unit: "ratio",
        how:
          `p99 of GET /en/r/<id> ÷ p99 of GET ${BARE_PATH}, each sent on schedule at half the bare route's saturation rate of the same run for ${DURATION_MS / 1000} s (open loop), one after the other (order alternating between runs), ${spread(p99Ratios, 3)}: ` +
          runs
            .map(
              (r) =>
                `${r.atRate.p99Ms.toFixed(1)} ÷ ${r.bareAtRate.p99Ms.toFixed(1)} ms at ${r.rate}/s (bare median ${r.bareAtRate.medianMs.toFixed(1)} ms, ${r.bareAtRate.ok} of ${r.bareAtRate.sent} answered)`,
            )
            .join("; ") +
          `; ${setting}; informational (what the page adds to the tail beyond the bare route at the same rate)`,
      },
      {
        name: "web.report_rps",
        value: Math.round(median(pageRps)),
        unit: "requests/s",
        how: `report page answers/s at saturation, ${spread(pageRps, 0)}; ${saturation}; ${setting}; informational: absolute, so it swings with the machine (the ratio above is the figure)`,
      },
    ];
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}
