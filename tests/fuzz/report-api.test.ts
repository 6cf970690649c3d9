/**
 * Fuzzing the report API (POST /api/reports, the handler the route file calls, on a SQLite store of its own) with
 * mutated real reports, junk JSON and arbitrary bodies: never a 5xx or an exception; 201 only for a report that
 * reads back as validated and that every surface draws (the shared page and its Markdown export in both languages,
 * the command line's text); every 400 names the JSON path (`error.path`, and the message starts with it).
 * The fields renderers read beyond the basics (a finding's `translations`, `evidence` and `fix`) get mutations of
 * their own.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import sample from "@/lib/share/__fixtures__/report-role.json";
import { formatReportText } from "@/lib/cli/report-text";
import { createReportsApi, type ReportsApi } from "@/lib/share/api";
import { HtmlCache } from "@/lib/share/html-cache";
import { reportPage } from "@/lib/share/report-page";
import { readShareConfig } from "@/lib/share/config";
import { checkReport } from "@/lib/share/report-schema";
import { openSqliteStore } from "@/lib/share/sqlite-store";
import type { ReportStore } from "@/lib/share/store";
import { expectClearMessage, fuzzParams, fuzzTimeout, jsonFiles, junk, mutated } from "./support";

/** The route's answer as a web Response, to read its headers and text. */
async function reportPageResponse(...args: Parameters<typeof reportPage>): Promise<Response> {
  const answer = await reportPage(...args);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

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
    await expectDrawnEverywhere(body.id!);
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

/** A saved report draws on every surface: page and Markdown in both languages, and the command line's text. */
async function expectDrawnEverywhere(id: string) {
  for (const locale of ["en", "ja"] as const) {
    const md = await api.markdown(new Request(`http://127.0.0.1:3000/api/reports/${id}/markdown?locale=${locale}`), id);
    expect(md.status, await md.clone().text()).toBe(200);
    const page = await reportPageResponse(
      locale,
      id,
      async () => store,
      new HtmlCache<Uint8Array<ArrayBuffer>>(1, 1e7),
    );
    expect(page.status).toBe(200);
    const loaded = await store.load(id);
    expect(loaded.state).toBe("found");
    if (loaded.state === "found")
      expect(formatReportText(loaded.saved.report, { locale })).toContain("S3 Access Doctor");
  }
}

/** A real report with one finding's `translations`, `evidence` or `fix` changed in 1 to 4 places. */
const mutatedRendererFields: fc.Arbitrary<unknown> = fc
  .tuple(fc.nat(), fc.nat(), fc.constantFrom("translations", "evidence", "fix"), fc.nat())
  .chain(([r, f, field]) => {
    const report = structuredClone(REPORTS[r % REPORTS.length]) as { findings: Record<string, unknown>[] };
    const withField = report.findings.filter((x) => x[field] !== undefined);
    const finding = withField.length ? withField[f % withField.length] : report.findings[f % report.findings.length];
    const original = finding[field] ?? { en: { title: "t", detail: "d" } };
    return mutated([original]).map((value) => {
      const out = structuredClone(report);
      const i = report.findings.indexOf(finding);
      out.findings[i] = { ...out.findings[i], [field]: value };
      return out;
    });
  });

describe("fuzz: report API", () => {
  it(
    "mutated translations, evidence and fix fields: a 201 that every surface draws, or a 400 naming the path",
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedRendererFields, async (doc) => {
          const text = JSON.stringify(doc) ?? "null";
          await expectAnswer(await post(text), text);
        }),
        fuzzParams(120, 0.1),
      );
    },
    fuzzTimeout(120, 0.1, 80),
  );

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
