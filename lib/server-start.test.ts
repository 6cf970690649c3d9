import Database from "better-sqlite3";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { onServerStart } from "./server-start";

describe("server start-up", () => {
  const dir = mkdtempSync(join(tmpdir(), "s3doctor-start-"));
  afterEach(() => {
    vi.unstubAllEnvs();
    delete (globalThis as { __s3doctorReportStore?: unknown }).__s3doctorReportStore;
  });

  it("creates and migrates the share-link store before any request", async () => {
    const path = join(dir, "nested", "reports.db");
    vi.stubEnv("REPORTS_DB_PATH", path);
    vi.stubEnv("DATABASE_URL", "");
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    await onServerStart();
    out.mockRestore();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    const versions = db.prepare("SELECT version FROM schema_migrations").all();
    db.close();
    expect(versions.length).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it("announces an AWS endpoint override loudly", async () => {
    vi.stubEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:4599");
    vi.stubEnv("REPORTS_DB_PATH", join(mkdtempSync(join(tmpdir(), "s3doctor-start-")), "r.db"));
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    await onServerStart();
    const written = err.mock.calls.map((c) => String(c[0])).join("");
    err.mockRestore();
    out.mockRestore();
    expect(written).toContain("AWS endpoint override in effect: AWS_ENDPOINT_URL=http://127.0.0.1:4599");
  });
});
