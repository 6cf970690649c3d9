import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nextConfig from "@/next.config.js";
import { LOCALES } from "@/lib/i18n/locales";
import { reportPageRoute, type PageRequest } from "@/lib/share/report-route";

// The shared report page /<locale>/r/<id> is an API route of the pages router behind a rewrite in next.config.js
// (lib/share/report-route.ts says why). Through the production server it is tested by the browser tests
// (tests/e2e/share*.spec.ts, scale-out.spec.ts); here: the rewrite's locales, and the route on a plain Node server.

describe("the rewrite of the shared report page", () => {
  it("covers every locale of the app, and no other", async () => {
    const rewrites = (
      await (nextConfig as { rewrites: () => Promise<{ beforeFiles: { source: string }[] }> }).rewrites()
    ).beforeFiles;
    const page = rewrites.find((r) => r.source.endsWith("/r/:id"));
    expect(page).toBeDefined();
    const locales = /^\/:locale\(([^)]+)\)\/r\/:id$/.exec(page!.source)?.[1].split("|");
    expect(locales?.sort()).toEqual([...LOCALES].sort());
  });
});

describe("reportPageRoute on Node's own request and response", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    // As Next hands it over after the rewrite: the path's locale and id in `query`.
    server = http.createServer((req, res) => {
      const [, locale = "", id = ""] = /^\/([^/]*)\/r\/([^/?]*)/.exec(req.url ?? "") ?? [];
      void reportPageRoute(Object.assign(req, { query: { locale, id } }) as PageRequest, res);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("answers in the path's language with the request id and the security headers (a 404 for an id that is not ours, without the store)", async () => {
    for (const locale of LOCALES) {
      const res = await fetch(`${base}/${locale}/r/nope`, { headers: { "x-request-id": "req-12345678" } });
      expect(res.status).toBe(404);
      expect(await res.text()).toContain(`<html lang="${locale}">`);
      expect(res.headers.get("x-request-id")).toBe("req-12345678");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("sends HSTS when a proxy in front says the request came over HTTPS, and makes up its own request id for a bad one", async () => {
    const res = await fetch(`${base}/en/r/nope`, { headers: { "x-forwarded-proto": "https", "x-request-id": "a b" } });
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers HEAD with the headers only, and refuses other methods with 405 and Allow", async () => {
    const head = await fetch(`${base}/ja/r/nope`, { method: "HEAD" });
    expect(head.status).toBe(404);
    expect(head.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await head.text()).toBe("");
    const post = await fetch(`${base}/en/r/nope`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});
