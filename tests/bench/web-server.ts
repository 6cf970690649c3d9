/**
 * The production server the web figures are measured on: `next start` (through scripts/start.mjs, as `npm start`) of the current build, in `.next-test`
 * (NEXT_DIST_DIR, the browser tests' build; never the `.next` a running `npm run serve` uses), built first when it is
 * missing or older than the sources (BENCH_NO_BUILD=1 skips that check, BENCH_REBUILD=1 forces a build), on a free
 * loopback port with a temporary SQLite store, in a process group of its own that is stopped by PID.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";

const SOURCE_DIRS = ["app", "pages", "components", "lib", "proxy.ts", "next.config.js", "package.json"];
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
export function ensureBuild(): string {
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

export interface Res {
  status: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}

export function request(
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

export async function startServer(port: number, dir: string): Promise<ChildProcess> {
  const logFd = openSync(join(dir, "server.log"), "a");
  const child = spawn("node", ["scripts/start.mjs"], {
    stdio: ["ignore", logFd, logFd],
    detached: true, // its own process group, so that stopping it stops whatever it forked
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
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

export async function stopServer(child: ChildProcess): Promise<void> {
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

/** CPU time (user + system, ms) used so far by every process of the server's process group, from /proc. */
export function groupCpuMs(pgid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // Fields after the command name (which may hold spaces): state ppid pgrp … utime(14) stime(15).
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(f[2]) === pgid) total += (Number(f[11]) + Number(f[12])) * tick;
  }
  return total;
}
