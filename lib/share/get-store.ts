import "server-only";
import { readShareConfig, type ShareConfig } from "./config";
import { isPostgresUrl, openPostgresStore } from "./postgres-store";
import { openSqliteStore } from "./sqlite-store";
import type { ReportStore } from "./store";

/** Opens the store the configuration names: PostgreSQL for a postgres:// DATABASE_URL, else SQLite. Migrates. */
export async function openReportStore(config: ShareConfig = readShareConfig()): Promise<ReportStore> {
  const store = isPostgresUrl(config.databaseUrl)
    ? await openPostgresStore(config.databaseUrl)
    : openSqliteStore(config.dbPath);
  await store.purgeExpired();
  return store;
}

const g = globalThis as { __s3doctorReportStore?: Promise<ReportStore> };

/** The app's one store, opened (and migrated) on first use. A failed open is retried on the next call. */
export function getReportStore(): Promise<ReportStore> {
  if (!g.__s3doctorReportStore) {
    g.__s3doctorReportStore = openReportStore().catch((e: unknown) => {
      g.__s3doctorReportStore = undefined;
      throw e;
    });
  }
  return g.__s3doctorReportStore;
}
