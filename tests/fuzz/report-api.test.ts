/**
 * Fuzzing the report API (POST /api/reports, the handler the route file calls, on a SQLite store of its own) with
 * mutated real reports, junk JSON and arbitrary bodies: never a 5xx or an exception; 201 only for a report that
 * reads back as validated; every 400 names the JSON path (`error.path`, and the message starts with it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import sample from "@/lib/share/__fixtures__/report-role.json";
import { createReportsApi, type ReportsApi } from "@/lib/share/api";
import { readShareConfig } from "@/lib/share/config";
import { checkReport } from "@/lib/share/report-schema";
import { openSqliteStore } from "@/lib/share/sqlite-store";
import type { ReportStore } from "@/lib/share/store";
import { expectClearMessage, fuzzParams, fuzzTimeout, jsonFiles, junk, mutated } from "./support";

let dir: string;
let store: ReportStore;
let api: ReportsApi;
const REPORTS: unknown[] = [sample];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "s3doctor-fuzz-api-"));
  store = openSqliteStore(join(dir, "reports.db"));
  api = createReportsApi({ store: async () => store, config: { ...readShareConfig({}), rateLimit: 1_000_000 } });
  // Real reports of a few fixture snapshots, as the wizard would share them.
  for (const f of jsonFiles("tests/fixtures/snapshots")
    .filter((x) => !x.file.endsWith(".expected.json"))
    .slice(0, 8)) {
    const p = parseSnapshot(f.value);
    if (p.ok) REPORTS.push(JSON.parse(JSON.stringify(await analyzeSnapshot(p.snapshot))));
  }
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(body: string, type = "application/json") {
  return api.create(
    new Request("http://127.0.0.1:3000/api/reports", {
      method: "POST",
      headers: { "content-type": type, host: "127.0.0.1:3000" },
      body,
    }),
  );
}

async function expectAnswer(res: Response, sent: string) {
  expect(res.status, await res.clone().text()).toBeLessThan(500);
  const body = (await res.json()) as { id?: string; error?: { code: string; message: string; path?: string } };
  if (res.status === 201) {
    // what was accepted reads back as validated (unknown summary fields are dropped, loose objects keep theirs)
    const back = await api.get(new Request(`http://127.0.0.1:3000/api/reports/${body.id}`), body.id!);
    expect(back.status).toBe(200);
    const validated = checkReport(JSON.parse(sent));
    expect(validated.ok).toBe(true);
    if (validated.ok) expect(await back.json()).toEqual(JSON.parse(JSON.stringify(validated.report)));
    return;
  }
  expect([400, 413, 415]).toContain(res.status);
  expect(typeof body.error?.code).toBe("string");
  expectClearMessage(body.error?.message, { maxLength: 2000 });
  if (res.status === 400 && body.error?.code !== "invalid-json") {
    expect(typeof body.error?.path).toBe("string");
    expect(body.error!.message.startsWith(`${body.error!.path}: `)).toBe(true);
  }
}

describe("fuzz: report API", () => {
  it(
    "mutated reports and junk JSON: a 201 that reads back, or a 4xx naming the path",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 6, arbitrary: mutated(REPORTS) }, { weight: 1, arbitrary: junk }),
          async (doc) => {
            const text = JSON.stringify(doc) ?? "null";
            await expectAnswer(await post(text), text);
          },
        ),
        fuzzParams(150, 0.1),
      );
    },
    fuzzTimeout(150, 0.1, 40),
  );

  it(
    "arbitrary bodies and content types never cause a 5xx",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string(),
            fc.string({ unit: "binary" }),
            fc.constantFrom("{", "[", '{"version":1', "\u0000", "1".repeat(600_000)),
          ),
          fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", ""),
          async (body, type) => {
            const res = await post(body, type);
            expect(res.status).toBeLessThan(500);
            if (res.status !== 201) {
              const err = ((await res.json()) as { error: { message: string } }).error;
              expectClearMessage(err.message, { maxLength: 2000 });
            }
          },
        ),
        fuzzParams(100, 0.05),
      );
    },
    fuzzTimeout(100, 0.05, 40),
  );
});
