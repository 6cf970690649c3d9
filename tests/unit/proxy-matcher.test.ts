import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";

// proxy.ts imports Next's server runtime, which plain Node cannot load: its matcher is read from the source, where
// Next needs it as a literal anyway.
const source = readFileSync(new URL("../../proxy.ts", import.meta.url), "utf8");
const literal = /matcher:\s*\[\s*("(?:[^"\\]|\\.)*")\s*,?\s*\]/.exec(source);
const matchers = [JSON.parse(literal![1]) as string];

/** Whether the proxy runs for a path: the matcher is a regular expression over the whole path. */
const runsProxy = (path: string) => matchers.some((m) => new RegExp(`^${m}$`).test(path));
const ID = "AbCdEfGhIjKlMnOpQrStUv-_";

describe("proxy.ts matcher", () => {
  it("leaves out the shared report page of every locale (its route handler sets the headers itself)", () => {
    for (const locale of LOCALES) {
      expect(runsProxy(`/${locale}/r/${ID}`)).toBe(false);
      expect(runsProxy(`/${locale}/r/${ID}/`)).toBe(false);
    }
  });

  it("still runs for every other page and the API, including the report's delete page", () => {
    for (const locale of LOCALES) {
      for (const path of [`/${locale}`, `/${locale}/wizard`, `/${locale}/share`, `/${locale}/r/${ID}/delete`])
        expect(runsProxy(path)).toBe(true);
    }
    for (const path of ["/", "/api/reports", `/api/reports/${ID}`, `/fr/r/${ID}`, `/en/rr/${ID}`])
      expect(runsProxy(path)).toBe(true);
    // The report page's internal address (next.config.js rewrites to it): the proxy answers 404 there.
    expect(runsProxy(`/api/report-page/en/${ID}`)).toBe(true);
    expect(runsProxy("/_next/static/chunks/a.js")).toBe(false);
    expect(runsProxy("/favicon.ico")).toBe(false);
  });
});
