import { expect, test, type APIRequestContext } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// Load on the production server (the one playwright.config.ts starts, with the fake AWS endpoint process): 50 live
// diagnoses at once through POST /<locale>/wizard/live, cycling through the fake endpoint's scenarios (each selected by
// its diagnosing key), each request with its own canary secret. All complete; each answer holds its own scenario's
// target and statuses (a crossed result would show another scenario's statuses); no canary is in any answer or in the
// server log; the server's resident memory, read from /proc, stays bounded over two more rounds.
// (tests/load/live-load.test.ts runs the same route handler in-process with 50 fully distinct accounts.)
const CONCURRENT = 50;

interface Scenario {
  name: string;
  diagnosingKeys?: string[];
  expected?: { statuses?: Record<string, string> };
  snapshot: { target: Record<string, unknown> };
}

const SCENARIOS: Scenario[] = readdirSync(join(process.cwd(), "tests", "fake-aws", "scenarios"))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(process.cwd(), "tests", "fake-aws", "scenarios", f), "utf8")) as Scenario)
  // the simulator scenarios need an option the wizard does not send
  .filter((s) => s.diagnosingKeys?.length && s.expected?.statuses && !s.name.startsWith("role-simulation"));

const canary = (round: number, i: number) => `LOADCANARYr${round}n${String(i).padStart(2, "0")}${"q".repeat(24)}`;

/** Resident memory of the process listening on the server's port (the next-server the config started). */
function serverRssMb(baseURL: string): number {
  const port = new URL(baseURL).port;
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`no process found listening on port ${port}: ${out}`);
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(rss) / 1024;
}

async function round(request: APIRequestContext, r: number) {
  return Promise.all(
    Array.from({ length: CONCURRENT }, async (_, i) => {
      const sc = SCENARIOS[i % SCENARIOS.length];
      const res = await request.post(`/${i % 2 ? "ja" : "en"}/wizard/live`, {
        headers: { "content-type": "application/json" },
        data: {
          target: sc.snapshot.target,
          credentials: { accessKeyId: sc.diagnosingKeys![0], secretAccessKey: canary(r, i) },
          locale: i % 2 ? "ja" : "en",
        },
        timeout: 60_000,
      });
      const text = await res.text();
      const result = JSON.parse(text.trim().split("\n").pop()!) as {
        ok: boolean;
        data?: { report: { target: Record<string, unknown>; findings: { id: string; status: string }[] } };
      };
      return { i, sc, status: res.status(), text, result };
    }),
  );
}

test.describe("load on the production server", () => {
  test.setTimeout(240_000);

  test(`${CONCURRENT} concurrent live diagnoses all complete with their own results; memory stays bounded`, async ({
    request,
    baseURL,
  }) => {
    expect(SCENARIOS.length).toBeGreaterThan(5);
    await round(request, 0); // warm-up: the first diagnoses load the server's modules
    const before = serverRssMb(baseURL!);
    const answers = await round(request, 1);
    const afterFirst = serverRssMb(baseURL!);

    for (const a of answers) {
      expect(a.status, a.sc.name).toBe(200);
      expect(a.result.ok, `${a.sc.name}: ${a.text.slice(-300)}`).toBe(true);
      const report = a.result.data!.report;
      expect(report.target.bucketUri, a.sc.name).toBe(a.sc.snapshot.target.bucketUri);
      expect(report.target.roleArn ?? null, a.sc.name).toBe(a.sc.snapshot.target.roleArn ?? null);
      for (const [id, status] of Object.entries(a.sc.expected!.statuses!)) {
        expect(report.findings.find((f) => f.id === id)?.status, `${a.sc.name} ${id}`).toBe(status);
      }
    }
    const all = answers.map((a) => a.text).join("\n");
    for (let i = 0; i < CONCURRENT; i++) expect(all.includes(canary(1, i)), `canary ${i} in an answer`).toBe(false);

    for (const r of [2, 3]) {
      const more = await round(request, r);
      expect(more.every((a) => a.status === 200 && a.result.ok)).toBe(true);
    }
    const afterThird = serverRssMb(baseURL!);
    console.log(
      `server RSS (MB): before ${before.toFixed(0)}, after round 1 ${afterFirst.toFixed(0)}, after round 3 ${afterThird.toFixed(0)}`,
    );
    // generous bounds: a per-diagnosis leak (snapshots, reports, SDK clients) would exceed them
    expect(afterThird - afterFirst, "RSS growth from round 1 to round 3 (MB)").toBeLessThan(200);
    expect(afterThird, "server RSS after four rounds (MB)").toBeLessThan(1500);

    const log = readFileSync(join(process.env.E2E_RUN_DIR ?? "", "server.log"), "utf8");
    expect(log.includes("LOADCANARY"), "a canary secret in the server log").toBe(false);
  });
});
