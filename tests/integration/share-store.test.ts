/**
 * One contract, two stores: everything here runs against SQLite and against a throwaway PostgreSQL cluster.
 */
import Database from "better-sqlite3";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "@/lib/report/types";
import sample from "@/lib/share/__fixtures__/report-role.json";
import { hashDeleteToken, newDeleteToken, newReportId } from "@/lib/share/ids";
import { openReportStore } from "@/lib/share/get-store";
import { readShareConfig } from "@/lib/share/config";
import { MIGRATIONS } from "@/lib/share/migrations";
import { openPostgresStore } from "@/lib/share/postgres-store";
import { openSqliteStore } from "@/lib/share/sqlite-store";
import type { ReportStore } from "@/lib/share/store";
import { startPostgres, type PostgresCluster } from "@/tests/support/postgres";

const report = sample as unknown as Report;
const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date("2026-11-28T00:00:00.000Z");

let dir: string;
let cluster: PostgresCluster;
let sqliteN = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "s3doctor-store-"));
  cluster = await startPostgres();
}, 120_000);

afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Db {
  open: () => Promise<ReportStore>;
  /** Runs SQL statements on the database directly (outside any store). */
  exec: (statements: string[]) => Promise<void>;
}

interface Backend {
  name: string;
  /** A new, empty database; `open` may be called again on the same one. */
  fresh(): Promise<Db>;
  /** Undoes the migrations after `version` (as if the database had been made by an older release). */
  rollBackTo(db: Db, version: number): Promise<void>;
}

/** SQL that undoes each migration, for the upgrade test. */
const UNDO: Record<number, string[]> = { 2: ["DROP TABLE rate_limit_counters"] };

async function rollBack(db: Db, version: number) {
  for (const m of [...MIGRATIONS].reverse()) {
    if (m.version <= version) break;
    await db.exec([...UNDO[m.version], `DELETE FROM schema_migrations WHERE version = ${m.version}`]);
  }
}

const backends: Backend[] = [
  {
    name: "SQLite",
    async fresh() {
      const path = join(dir, `nested-${++sqliteN}`, "reports.db");
      return {
        open: async () => openSqliteStore(path),
        async exec(statements) {
          const raw = new Database(path);
          for (const sql of statements) raw.exec(sql);
          raw.close();
        },
      };
    },
    rollBackTo: rollBack,
  },
  {
    name: "PostgreSQL",
    async fresh() {
      const url = await cluster.createDatabase();
      return {
        open: () => openPostgresStore(url),
        async exec(statements) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            for (const sql of statements) await client.query(sql);
          } finally {
            await client.end();
          }
        },
      };
    },
    rollBackTo: rollBack,
  },
];

function newEntry(overrides: Partial<{ createdAt: Date; expiresAt: Date; report: Report }> = {}) {
  const token = newDeleteToken();
  return {
    token,
    entry: {
      id: newReportId(),
      report: overrides.report ?? report,
      deleteTokenHash: hashDeleteToken(token),
      createdAt: overrides.createdAt ?? t0,
      expiresAt: overrides.expiresAt ?? new Date(t0.getTime() + 30 * DAY),
    },
  };
}

