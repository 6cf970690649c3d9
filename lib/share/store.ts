import "server-only";
import type { Report } from "@/lib/report/types";
import { parseReport } from "./report-schema";

/**
 * Storage of shared reports. Two implementations share one contract (tests/integration/share-store.test.ts):
 * SQLite (default, one file) and PostgreSQL (DATABASE_URL, several app instances).
 *
 * A report that expired (and was purged) or that its creator deleted leaves a tombstone (id and times, no body), so
 * that its link answers 410 Gone rather than 404.
 */

export interface NewReport {
  id: string;
  report: Report;
  /** SHA-256 (hex) of the creator's delete token; the token itself is never stored. */
  deleteTokenHash: string;
  createdAt: Date;
  expiresAt: Date;
}

interface SavedReport {
  id: string;
  report: Report;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * `invalid`: the stored body no longer passes the report's schema (saved by an earlier version that checked less);
 * `path` and `message` name the first problem. It is answered as such, never drawn.
 */
export type LoadResult =
  | { state: "found"; saved: SavedReport }
  | { state: "gone"; reason: "expired" | "deleted" }
  | { state: "missing" }
  | { state: "invalid"; path: string; message: string };

/** What load() would answer, without the report's body (for callers that already hold the rendered report). */
export type StatusResult =
  | { state: "found"; createdAt: Date; expiresAt: Date }
  | { state: "gone"; reason: "expired" | "deleted" }
  | { state: "missing" };

export type DeleteResult = "deleted" | "forbidden" | "gone" | "missing";

/** One fixed window of one rate limit for one client. Times are milliseconds since the epoch. */
interface CounterWindow {
  /** Which limit: "reports", "live". */
  scope: string;
  /** The client, as a hash of its address (addresses are not stored). */
  client: string;
  start: number;
  end: number;
}

/**
 * Rate-limit counters in the shared store: every app instance that uses the store counts in the same row, so N
 * instances allow the limit once, not N times.
 */
export interface RateCounters {
  /**
   * Counts one attempt in the window's row unless it already holds `limit`, in one atomic statement (concurrent
   * attempts from any instance cannot both take the last place). The count after this attempt, or null when the
   * window is full: a refused attempt is not counted.
   */
  hit(window: CounterWindow, limit: number): Promise<number | null>;
  /** Deletes the rows of windows that ended at or before `now` (ms); returns how many. */
  prune(now: number): Promise<number>;
}

export interface ReportStore {
  readonly kind: "sqlite" | "postgres";
  /** The rate-limit counters kept beside the reports (same database). */
  readonly counters: RateCounters;
  /** Stores a new report. The id must be new. */
  save(report: NewReport): Promise<void>;
  /** Loads a report; past its expiry time it is gone even before a purge. */
  load(id: string, now?: Date): Promise<LoadResult>;
  /** The state load() would answer at `now`, without reading or parsing the body: cheap enough for every request. */
  status(id: string, now?: Date): Promise<StatusResult>;
  /** Deletes the body when `deleteTokenHash` matches the stored hash. */
  delete(id: string, deleteTokenHash: string, now?: Date): Promise<DeleteResult>;
  /** Drops the bodies of expired reports (keeping tombstones for a year); returns how many were dropped. */
  purgeExpired(now?: Date): Promise<number>;
  /** Versions of the schema migrations applied, in order. */
  appliedMigrations(): Promise<number[]>;
  close(): Promise<void>;
}

/** Tombstones of expired or deleted reports are kept this long after expiry, then removed. */
export const TOMBSTONE_MS = 365 * 24 * 60 * 60 * 1000;

/** A stored row, as both stores read it. Times are milliseconds since the epoch. */
export interface ReportRow {
  id: string;
  report: string | null;
  delete_token_hash: string;
  created_at: number | string;
  expires_at: number | string;
  deleted_at: number | string | null;
}

/**
 * The columns status() reads: every column but the body, which is replaced by an empty string when there is one (so
 * that rowToStatus can tell a dropped body from a present one without transferring it).
 */
export const STATUS_COLUMNS =
  "id, delete_token_hash, created_at, expires_at, deleted_at, CASE WHEN report IS NULL THEN NULL ELSE '' END AS report";

export function rowToStatus(row: ReportRow | undefined, now: Date): StatusResult {
  if (!row) return { state: "missing" };
  if (row.deleted_at !== null) return { state: "gone", reason: "deleted" };
  const expiresAt = new Date(Number(row.expires_at));
  if (row.report === null || expiresAt.getTime() <= now.getTime()) return { state: "gone", reason: "expired" };
  return { state: "found", createdAt: new Date(Number(row.created_at)), expiresAt };
}

export function rowToLoadResult(row: ReportRow | undefined, now: Date): LoadResult {
  if (!row) return { state: "missing" };
  if (row.deleted_at !== null) return { state: "gone", reason: "deleted" };
  const expiresAt = new Date(Number(row.expires_at));
  if (row.report === null || expiresAt.getTime() <= now.getTime()) return { state: "gone", reason: "expired" };
  let raw: unknown;
  try {
    raw = JSON.parse(row.report);
  } catch {
    return { state: "invalid", path: "(root)", message: "(root): the stored report is not JSON" };
  }
  const shape = parseReport(raw);
  if (!shape.ok) return { state: "invalid", path: shape.path, message: shape.message };
  return {
    state: "found",
    saved: { id: row.id, report: shape.report, createdAt: new Date(Number(row.created_at)), expiresAt },
  };
}
