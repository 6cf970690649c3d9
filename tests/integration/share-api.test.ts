/**
 * API contract of /api/reports: status codes, headers, caps, secrets refused, 404/410, delete, rate limit.
 * Runs the same handlers the route files call, on a SQLite store of its own.
 */
import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "@/lib/report/types";
import sample from "@/lib/share/__fixtures__/report-role.json";
import { createReportsApi, type ReportsApi } from "@/lib/share/api";
import { readShareConfig, type ShareConfig } from "@/lib/share/config";
import { openPostgresStore } from "@/lib/share/postgres-store";
import { openSqliteStore } from "@/lib/share/sqlite-store";
import type { ReportStore } from "@/lib/share/store";
import { startPostgres, type PostgresCluster } from "@/tests/support/postgres";

const report = sample as unknown as Report;
const BASE = "http://127.0.0.1:3000";
const SECRET_CANARY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

let dir: string;
let n = 0;
const opened: ReportStore[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "s3doctor-api-"));
});
afterAll(async () => {
  for (const s of opened) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup(overrides: Partial<ShareConfig> = {}, env: Record<string, string | undefined> = {}) {
  const path = join(dir, `api-${++n}.db`);
  const store = openSqliteStore(path);
  opened.push(store);
  let clock = new Date("2026-11-28T00:00:00.000Z");
  const config = { ...readShareConfig(env), ...overrides };
  const api = createReportsApi({ store: async () => store, config, now: () => clock });
  return { api, path, store, setNow: (d: Date) => (clock = d) };
}

function post(api: ReportsApi, body: unknown, headers: Record<string, string> = {}) {
  return api.create(
    new Request(`${BASE}/api/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", host: "127.0.0.1:3000", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function created(api: ReportsApi, body: unknown = report) {
  const res = await post(api, body);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; url: string; deleteUrl: string; expiresAt: string };
}

const get = (api: ReportsApi, id: string, query = "") => api.get(new Request(`${BASE}/api/reports/${id}${query}`), id);

describe("POST /api/reports", () => {
  it("saves a report: 201 with id, absolute link, delete link and expiry; the link opens the same JSON", async () => {
    const { api } = setup();
    const res = await post(api, report);
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const body = (await res.json()) as { id: string; url: string; deleteUrl: string; expiresAt: string };
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(body.id, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(body.url).toBe(`${BASE}/r/${body.id}`);
    expect(res.headers.get("location")).toBe(body.url);
    expect(body.deleteUrl).toMatch(new RegExp(`^${BASE}/r/${body.id}/delete\\?token=[A-Za-z0-9_-]{43}$`));
    expect(body.expiresAt).toBe("2026-12-28T00:00:00.000Z");
    const again = await get(api, body.id);
    expect(again.status).toBe(200);
    expect(again.headers.get("content-type")).toMatch(/^application\/json/);
    expect(again.headers.get("cache-control")).toBe("private, no-store");
    expect(await again.json()).toEqual(report);
  });

  it("gives every report a different unguessable id", async () => {
    const { api } = setup();
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await created(api)).id);
    expect(ids.size).toBe(5);
  });

  it("keeps reports for REPORT_RETENTION_DAYS", async () => {
    const { api } = setup({}, { REPORT_RETENTION_DAYS: "7" });
    expect((await created(api)).expiresAt).toBe("2026-12-05T00:00:00.000Z");
  });

  it("builds links from PUBLIC_BASE_URL, and trusts X-Forwarded-Host only behind a trusted proxy", async () => {
    const pub = setup({}, { PUBLIC_BASE_URL: "https://doctor.example.com/" });
    expect((await created(pub.api)).url).toMatch(/^https:\/\/doctor\.example\.com\/r\//);
    const direct = setup();
    const forged = await post(direct.api, report, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(((await forged.json()) as { url: string }).url.startsWith(BASE)).toBe(true);
    const proxied = setup({}, { TRUST_PROXY: "1" });
    const res = await post(proxied.api, report, {
      "x-forwarded-host": "doctor.internal",
      "x-forwarded-proto": "https",
    });
    expect(((await res.json()) as { url: string }).url).toMatch(/^https:\/\/doctor\.internal\/r\//);
  });

  it("refuses a body over the size cap with 413, whether or not it declares its length", async () => {
    const { api } = setup({ maxReportBytes: 4096 });
    const big = structuredClone(report);
    big.findings[0].detail = "x".repeat(5000);
    const res = await post(api, big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("too-large");
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(JSON.stringify(big)));
        c.close();
      },
    });
    const chunked = await api.create(
      new Request(`${BASE}/api/reports`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
  });

  it("answers 400 naming the problem for bad JSON and for a report of the wrong shape", async () => {
    const { api } = setup();
    const notJson = await post(api, "{nope");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe("invalid-json");
    const bad = structuredClone(report) as unknown as { findings: { status: string }[] };
    bad.findings[1].status = "broken";
    const res = await post(api, bad);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "invalid-report", path: "findings[1].status" } });
  });

  it("answers 415 for a body that is not JSON", async () => {
    const { api } = setup();
    expect((await post(api, JSON.stringify(report), { "content-type": "text/plain" })).status).toBe(415);
  });

  it("refuses a report holding a secret access key with 400 naming the field, and saves nothing (canary)", async () => {
    const { api, path } = setup();
    const leaky = structuredClone(report);
    leaky.findings[3].detail = `Tried with ${SECRET_CANARY}`;
    const res = await post(api, leaky);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: "secret-detected", path: "findings[3].detail" } });
    expect(text).not.toContain(SECRET_CANARY);
    const db = new Database(path, { readonly: true });
    expect((db.prepare("SELECT COUNT(*) AS n FROM shared_reports").get() as { n: number }).n).toBe(0);
    db.close();
    // WAL and main file: the canary is nowhere on disk.
    for (const f of [path, `${path}-wal`]) {
      try {
        expect(readFileSync(f).includes(Buffer.from(SECRET_CANARY))).toBe(false);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
    }
  });

  it("refuses a session token anywhere, e.g. in a policy value", async () => {
    const { api } = setup();
    const leaky = structuredClone(report);
    (
      leaky.findings[2].fix!.after as { Statement: { Condition: Record<string, unknown> }[] }
    ).Statement[0].Condition.StringEquals = {
      "aws:userid": "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ" + "x9Y".repeat(30),
    };
    const res = await post(api, leaky);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: {
        code: "secret-detected",
        path: 'findings[2].fix.after.Statement[0].Condition.StringEquals["aws:userid"]',
      },
    });
  });

  it("rate-limits creation per client address with 429 and Retry-After", async () => {
    const { api } = setup({ rateLimit: 2, rateWindowSeconds: 600 });
    expect((await post(api, report)).status).toBe(201);
    expect((await post(api, report)).status).toBe(201);
    const res = await post(api, report);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    // Without a trusted proxy, X-Forwarded-For cannot be used to dodge the limit.
    expect((await post(api, report, { "x-forwarded-for": "203.0.113.5" })).status).toBe(429);
  });

  it("behind a trusted proxy, counts each client address separately", async () => {
    const { api } = setup({ rateLimit: 1, trustProxy: true });
    expect((await post(api, report, { "x-forwarded-for": "203.0.113.5" })).status).toBe(201);
    expect((await post(api, report, { "x-forwarded-for": "203.0.113.5" })).status).toBe(429);
    expect((await post(api, report, { "x-forwarded-for": "203.0.113.6" })).status).toBe(201);
  });
});

describe("GET /api/reports/<id>", () => {
  it("answers 404 for an unknown or malformed id", async () => {
    const { api } = setup();
    expect((await get(api, "AAAAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
    expect((await get(api, "../../etc/passwd")).status).toBe(404);
    expect((await get(api, "")).status).toBe(404);
  });

  it("answers 410 once the report has expired", async () => {
    const { api, setNow } = setup({ retentionDays: 1 });
    const { id } = await created(api);
    setNow(new Date("2026-11-29T00:00:01.000Z"));
    const res = await get(api, id);
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({ error: { code: "expired" } });
    expect((await api.markdown(new Request(`${BASE}/api/reports/${id}/markdown`), id)).status).toBe(410);
  });

  it("exports Markdown as an attachment, in the requested language", async () => {
    const { api } = setup();
    const { id, url } = await created(api);
    for (const res of [
      await get(api, id, "?format=md"),
      await api.markdown(new Request(`${BASE}/api/reports/${id}/markdown`), id),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
      expect(res.headers.get("content-disposition")).toMatch(
        /^attachment; filename="s3-access-doctor-report-[\w-]+\.md"$/,
      );
      const md = await res.text();
      expect(md).toContain("# S3 Access Doctor report");
      expect(md).toContain(`<${url}>`);
    }
    const ja = await api.markdown(new Request(`${BASE}/api/reports/${id}/markdown?locale=ja`), id);
    expect(await ja.text()).toContain("# S3 Access Doctor レポート");
  });

  it("writes the findings in the requested language when the report carries that translation", async () => {
    const { api } = setup();
    const r = report as unknown as { findings: Record<string, unknown>[] };
    const bilingual = {
      ...r,
      findings: r.findings.map((f, i) =>
        i === 0 ? { ...f, translations: { ja: { title: "日本語のタイトル", detail: "日本語の説明" } } } : f,
      ),
    };
    const { id } = await created(api, bilingual);
    const ja = await (await api.markdown(new Request(`${BASE}/api/reports/${id}/markdown?locale=ja`), id)).text();
    expect(ja).toContain("日本語のタイトル");
    const en = await (await api.markdown(new Request(`${BASE}/api/reports/${id}/markdown`), id)).text();
    expect(en).not.toContain("日本語のタイトル");
    expect(en).toContain(String(r.findings[0].title));
  });
});

describe("a report a renderer could not draw", () => {
  const badTranslations = () => {
    const r = structuredClone(sample) as unknown as { findings: Record<string, unknown>[] };
    r.findings[0].translations = { ja: { title: "t", detail: "d", console: "one step, not a list" } };
    return r;
  };

  it("is refused with 400 naming the path, and nothing is saved", async () => {
    const { api, path } = setup();
    const res = await post(api, badTranslations());
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: "invalid-report", path: "findings[0].translations.ja.console" },
    });
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM shared_reports").get()).toEqual({ n: 0 });
    db.close();
  });

  it("saved by an earlier version, answers 422 naming the path on every read, never 503", async () => {
    const { api, store } = setup();
    const id = "AbCdEfGhIjKlMnOpQrStUv-_";
    const createdAt = new Date("2026-11-28T00:00:00.000Z");
    // As an earlier version, which did not check translations, stored it.
    const old = badTranslations() as unknown as Report;
    await store.save({ id, report: old, deleteTokenHash: "x", createdAt, expiresAt: new Date("2026-12-28T00:00:00Z") });
    for (const res of [
      await get(api, id),
      await get(api, id, "?format=md"),
      await api.markdown(new Request(`${BASE}/api/reports/${id}/markdown?locale=ja`), id),
    ]) {
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({
        error: { code: "invalid-report", path: "findings[0].translations.ja.console" },
      });
    }
  });
});

describe("DELETE /api/reports/<id>", () => {
  const del = (api: ReportsApi, id: string, headers: Record<string, string> = {}) =>
    api.remove(new Request(`${BASE}/api/reports/${id}`, { method: "DELETE", headers }), id);

  it("needs the creator's token: 401 without, 403 with another, 204 with it, then 410", async () => {
    const { api } = setup();
    const { id, deleteUrl } = await created(api);
    const token = new URL(deleteUrl).searchParams.get("token")!;
    expect((await del(api, id)).status).toBe(401);
    expect((await del(api, id, { "x-delete-token": "wrong" })).status).toBe(403);
    expect((await get(api, id)).status).toBe(200);
    expect((await del(api, id, { "x-delete-token": token })).status).toBe(204);
    expect((await get(api, id)).status).toBe(410);
    expect((await del(api, id, { authorization: `Bearer ${token}` })).status).toBe(410);
    expect((await del(api, "AAAAAAAAAAAAAAAAAAAAAAAA", { "x-delete-token": token })).status).toBe(404);
  });

  it("deletes from the delete page's form and sends the browser back to that page with the result", async () => {
    const { api } = setup();
    const { id, deleteUrl } = await created(api);
    const token = new URL(deleteUrl).searchParams.get("token")!;
    const form = (t: string) =>
      api.removeFromForm(
        new Request(`${BASE}/api/reports/${id}/delete`, {
          method: "POST",
          body: new URLSearchParams({ token: t, locale: "ja" }),
        }),
        id,
      );
    const wrong = await form("nope");
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toBe(`/ja/r/${id}/delete?result=forbidden`);
    const ok = await form(token);
    expect(ok.headers.get("location")).toBe(`/ja/r/${id}/delete?result=deleted`);
    expect((await get(api, id)).status).toBe(410);
  });
});

describe("store failures", () => {
  it("answer 503 with Retry-After and a plain message, not a stack trace", async () => {
    const broken = async (): Promise<ReportStore> => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    };
    const api = createReportsApi({ store: broken, config: readShareConfig({}) });
    for (const res of [await post(api, report), await get(api, "AAAAAAAAAAAAAAAAAAAAAAAA")]) {
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: "store-unavailable" } });
      expect(text).not.toContain("ECONNREFUSED");
    }
  });
});

describe("no listing", () => {
  it("the API module has no handler that lists reports", async () => {
    const collection = await import("@/app/api/reports/route");
    expect(Object.keys(collection).filter((k) => /^(GET|HEAD)$/.test(k))).toEqual([]);
  });
});

describe("on PostgreSQL (DATABASE_URL)", () => {
  let cluster: PostgresCluster;
  let store: ReportStore;
  beforeAll(async () => {
    cluster = await startPostgres();
    store = await openPostgresStore(await cluster.createDatabase());
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    cluster?.stop();
  });

  it("creates, reads, exports, deletes and expires reports the same way", async () => {
    let clock = new Date("2026-11-28T00:00:00.000Z");
    const api = createReportsApi({ store: async () => store, config: readShareConfig({}), now: () => clock });
    const { id, deleteUrl } = await created(api);
    expect(await (await get(api, id)).json()).toEqual(report);
    expect((await get(api, id, "?format=md")).headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const token = new URL(deleteUrl).searchParams.get("token")!;
    const res = await api.remove(
      new Request(`${BASE}/api/reports/${id}`, { method: "DELETE", headers: { "x-delete-token": token } }),
      id,
    );
    expect(res.status).toBe(204);
    expect((await get(api, id)).status).toBe(410);
    const second = await created(api);
    clock = new Date("2027-01-01T00:00:00.000Z");
    expect((await get(api, second.id)).status).toBe(410);
  });

  it("two app instances behind a load balancer serve each other's links", async () => {
    const url = await cluster.createDatabase();
    const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    const apiA = createReportsApi({ store: async () => a, config: readShareConfig({}) });
    const apiB = createReportsApi({ store: async () => b, config: readShareConfig({}) });
    const { id } = await created(apiA);
    const res = await get(apiB, id);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(report);
    await a.close();
    await b.close();
  });
});
