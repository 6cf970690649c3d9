/**
 * Live collection speed: with every call to the fake AWS endpoint delayed by a fixed latency, the whole collection
 * should take little more than its longest chain of dependent calls × that latency (reads run as a dependency graph,
 * not in phases). Figure: wall time ÷ (longest chain × latency); the target is ≤ 1.25.
 * The fake endpoint runs in its own process, as AWS would: its work does not share the collector's event loop.
 */
import { spawn } from "node:child_process";
import type { Figure } from "./run";

const LATENCY_MS = 100;
const RUNS = 5;

/** Starts tests/fake-aws/main.ts on a free port; resolves with its URL and scenarios. */
async function startFakeProcess(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/fake-aws/main.ts", "--port", "0", "--latency", String(LATENCY_MS)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`fake AWS endpoint exited (${code})`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

export default async function bench(): Promise<Figure[]> {
  const fake = await startFakeProcess();
  const { loadScenarios } = await import("../fake-aws/scenario");
  const scenarios = loadScenarios();
  process.env.AWS_ENDPOINT_URL = fake.url;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const { collectSnapshot } = await import("@/lib/aws/collect");
  const figures: Figure[] = [];
  try {
    for (const [name, scenario] of [
      ["live.critical_path_ratio", "role-ok"],
      ["live.critical_path_ratio.access_key", "access-key-ok"],
    ] as const) {
      const sc = scenarios.get(scenario)!;
      const measure = async () => {
        let depth = 0;
        let calls = 0;
        const t0 = performance.now();
        await collectSnapshot({
          target: sc.snapshot.target,
          credentials: { accessKeyId: sc.diagnosingKeys![0], secretAccessKey: "bench-secret-not-a-real-one" },
          ...(sc.snapshot.target.mode === "access-key" ? { importSecret: "bench-import-secret" } : {}),
          onProgress: (e) => {
            if (e.type === "end") {
              depth = Math.max(depth, e.depth);
              calls++;
            }
          },
        });
        return { wall: performance.now() - t0, depth, calls };
      };
      await measure(); // warm-up: module loading and connection set-up are not part of the figure
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure());
      runs.sort((a, b) => a.wall - b.wall);
      const median = runs[Math.floor(runs.length / 2)];
      figures.push({
        name,
        value: Number((median.wall / (median.depth * LATENCY_MS)).toFixed(3)),
        unit: "ratio",
        how: `scenario ${scenario}: ${median.calls} calls, longest dependent chain ${median.depth} calls, ${LATENCY_MS} ms injected per call; median wall ${median.wall.toFixed(0)} ms of ${RUNS} runs after a warm-up ÷ (chain × latency); target ≤ 1.25`,
      });
    }
  } finally {
    fake.stop();
  }
  return figures;
}
