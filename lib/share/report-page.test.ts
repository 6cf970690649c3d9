import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Report } from "@/lib/report/types";
import { REPORT_PAGE_CSP } from "@/lib/security/headers";
import sample from "./__fixtures__/report-role.json";
import { HtmlCache } from "./html-cache";
import { acceptsGzip, reportPage } from "./report-page";
import type { LoadResult, ReportStore, StatusResult } from "./store";

/** The route's answer as a web Response, to read its headers and text. */
async function reportPageResponse(...args: Parameters<typeof reportPage>): Promise<Response> {
  const answer = await reportPage(...args);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

const ID = "AbCdEfGhIjKlMnOpQrStUv-_";
const report = sample as unknown as Report;
const found = (r: Report = report): LoadResult => ({
  state: "found",
  saved: {
    id: ID,
    report: r,
    createdAt: new Date("2026-11-28T03:00:00Z"),
    expiresAt: new Date("2026-12-28T03:00:00Z"),
  },
});

/** A store whose answer the test sets, counting its lookups (status or load) and its loads of the body. */
function fakeStore(initial: LoadResult) {
  const s = { result: initial, lookups: 0, loads: 0 };
  const store = {
    load: async () => (s.loads++, s.result),
    status: async (): Promise<StatusResult> => {
      s.lookups++;
      const r = s.result;
      if (r.state === "found") return { state: "found", createdAt: r.saved.createdAt, expiresAt: r.saved.expiresAt };
      // status() does not read the body: an invalid one is found until it is loaded.
      if (r.state === "invalid") return { state: "found", createdAt: new Date(0), expiresAt: new Date(8.64e15) };
      return r;
    },
  } as unknown as ReportStore;
  return { s, get: async () => store };
}

describe("reportPage", () => {
  it("answers the page with the strict CSP and no caching by others", async () => {
    const { get } = fakeStore(found());
    const res = await reportPageResponse("en", ID, get, new HtmlCache<Uint8Array<ArrayBuffer>>(10, 1e6));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe(REPORT_PAGE_CSP);
    expect(REPORT_PAGE_CSP).not.toMatch(/unsafe|nonce/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(">Shared report</h1>");
  });

  it("sets the security headers and the request id itself (the proxy does not see this route), HSTS over HTTPS", async () => {
    const { get } = fakeStore(found());
    const cache = new HtmlCache<Uint8Array<ArrayBuffer>>(10, 1e6);
    for (const id of [ID, "not-a-report-id"]) {
      const plain = await reportPageResponse("en", id, get, cache, { requestId: "req-1234abcd", https: false });
      expect(plain.headers.get("x-request-id")).toBe("req-1234abcd");
      expect(plain.headers.get("referrer-policy")).toBe("no-referrer");
      expect(plain.headers.get("x-content-type-options")).toBe("nosniff");
      expect(plain.headers.get("x-frame-options")).toBe("DENY");
      expect(plain.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(plain.headers.get("permissions-policy")).toContain("camera=()");
      expect(plain.headers.get("strict-transport-security")).toBeNull();
      const secure = await reportPageResponse("en", id, get, cache, { requestId: "req-5678efgh", https: true });
      expect(secure.headers.get("x-request-id")).toBe("req-5678efgh");
      expect(secure.headers.get("strict-transport-security")).toContain("max-age=");
    }
  });

  it("shows the findings in the viewer's language when the report carries that translation", async () => {
    const bilingual: Report = {
      ...report,
      findings: report.findings.map((f, i) =>
        i === 0
          ? {
              ...f,
              title: "English title",
              translations: { ja: { title: "日本語のタイトル", detail: "日本語の説明" } },
            }
          : f,
      ),
    };
    const { get } = fakeStore(found(bilingual));
    const cache = new HtmlCache<Uint8Array<ArrayBuffer>>(10, 1e6);
    const ja = await (await reportPageResponse("ja", ID, get, cache)).text();
    expect(ja).toContain("日本語のタイトル");
    expect(ja).toContain("日本語の説明");
    expect(ja).not.toContain("English title");
    const en = await (await reportPageResponse("en", ID, get, cache)).text();
    expect(en).toContain("English title");
    expect(en).not.toContain("日本語のタイトル");
  });

  it("asks the store on every request: a report deleted or expired after it was cached is never served", async () => {
    const { s, get } = fakeStore(found());
    const cache = new HtmlCache<Uint8Array<ArrayBuffer>>(10, 1e6);
    expect((await reportPageResponse("en", ID, get, cache)).status).toBe(200);
    expect((await reportPageResponse("ja", ID, get, cache)).status).toBe(200);
    expect(cache.size).toBe(2);
    s.result = { state: "gone", reason: "deleted" };
    const gone = await reportPageResponse("en", ID, get, cache);
    expect(gone.status).toBe(410);
    expect(gone.headers.get("content-security-policy")).toBe(REPORT_PAGE_CSP);
    expect(await gone.text()).toContain("The person who shared it has deleted it.");
    expect(cache.size).toBe(0);
    s.result = { state: "gone", reason: "expired" };
    const expired = await reportPageResponse("ja", ID, get, cache);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('<html lang="ja">');
    s.result = { state: "missing" };
    expect((await reportPageResponse("en", ID, get, cache)).status).toBe(404);
    expect(s.lookups).toBe(5);
  });

  it("says with 422 that a stored report no longer passes the checks, and caches nothing", async () => {
    const { get } = fakeStore({
      state: "invalid",
      path: "findings[0].fix.notes",
      message: "findings[0].fix.notes: bad",
    });
    const cache = new HtmlCache<Uint8Array<ArrayBuffer>>(10, 1e6);
    const res = await reportPageResponse("ja", ID, get, cache);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-security-policy")).toBe(REPORT_PAGE_CSP);
    expect(await res.text()).toContain("このレポートは表示できません");
    expect(cache.size).toBe(0);
  });

  it("renders once per report and language, then serves the cached page", async () => {
    const { s, get } = fakeStore(found());
    const cache = new HtmlCache<Uint8Array<ArrayBuffer>>(10, 1e6);
    const first = await (await reportPageResponse("en", ID, get, cache)).text();
    // Another body from the store would show if the page were rendered again.
    const changed = structuredClone(report);
    changed.findings[0].title = "changed";
    s.result = found(changed);
    expect(await (await reportPageResponse("en", ID, get, cache)).text()).toBe(first);
    // The second request asked for the state only, not for the body.
    expect([s.lookups, s.loads]).toEqual([2, 1]);
    // The cached bytes are the body of every answer, uncopied: reading answers (two at once, too) leaves them whole.
    const [a, b] = await Promise.all([1, 2].map(async () => (await reportPageResponse("en", ID, get, cache)).text()));
    expect([a, b]).toEqual([first, first]);
    expect(new TextDecoder().decode(cache.get(`${ID}:en`))).toBe(first);
  });

  it("says in the page's language with 503 and Retry-After that the store cannot be reached, without its error", async () => {
    const down = async (): Promise<ReportStore> => {
      throw new Error("connect ECONNREFUSED 10.0.0.5:5432 secret-canary-7781");
    };
    for (const locale of ["en", "ja"] as const) {
      const res = await reportPageResponse(locale, ID, down, new HtmlCache<Uint8Array<ArrayBuffer>>(10, 1e6), {
        requestId: "req-1234abcd",
        https: false,
      });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
      expect(res.headers.get("content-security-policy")).toBe(REPORT_PAGE_CSP);
      expect(res.headers.get("x-request-id")).toBe("req-1234abcd");
      const text = await res.text();
      expect(text).toContain(`<html lang="${locale}">`);
      expect(text).toContain(
        locale === "en" ? "Shared reports are unavailable right now" : "共有レポートは現在利用できません",
      );
      expect(text).not.toMatch(/ECONNREFUSED|secret-canary|5432/);
    }
  });

  it("answers 404 without the store for an id that is not ours or an unknown locale", async () => {
    const { s, get } = fakeStore(found());
    for (const [locale, id] of [
      ["en", "short"],
      ["en", `${ID}x`],
      ["de", ID],
      ["en", "<script>alert(1)</script>AAAAAAAA"],
    ]) {
      const res = await reportPageResponse(locale, id, get, new HtmlCache<Uint8Array<ArrayBuffer>>(10, 1e6));
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain(">Page not found</h1>");
      expect(html).not.toContain("<script>");
    }
    expect([s.lookups, s.loads]).toEqual([0, 0]);
  });
});

describe("the gzipped page", () => {
  it("is the same page, compressed once and then served from the cache, for clients that take gzip", async () => {
    const { s, get } = fakeStore(found());
    const cache = new HtmlCache<Uint8Array<ArrayBuffer>>(10, 1e6);
    const facts = { requestId: "req-1234abcd", https: false };
    const plain = await reportPage("en", ID, get, cache, facts);
    expect(plain.headers["Content-Encoding"]).toBeUndefined();
    expect(plain.headers["Vary"]).toBe("Accept-Encoding");
    const zipped = await reportPage("en", ID, get, cache, { ...facts, gzip: true });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["Content-Encoding"]).toBe("gzip");
    expect(zipped.headers["Vary"]).toBe("Accept-Encoding");
    expect(zipped.headers["Content-Length"]).toBe(String(zipped.body.byteLength));
    expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    expect(gunzipSync(zipped.body).equals(Buffer.from(plain.body))).toBe(true);
    const again = await reportPage("en", ID, get, cache, { ...facts, gzip: true });
    expect(again.body).toBe(zipped.body);
    // Still asked of the store each time: a deleted report is not served gzipped either, and both copies go.
    s.result = { state: "gone", reason: "deleted" };
    const gone = await reportPage("en", ID, get, cache, { ...facts, gzip: true });
    expect(gone.status).toBe(410);
    expect(gone.headers["Content-Encoding"]).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("goes only to clients whose Accept-Encoding takes gzip", () => {
    for (const yes of [
      "gzip",
      "gzip, deflate, br, zstd",
      "br;q=1.0, gzip;q=0.8",
      "GZIP",
      "*",
      "x-gzip",
      "identity, *;q=0.5",
    ])
      expect(acceptsGzip(yes), yes).toBe(true);
    for (const no of [undefined, "", "identity", "br", "gzip;q=0", "gzip; q=0.000", "*;q=0", "gzip;q=0, *", "deflate"])
      expect(acceptsGzip(no), String(no)).toBe(false);
  });
});

describe("HtmlCache", () => {
  it("drops the least recently used entries beyond its bounds of entries and characters", () => {
    const c = new HtmlCache(3, 10);
    c.set("a", "1");
    c.set("b", "2");
    c.set("c", "3");
    c.get("a");
    c.set("d", "4");
    expect(c.get("b")).toBeUndefined();
    expect([c.get("a"), c.get("c"), c.get("d")]).toEqual(["1", "3", "4"]);
    c.set("e", "123456789");
    expect(c.totalChars).toBeLessThanOrEqual(10);
    expect(c.get("e")).toBe("123456789");
    c.set("big", "12345678901");
    expect(c.get("big")).toBeUndefined();
    // Replacing an entry counts only its new value.
    c.set("e", "x");
    expect([c.size, c.totalChars]).toEqual([2, 2]);
    c.deletePrefix("e");
    expect(c.get("e")).toBeUndefined();
  });
});

describe("public/report.css", () => {
  it("is the current output of scripts/build-report-css.mjs (run it after changing the renderer's classes)", async () => {
    const { compileReportCss } = (await import("../../scripts/build-report-css.mjs")) as {
      compileReportCss: () => Promise<string>;
    };
    expect(readFileSync(new URL("../../public/report.css", import.meta.url), "utf8")).toBe(await compileReportCss());
  });
});
