import "server-only";
import pg from "pg";
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

/** Arbitrary constant: the advisory lock that serialises migrations of app instances starting together. */
const MIGRATION_LOCK = 7_243_501;

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/** Connects to PostgreSQL and migrates; several app instances may share one database. */
export async function openPostgresStore(
  connectionString: string,
  options: { max?: number } = {},
): Promise<ReportStore> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 5 });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }

  return {
    kind: "postgres",
    counters: {
      async hit(w, limit) {
        // ON CONFLICT … DO UPDATE locks the row: of concurrent attempts from any instance, exactly `limit` get a row.
        const { rows } = await pool.query<{ hits: number }>({
          name: "rate-limit-hit",
          text: `INSERT INTO rate_limit_counters (scope, client, window_start, window_end, hits) VALUES ($1, $2, $3, $4, 1)
                 ON CONFLICT (scope, client, window_start)
                 DO UPDATE SET hits = rate_limit_counters.hits + 1 WHERE rate_limit_counters.hits < $5
                 RETURNING hits`,
          values: [w.scope, w.client, w.start, w.end, limit],
        });
        return rows[0] ? Number(rows[0].hits) : null;
      },
      async prune(now) {
        const res = await pool.query("DELETE FROM rate_limit_counters WHERE window_end <= $1", [now]);
        return res.rowCount ?? 0;
      },
    },
    async save(r: NewReport) {
      await pool.query(
        "INSERT INTO shared_reports (id, report, delete_token_hash, created_at, expires_at, deleted_at) VALUES ($1, $2, $3, $4, $5, NULL)",
        [r.id, JSON.stringify(r.report), r.deleteTokenHash, r.createdAt.getTime(), r.expiresAt.getTime()],
      );
    },
    async load(id: string, now = new Date()): Promise<LoadResult> {
      const { rows } = await pool.query<ReportRow>("SELECT * FROM shared_reports WHERE id = $1", [id]);
      return rowToLoadResult(rows[0], now);
    },
    async status(id: string, now = new Date()): Promise<StatusResult> {
      // Asked on every view of a shared report: a named statement, parsed and planned once per connection.
      const { rows } = await pool.query<ReportRow>({
        name: "report-status",
        text: `SELECT ${STATUS_COLUMNS} FROM shared_reports WHERE id = $1`,
        values: [id],
      });
      return rowToStatus(rows[0], now);
    },
    async delete(id: string, deleteTokenHash: string, now = new Date()): Promise<DeleteResult> {
      const { rows } = await pool.query<ReportRow>("SELECT * FROM shared_reports WHERE id = $1", [id]);
      const row = rows[0];
      if (!row) return "missing";
      if (!sameHash(row.delete_token_hash, deleteTokenHash)) return "forbidden";
      if (row.deleted_at !== null || row.report === null) return "gone";
      const res = await pool.query(
        "UPDATE shared_reports SET report = NULL, deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL",
        [now.getTime(), id],
      );
      return res.rowCount === 1 ? "deleted" : "gone";
    },
    async purgeExpired(now = new Date()) {
      const res = await pool.query(
        "UPDATE shared_reports SET report = NULL WHERE expires_at <= $1 AND report IS NOT NULL",
        [now.getTime()],
      );
      await pool.query("DELETE FROM shared_reports WHERE expires_at <= $1", [now.getTime() - TOMBSTONE_MS]);
      return res.rowCount ?? 0;
    },
    async appliedMigrations() {
      const { rows } = await pool.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
      return rows.map((r) => Number(r.version));
    },
    async close() {
      await pool.end();
    },
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
    const done = new Set(rows.map((r) => Number(r.version)));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements) await client.query(sql);
      await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
        m.version,
        m.name,
        Date.now(),
      ]);
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
