import "server-only";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { sameHash } from "./ids";
import { MIGRATIONS, MIGRATIONS_TABLE } from "./migrations";
import {
  rowToLoadResult,
  rowToStatus,
  STATUS_COLUMNS,
  TOMBSTONE_MS,
  type DeleteResult,
  type LoadResult,
  type NewReport,
  type ReportRow,
  type ReportStore,
  type StatusResult,
} from "./store";

/** Opens (creating the directory and file on first use) a SQLite report store in WAL mode and migrates it. */
export function openSqliteStore(path: string): ReportStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  migrate(db);

  const insert = db.prepare(
    "INSERT INTO shared_reports (id, report, delete_token_hash, created_at, expires_at, deleted_at) VALUES (?, ?, ?, ?, ?, NULL)",
  );
  const select = db.prepare("SELECT * FROM shared_reports WHERE id = ?");
  const selectStatus = db.prepare(`SELECT ${STATUS_COLUMNS} FROM shared_reports WHERE id = ?`);
  const markDeleted = db.prepare(
    "UPDATE shared_reports SET report = NULL, deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
  );
  const dropBodies = db.prepare("UPDATE shared_reports SET report = NULL WHERE expires_at <= ? AND report IS NOT NULL");
  const dropTombstones = db.prepare("DELETE FROM shared_reports WHERE expires_at <= ?");
  const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version");
  const hit = db.prepare(
    `INSERT INTO rate_limit_counters (scope, client, window_start, window_end, hits) VALUES (?, ?, ?, ?, 1)
     ON CONFLICT (scope, client, window_start) DO UPDATE SET hits = hits + 1 WHERE hits < ?
     RETURNING hits`,
  );
  const pruneCounters = db.prepare("DELETE FROM rate_limit_counters WHERE window_end <= ?");

  return {
    kind: "sqlite",
    counters: {
      async hit(w, limit) {
        const row = hit.get(w.scope, w.client, w.start, w.end, limit) as { hits: number } | undefined;
        return row ? row.hits : null;
      },
      async prune(now) {
        return pruneCounters.run(now).changes;
      },
    },
    async save(r: NewReport) {
      insert.run(r.id, JSON.stringify(r.report), r.deleteTokenHash, r.createdAt.getTime(), r.expiresAt.getTime());
    },
    async load(id: string, now = new Date()): Promise<LoadResult> {
      return rowToLoadResult(select.get(id) as ReportRow | undefined, now);
    },
    async status(id: string, now = new Date()): Promise<StatusResult> {
      return rowToStatus(selectStatus.get(id) as ReportRow | undefined, now);
    },
    async delete(id: string, deleteTokenHash: string, now = new Date()): Promise<DeleteResult> {
      const row = select.get(id) as ReportRow | undefined;
      if (!row) return "missing";
      if (!sameHash(row.delete_token_hash, deleteTokenHash)) return "forbidden";
      if (row.deleted_at !== null || row.report === null) return "gone";
      markDeleted.run(now.getTime(), id);
      return "deleted";
    },
    async purgeExpired(now = new Date()) {
      const dropped = dropBodies.run(now.getTime()).changes;
      dropTombstones.run(now.getTime() - TOMBSTONE_MS);
      return dropped;
    },
    async appliedMigrations() {
      return (versions.all() as { version: number }[]).map((r) => r.version);
    },
    async close() {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  db.exec(MIGRATIONS_TABLE);
  // IMMEDIATE: two processes starting together take turns; the second sees the first one's versions.
  db.transaction(() => {
    const done = new Set(
      (db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version),
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements) db.exec(sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        Date.now(),
      );
    }
  }).immediate();
}
