import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, watchConsole } from "./support";

const report = JSON.parse(
  readFileSync(new URL("../../lib/share/__fixtures__/report-role.json", import.meta.url), "utf8"),
);

// Every kind of page the app serves, in both languages: no serious axe violation, no console error, nothing broken.
test.describe("every page is accessible", () => {
  let reportPath = "";
  let deletePath = "";
  let gonePath = "";

  test.beforeAll(async ({ request }) => {
    const saved = await request.post("/api/reports", { data: report });
    expect(saved.status()).toBe(201);
    const { url, deleteUrl } = (await saved.json()) as { url: string; deleteUrl: string };
    reportPath = new URL(url).pathname;
    deletePath = new URL(deleteUrl).pathname + new URL(deleteUrl).search;
    // A second report, deleted, for the "gone" page.
    const other = await request.post("/api/reports", { data: report });
    const o = (await other.json()) as { id: string; deleteUrl: string };
    const token = new URL(o.deleteUrl).searchParams.get("token")!;
    expect((await request.delete(`/api/reports/${o.id}`, { headers: { "X-Delete-Token": token } })).status()).toBe(204);
    gonePath = `/r/${o.id}`;
  });

  for (const locale of ["en", "ja"] as const) {
    const pages: [string, () => string][] = [
      ["home", () => `/${locale}`],
      ["wizard", () => `/${locale}/wizard`],
      ["share (paste a report)", () => `/${locale}/share`],
      ["shared report", () => `/${locale}${reportPath.replace(/^\/[a-z]{2}(?=\/r\/)/, "")}`],
      ["delete confirmation", () => `/${locale}${deletePath.replace(/^\/[a-z]{2}(?=\/r\/)/, "")}`],
      ["gone report", () => `/${locale}${gonePath}`],
      ["not found", () => `/${locale}/no-such-page`],
    ];
    for (const [name, path] of pages) {
      test(`${locale}: ${name}`, async ({ page }) => {
        const console = watchConsole(page);
        const res = await page.goto(path());
        expect(res, name).not.toBeNull();
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await expectNoSeriousA11yViolations(page);
        console.assertClean();
      });
    }
  }
});