describe.each(backends)("$name report store", (backend) => {
  it("gives back exactly the report it saved, with its times", async () => {
    const store = await (await backend.fresh()).open();
    const { entry } = newEntry();
    await store.save(entry);
    const res = await store.load(entry.id, new Date(t0.getTime() + DAY));
    expect(res.state).toBe("found");
    if (res.state !== "found") return;
    expect(res.saved.report).toEqual(report);
    expect(res.saved.createdAt.toISOString()).toBe(t0.toISOString());
    expect(res.saved.expiresAt.toISOString()).toBe(entry.expiresAt.toISOString());
    await store.close();
  });

  it("keeps every character of user text (quotes, markup, non-ASCII)", async () => {
    const store = await (await backend.fresh()).open();
    const odd = structuredClone(report);
    odd.findings[0].detail = `'; DROP TABLE shared_reports; -- <script>alert(1)</script> 日本語 \u0000 \\ "q"`;
    const { entry } = newEntry({ report: odd });
    await store.save(entry);
    const res = await store.load(entry.id, t0);
    expect(res.state === "found" && res.saved.report.findings[0].detail).toBe(odd.findings[0].detail);
    await store.close();
  });

  it("answers missing for an id it never saw", async () => {
    const store = await (await backend.fresh()).open();
    expect(await store.load(newReportId(), t0)).toEqual({ state: "missing" });
    await store.close();
  });

  it("refuses a second report with the same id", async () => {
    const store = await (await backend.fresh()).open();
    const { entry } = newEntry();
    await store.save(entry);
    await expect(store.save({ ...entry, report: { ...report, findings: [] } })).rejects.toThrow();
    const res = await store.load(entry.id, t0);
    expect(res.state === "found" && res.saved.report.findings.length).toBe(report.findings.length);
    await store.close();
  });

  it("treats a report past its expiry as gone (expired), before and after the purge", async () => {
    const store = await (await backend.fresh()).open();
    const { entry } = newEntry({ expiresAt: new Date(t0.getTime() + DAY) });
    const { entry: fresh } = newEntry({ expiresAt: new Date(t0.getTime() + 10 * DAY) });
    await store.save(entry);
    await store.save(fresh);
    const later = new Date(t0.getTime() + 2 * DAY);
    expect(await store.load(entry.id, later)).toEqual({ state: "gone", reason: "expired" });
    expect(await store.purgeExpired(later)).toBe(1);
    expect(await store.purgeExpired(later)).toBe(0);
    expect(await store.load(entry.id, t0)).toEqual({ state: "gone", reason: "expired" });
    expect((await store.load(fresh.id, later)).state).toBe("found");
    await store.close();
  });

  it("answers status() as load() would, without the body: found, missing, expired (before and after the purge), deleted", async () => {
    const store = await (await backend.fresh()).open();
    const { entry, token } = newEntry({ expiresAt: new Date(t0.getTime() + DAY) });
    const { entry: other } = newEntry();
    await store.save(entry);
    await store.save(other);
    expect(await store.status(entry.id, t0)).toEqual({
      state: "found",
      createdAt: entry.createdAt,
      expiresAt: entry.expiresAt,
    });
    expect(await store.status(newReportId(), t0)).toEqual({ state: "missing" });
    const later = new Date(t0.getTime() + 2 * DAY);
    expect(await store.status(entry.id, later)).toEqual({ state: "gone", reason: "expired" });
    expect(await store.status(entry.id, later)).toEqual(await store.load(entry.id, later));
    await store.purgeExpired(later);
    expect(await store.status(entry.id, t0)).toEqual({ state: "gone", reason: "expired" });
    expect(await store.delete(other.id, hashDeleteToken(token), t0)).toBe("forbidden");
    expect((await store.status(other.id, t0)).state).toBe("found");
    await store.close();
  });

  it("answers status() gone (deleted) after a delete", async () => {
    const store = await (await backend.fresh()).open();
    const { entry, token } = newEntry();
    await store.save(entry);
    expect(await store.delete(entry.id, hashDeleteToken(token), t0)).toBe("deleted");
    expect(await store.status(entry.id, t0)).toEqual({ state: "gone", reason: "deleted" });
    await store.close();
  });

  it("forgets tombstones a year after expiry", async () => {
    const store = await (await backend.fresh()).open();
    const { entry } = newEntry({ expiresAt: new Date(t0.getTime() + DAY) });
    await store.save(entry);
    await store.purgeExpired(new Date(t0.getTime() + 400 * DAY));
    expect(await store.load(entry.id, t0)).toEqual({ state: "missing" });
    await store.close();
  });

  it("deletes only with the creator's token, then the report is gone (deleted)", async () => {
    const store = await (await backend.fresh()).open();
    const { entry, token } = newEntry();
    await store.save(entry);
    expect(await store.delete(entry.id, hashDeleteToken("not-the-token"), t0)).toBe("forbidden");
    expect((await store.load(entry.id, t0)).state).toBe("found");
    expect(await store.delete(entry.id, hashDeleteToken(token), t0)).toBe("deleted");
    expect(await store.load(entry.id, t0)).toEqual({ state: "gone", reason: "deleted" });
    expect(await store.delete(entry.id, hashDeleteToken(token), t0)).toBe("gone");
    expect(await store.delete(newReportId(), hashDeleteToken(token), t0)).toBe("missing");
    await store.close();
  });

  it("runs the versioned migrations once and keeps the data when reopened", async () => {
    const db = await backend.fresh();
    const first = await db.open();
    expect(await first.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    const { entry } = newEntry();
    await first.save(entry);
    await first.close();
    const second = await db.open();
    expect(await second.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    expect((await second.load(entry.id, t0)).state).toBe("found");
    await second.close();
  });

  it("counts rate-limit attempts atomically: of 12 at once from two instances, exactly the limit of 5 get a place", async () => {
    const db = await backend.fresh();
    const [a, b] = await Promise.all([db.open(), db.open()]);
    const w = { scope: "reports", client: "hash-of-client", start: t0.getTime(), end: t0.getTime() + 600_000 };
    const counts = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).counters.hit(w, 5)));
    expect(counts.filter((c) => c !== null).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(counts.filter((c) => c === null).length).toBe(7);
    // Another client, scope or window has its own count.
    expect(await a.counters.hit({ ...w, client: "another" }, 5)).toBe(1);
    expect(await a.counters.hit({ ...w, scope: "live" }, 5)).toBe(1);
    const next = { ...w, start: w.end, end: w.end + 600_000 };
    expect(await b.counters.hit(next, 5)).toBe(1);
    // Windows that have ended are pruned; the current one stays.
    expect(await a.counters.prune(w.end)).toBe(3);
    expect(await a.counters.hit(next, 5)).toBe(2);
    await a.close();
    await b.close();
  });

  it("upgrades a database made before the rate-limit counters (migration 1 only), keeping its reports", async () => {
    const db = await backend.fresh();
    const first = await db.open();
    const { entry } = newEntry();
    await first.save(entry);
    await first.close();
    await backend.rollBackTo(db, 1);
    const store = await db.open();
    expect(await store.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    expect((await store.load(entry.id, t0)).state).toBe("found");
    expect(await store.counters.hit({ scope: "live", client: "c", start: 0, end: 1 }, 1)).toBe(1);
    await store.close();
  });

  it("lets two app instances start on the same database at once and see each other's reports", async () => {
    const db = await backend.fresh();
    const [a, b] = await Promise.all([db.open(), db.open()]);
    const { entry } = newEntry();
    await a.save(entry);
    const res = await b.load(entry.id, t0);
    expect(res.state === "found" && res.saved.report).toEqual(report);
    expect(await b.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    await a.close();
    await b.close();
  });
});

describe("SQLite specifics", () => {
  it("creates the directory and the file on first use, in WAL mode", async () => {
    const path = join(dir, "first-use", "deeper", "reports.db");
    expect(existsSync(join(dir, "first-use"))).toBe(false);
    const store = openSqliteStore(path);
    const { entry } = newEntry();
    await store.save(entry);
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
    await store.close();
  });

  it("stores the hash of the delete token, never the token", async () => {
    const path = join(dir, "token", "reports.db");
    const store = openSqliteStore(path);
    const { entry, token } = newEntry();
    await store.save(entry);
    const raw = new Database(path, { readonly: true });
    const row = raw.prepare("SELECT * FROM shared_reports WHERE id = ?").get(entry.id) as Record<string, unknown>;
    raw.close();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.delete_token_hash).toBe(hashDeleteToken(token));
    await store.close();
  });
});

describe("choice of store", () => {
  it("uses PostgreSQL for a postgres:// or postgresql:// DATABASE_URL, SQLite otherwise", async () => {
    const url = await cluster.createDatabase();
    const pgStore = await openReportStore(readShareConfig({ DATABASE_URL: url.replace(/^postgres:/, "postgresql:") }));
    expect(pgStore.kind).toBe("postgres");
    await pgStore.close();
    const sqlite = await openReportStore(
      readShareConfig({ DATABASE_URL: "mysql://nope", REPORTS_DB_PATH: join(dir, "choice", "r.db") }),
    );
    expect(sqlite.kind).toBe("sqlite");
    await sqlite.close();
  });

  it("drops expired bodies when the app opens the store", async () => {
    const path = join(dir, "purge-at-start", "r.db");
    const first = openSqliteStore(path);
    const { entry } = newEntry({ createdAt: new Date(Date.now() - 3 * DAY), expiresAt: new Date(Date.now() - DAY) });
    await first.save(entry);
    await first.close();
    const store = await openReportStore(readShareConfig({ REPORTS_DB_PATH: path }));
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(
      (raw.prepare("SELECT report FROM shared_reports WHERE id = ?").get(entry.id) as { report: string | null }).report,
    ).toBeNull();
    raw.close();
  });
});
