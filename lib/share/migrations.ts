import "server-only";

/**
 * Versioned schema migrations, applied in order at start by both stores and recorded in `schema_migrations`.
 * Never edit an applied migration: add the next version. The SQL is written to run on SQLite and PostgreSQL alike.
 */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "shared reports",
    statements: [
      `CREATE TABLE shared_reports (
        id TEXT PRIMARY KEY,
        report TEXT,
        delete_token_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        deleted_at BIGINT
      )`,
      `CREATE INDEX shared_reports_expires_at ON shared_reports (expires_at)`,
    ],
  },
  {
    version: 2,
    name: "rate-limit counters",
    // One row per limit (scope), client (a hash of its address) and fixed window; every app instance that shares the
    // store counts in the same row. Rows of windows that have ended are pruned (window_end).
    statements: [
      `CREATE TABLE rate_limit_counters (
        scope TEXT NOT NULL,
        client TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        window_end BIGINT NOT NULL,
        hits INTEGER NOT NULL,
        PRIMARY KEY (scope, client, window_start)
      )`,
      `CREATE INDEX rate_limit_counters_window_end ON rate_limit_counters (window_end)`,
    ],
  },
];

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;
