import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

// The shared report page has one route file per language (lib/share/report-route.ts says why), each binding its own.
const ROUTES: Record<
  Locale,
  () => Promise<{ GET: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response> }>
> = {
  en: () => import("@/app/en/r/[id]/route"),
  ja: () => import("@/app/ja/r/[id]/route"),
};

describe("the shared report page's routes", () => {
  it("exist for every locale of the app, and for no other top-level name", () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...LOCALES].sort());
    const staticLocales = readdirSync(new URL("../../app", import.meta.url)).filter((d) => /^[a-z]{2}$/.test(d));
    expect(staticLocales.sort()).toEqual([...LOCALES].sort());
  });

  it("answer in their own language (a 404 for an id that is not ours, without the store)", async () => {
    for (const locale of LOCALES) {
      const { GET } = await ROUTES[locale]();
      const res = await GET(
        new Request(`http://127.0.0.1/${locale}/r/nope`, { headers: { "x-request-id": "req-12345678" } }),
        {
          params: Promise.resolve({ id: "nope" }),
        },
      );
      expect(res.status).toBe(404);
      expect(await res.text()).toContain(`<html lang="${locale}">`);
      expect(res.headers.get("x-request-id")).toBe("req-12345678");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });
});
