/** Load generators for the web figures (node:http keep-alive, from the bench process) and the statistics they need. */
import http from "node:http";

/**
 * One GET whose body is read and counted, not kept (the load generator shares the machine with the server: it must
 * spend as little as it can per answer, or large pages would be slowed by their own client). Resolves with the status.
 */
function get(url: string, agent: http.Agent, headers?: http.OutgoingHttpHeaders): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

export interface LoadResult {
  /** Answers 200 within the window. */
  ok: number;
  errors: number;
  elapsedMs: number;
  /** Answers 200 per second. */
  rps: number;
  medianMs: number;
  p99Ms: number;
}

/** The q-quantile (0..1) of sorted values: the smallest value with at least q of them at or below it. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))];
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function summary(latencies: number[], errors: number, elapsedMs: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    ok: latencies.length,
    errors,
    elapsedMs,
    rps: latencies.length / (elapsedMs / 1000),
    medianMs: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
  };
}

/**
 * Saturation (closed loop): `connections` keep-alive requests always waiting, for a fixed time. With `agent`, its
 * connections are used and left open (for slices of one measurement); else a new agent is made and destroyed. `headers`
 * go with every request (Accept-Encoding: gzip, as browsers send it).
 */
export async function saturate(
  url: string,
  connections: number,
  durationMs: number,
  shared?: http.Agent,
  headers?: http.OutgoingHttpHeaders,
): Promise<LoadResult> {
  const agent = shared ?? new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        if ((await get(url, agent, headers)) === 200) latencies.push(performance.now() - t0);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = performance.now() - t0;
  if (!shared) agent.destroy();
  return summary(latencies, errors, elapsed);
}

/**
 * A constant rate (open loop): request i is sent at start + i/rate whatever the earlier answers did, and its latency
 * is counted from that scheduled time (so queueing in the client or the server is included, and a stalled server
 * cannot hide behind a waiting client).
 */
export async function atRate(url: string, rate: number, durationMs: number): Promise<LoadResult & { sent: number }> {
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
      get(url, agent).then(
        (status) => {
          if (status === 200) latencies.push(performance.now() - due);
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
  return { ...summary(latencies, errors, elapsed), sent: total };
}
