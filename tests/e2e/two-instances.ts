import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { freePort } from "../support/free-port";
import { join } from "node:path";

/**
 * Two production servers on one PostgreSQL for tests/e2e/scale-out.spec.ts: each is `node scripts/start.mjs` (what
 * `npm start` runs: `next start` of the build the browser tests run, NEXT_DIST_DIR) on a free loopback port, in a
 * process group of its own so that it is stopped by its id, with its output in a file.
 */
export interface AppServer {
  name: string;
  base: string;
  log: string;
  child: ChildProcess;
}

/**
 * A rate-limit window (seconds) in which at least `margin` seconds are left now. Windows start at multiples of their
 * length since the epoch, so a test that counts across a window's end would see the count start again: the window is
 * picked so that the whole run fits in the current one.
 */
export function windowWithRoomLeft(margin: number, now = Date.now()): number {
  for (let w = 2 * margin; ; w += 60) if (w - (Math.floor(now / 1000) % w) >= margin) return w;
}

const running = new Set<AppServer>();
// Should the test process end without its teardown (a crash, Ctrl-C), its servers end with it.
process.on("exit", () => {
  for (const { child } of running) if (child.exitCode === null && child.pid) killGroup(child.pid, "SIGKILL");
});

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Starts one server; its output goes to `<logDir>/<logName>`, which outlives the run (it is read after a failure). */
export async function startAppServer(
  name: string,
  env: Record<string, string>,
  logDir: string,
  logName = `server-${name}.log`,
): Promise<AppServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = join(logDir, logName);
  const fd = openSync(log, "a");
  const child = spawn("node", ["scripts/start.mjs"], {
    stdio: ["ignore", fd, fd],
    detached: true, // a process group of its own: node, next start and its workers stop together
    env: {
      ...process.env,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-test",
      NEXT_TELEMETRY_DISABLED: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
      AWS_SESSION_TOKEN: "",
      ...env,
      HOST: "127.0.0.1",
      PORT: String(port),
    },
  });
  closeSync(fd);
  const server = { name, base, log, child };
  running.add(server);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server ${name} exited:\n${readFileSync(log, "utf8")}`);
    try {
      if ((await fetch(`${base}/en`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopAppServer(server);
      throw new Error(`server ${name} did not answer within 90 s:\n${readFileSync(log, "utf8")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** SIGTERM to the server's process group, SIGKILL after 10 s; resolves once it has exited. */
async function stopAppServer(server: AppServer): Promise<void> {
  const { child } = server;
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    killGroup(child.pid, "SIGTERM");
    const timer = setTimeout(() => killGroup(child.pid!, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  running.delete(server);
}

/** Stops every server started and not yet stopped (also those whose start was cut short by a timeout). */
export async function stopAllAppServers(): Promise<void> {
  await Promise.all([...running].map(stopAppServer));
}
