import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test.describe("security headers", () => {
  test("pages carry a nonce-based CSP without unsafe inline scripts, no framing and no referrer", async ({ page }) => {
    const res = await page.goto("/en");
    const h = res!.headers();
    const csp = h["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(h["referrer-policy"]).toBe("no-referrer");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    // Over plain HTTP there is no HSTS.
    expect(h["strict-transport-security"]).toBeUndefined();
    // Every script Next put in the page carries this response's nonce, so the page still works.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    for (const n of scripts) expect(n).toBe(nonce);
  });

  test("each response gets a fresh nonce", async ({ request }) => {
    const a = (await request.get("/en")).headers()["content-security-policy"];
    const b = (await request.get("/en")).headers()["content-security-policy"];
    expect(a).not.toBe(b);
  });

  test("HSTS is sent behind an HTTPS proxy", async ({ request }) => {
    const res = await request.get("/en", { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers()["strict-transport-security"]).toContain("max-age=");
  });

  test("an injected inline event handler does not run", async ({ page }) => {
    await page.goto("/en");
    const violation = page.waitForEvent("console", (m) => /Content Security Policy/i.test(m.text()));
    await page.evaluate(() => {
      const div = document.createElement("div");
      div.innerHTML = '<img src="data:," onerror="window.__injected = 1" alt="">';
      document.body.appendChild(div);
    });
    await violation;
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected ?? null)).toBeNull();
  });

  test("the shared report page has no script at all: a CSP without nonce or inline allowance, our stylesheet applied", async ({
    page,
    request,
  }) => {
    const report = JSON.parse(
      readFileSync(new URL("../../lib/share/__fixtures__/report-role.json", import.meta.url), "utf8"),
    );
    const saved = await request.post("/api/reports", { data: report });
    const { url } = (await saved.json()) as { url: string };
    const path = new URL(url).pathname.replace(/^\/r\//, "/en/r/");
    const res = await page.goto(path);
    expect(res!.status()).toBe(200);
    const h = res!.headers();
    expect(h["content-security-policy"]).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    // The proxy's headers are there too (set by the route itself: the proxy's matcher leaves this path out).
    expect(h["referrer-policy"]).toBe("no-referrer");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("style, [style]").count()).toBe(0);
    // The stylesheet is linked and applied (Tailwind's text-3xl on the heading).
    const fontSize = await page.getByRole("heading", { level: 1 }).evaluate((el) => getComputedStyle(el).fontSize);
    expect(fontSize).toBe("30px");
    // Same headers on the 404 and 410 answers of the route.
    const missing = await request.get("/en/r/AAAAAAAAAAAAAAAAAAAAAAAA");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-security-policy"]).toBe(h["content-security-policy"]);
    expect(missing.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    // Behind an HTTPS proxy: HSTS, and the proxy's request id is kept.
    const behind = await request.get(path, {
      headers: { "x-forwarded-proto": "https", "x-request-id": "lb-req-0001" },
    });
    expect(behind.headers()["strict-transport-security"]).toContain("max-age=");
    expect(behind.headers()["x-request-id"]).toBe("lb-req-0001");
    expect(h["strict-transport-security"]).toBeUndefined();
  });

  test("the shared report page goes gzipped to clients that take it, answers HEAD, refuses POST, and has no second address", async ({
    request,
  }) => {
    const report = JSON.parse(
      readFileSync(new URL("../../lib/share/__fixtures__/report-role.json", import.meta.url), "utf8"),
    );
    const { url } = (await (await request.post("/api/reports", { data: report })).json()) as { url: string };
    const id = new URL(url).pathname.split("/").pop()!;
    const path = `/ja/r/${id}`;
    const plain = await request.get(path, { headers: { "accept-encoding": "identity" } });
    expect(plain.status()).toBe(200);
    expect(plain.headers()["content-encoding"]).toBeUndefined();
    expect(plain.headers()["vary"]).toContain("Accept-Encoding");
    const zipped = await request.get(path, { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(zipped.status()).toBe(200);
    expect(zipped.headers()["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers()["content-length"])).toBeLessThan(Number(plain.headers()["content-length"]) / 3);
    // Playwright unzips the body: the same page.
    expect(await zipped.text()).toBe(await plain.text());
    expect(await plain.text()).toContain('<html lang="ja">');

    const head = await request.head(path);
    expect(head.status()).toBe(200);
    expect(head.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    const post = await request.post(path, { data: "x" });
    expect(post.status()).toBe(405);
    expect(post.headers()["allow"]).toBe("GET, HEAD");

    // next.config.js rewrites the page to an internal API route: asked directly, that address serves nothing.
    const internal = await request.get(`/api/report-page/ja/${id}`);
    expect(internal.status()).toBe(404);
    expect(await internal.text()).not.toContain("<html");
  });
});
