/**
 * A throwaway PostgreSQL cluster for tests: Debian's binaries (/usr/lib/postgresql/<version>/bin), a temp directory,
 * loopback only (127.0.0.1 on a free port, Unix sockets in the temp directory), trust authentication, stopped
 * (pg_ctl stop -m immediate) and removed afterwards.
 *
 * When the binaries are missing and we run as root, `apt-get install -y postgresql` installs them. initdb refuses to
 * run as root, so as root the cluster runs as the `postgres` OS user (runuser) on a directory it owns.
 * It never skips silently: when it cannot start, it throws with the reason.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { freePort } from "./free-port";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface PostgresCluster {
  /** postgres://… URL of the cluster's `postgres` database. */
  url: string;
  /** Creates a fresh, empty database and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): void;
}

function findBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")) && existsSync(join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], "bin") : null;
}

function ensureBinaries(): string {
  const found = findBinDir();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(
      "PostgreSQL tests need Debian's postgresql binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin). " +
        "Install them with `sudo apt-get install -y postgresql` and run the tests again.",
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], {
    env,
    encoding: "utf8",
  });
  if (install.status !== 0) {
    spawnSync("apt-get", ["update"], { env, encoding: "utf8" });
    const retry = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], {
      env,
      encoding: "utf8",
    });
    if (retry.status !== 0) throw new Error(`apt-get install postgresql failed:\n${retry.stderr || retry.stdout}`);
  }
  const after = findBinDir();
  if (!after)
    throw new Error("apt-get installed postgresql but no initdb/pg_ctl was found under /usr/lib/postgresql/*/bin");
  return after;
}

function osUserIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = ensureBinaries();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "s3doctor-pg-"));
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    const r = spawnSync(file, argv, { encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
    if (r.status !== 0) {
      const serverLog = existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : "";
      throw new Error(`${cmd} failed (exit ${r.status}): ${r.stderr || r.stdout}\n${serverLog}`);
    }
  };
  try {
    if (asRoot) {
      let ids: { uid: number; gid: number };
      try {
        ids = osUserIds("postgres");
      } catch {
        throw new Error(
          "running as root but there is no `postgres` OS user to run the cluster as (install Debian's postgresql package)",
        );
      }
      chownSync(dir, ids.uid, ids.gid);
    }
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);
    const port = await freePort();
    const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run("pg_ctl", ["-D", data, "-l", log, "-o", opts, "-w", "-t", "60", "start"]);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        process.off("exit", stop);
      }
    };
    process.on("exit", stop);
    let n = 0;
    return {
      url,
      stop,
      async createDatabase() {
        const name = `t_${process.pid}_${++n}`;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
