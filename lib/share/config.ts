import "server-only";
import { DEFAULT_MAX_REPORT_BYTES } from "./report-schema";

/** Share-link settings, all from the server's environment (never from a request). See the README. */
export interface ShareConfig {
  /** SQLite file, used unless `databaseUrl` is a postgres:// URL. */
  dbPath: string;
  databaseUrl: string | undefined;
  retentionDays: number;
  /** Report creations allowed per client address per window. */
  rateLimit: number;
  rateWindowSeconds: number;
  /** Take the client address (and proto/host for links) from X-Forwarded-* headers: only behind a proxy you run. */
  trustProxy: boolean;
  /** Base of the links handed out, e.g. https://doctor.example.com; else built from the request. */
  publicBaseUrl: string | undefined;
  maxReportBytes: number;
}

function positive(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function readShareConfig(env: Record<string, string | undefined> = process.env): ShareConfig {
  const base = env.PUBLIC_BASE_URL?.trim();
  return {
    dbPath: env.REPORTS_DB_PATH?.trim() || ".data/reports.db",
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    retentionDays: positive(env.REPORT_RETENTION_DAYS, 30),
    rateLimit: Math.floor(positive(env.REPORTS_RATE_LIMIT, 20)),
    rateWindowSeconds: positive(env.REPORTS_RATE_WINDOW_SECONDS, 600),
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    publicBaseUrl: base && /^https?:\/\/[^\s/]+/i.test(base) ? base.replace(/\/+$/, "") : undefined,
    maxReportBytes: Math.floor(positive(env.REPORTS_MAX_BYTES, DEFAULT_MAX_REPORT_BYTES)),
  };
}
