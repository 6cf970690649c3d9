import { expect, test } from "@playwright/test";
import { watchConsole } from "./support";

const BUCKET = "tidb-cloud-source-data";

test("a diagnosis shared from the wizard's summary opens as the same findings, redacted", async ({ page, browser }) => {
  const console = watchConsole(page);
  await page.goto("/en/wizard");
  await page.getByLabel("Offline").check();
  await page.getByRole("button", { name: "Deny in the bucket policy" }).click();
  await page.getByRole("button", { name: "Run the diagnosis" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Diagnosis steps" })
    .getByRole("link", { name: /Still denied/ })
    .click();

  const panel = page.getByRole("region", { name: "Share this report" });
  await expect(panel.getByRole("table", { name: "Replacements made in the shared copy" })).toContainText(BUCKET);
  await panel.getByRole("button", { name: "Save and create the link" }).click();
  const url = await panel.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(url).toMatch(/\/r\/[A-Za-z0-9_-]{24}$/);
  console.assertClean();

  const noJs = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "Accept-Language": "en" } });
  const viewer = await noJs.newPage();
  await viewer.goto(url);
  await expect(viewer.getByRole("heading", { level: 1, name: "Shared report" })).toBeVisible();
  await expect(viewer.getByRole("heading", { name: "Bucket policy", exact: true })).toBeVisible();
  // What the page shows and the JSON behind it (the page's HTML also carries the app's own message texts).
  const shown = await viewer.locator("main").innerText();
  const json = await (await viewer.request.get(`/api/reports/${url.split("/").pop()}`)).text();
  for (const shared of [shown, json]) {
    expect(shared).toContain("bucket.policy.deny");
    expect(shared).toContain("example-bucket-1");
    expect(shared).not.toContain(BUCKET);
    expect(shared).not.toContain("111122223333");
  }
  await noJs.close();
});
