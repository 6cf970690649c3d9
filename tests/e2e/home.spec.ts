import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, watchConsole } from "./support";

test.describe("home page", () => {
  test("shows what the tool does in English and leads into the wizard", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/en");
    await expect(page).toHaveTitle(/S3 Access Doctor/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/AccessDenied/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const start = page.getByRole("link", { name: "Start the diagnosis" });
    await expect(start).toHaveAttribute("href", "/en/wizard");
    await expectNoSeriousA11yViolations(page);
    console.assertClean();
  });

  test("shows the Japanese page with the guide's terms", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/ja");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("AccessDenied");
    await expect(page.getByText(/信頼関係/).first()).toBeVisible();
    await expect(page.getByText(/外部ID/).first()).toBeVisible();
    await expect(page.getByText("オブジェクト所有権", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "診断を開始" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    console.assertClean();
  });

  test("the switcher moves between languages on the same page", async ({ page }) => {
    await page.goto("/en");
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "日本語" }).click();
    await expect(page).toHaveURL(/\/ja$/);
    await expect(page.getByRole("link", { name: "診断を開始" })).toBeVisible();
    await page.getByRole("navigation", { name: "言語" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByRole("link", { name: "Start the diagnosis" })).toBeVisible();
  });

  test("the default language follows Accept-Language", async ({ browser }) => {
    const ja = await browser.newContext({ locale: "ja-JP", extraHTTPHeaders: { "Accept-Language": "ja,en;q=0.5" } });
    const pageJa = await ja.newPage();
    await pageJa.goto("/");
    await expect(pageJa).toHaveURL(/\/ja$/);
    await ja.close();
    const en = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" } });
    const pageEn = await en.newPage();
    await pageEn.goto("/");
    await expect(pageEn).toHaveURL(/\/en$/);
    await en.close();
  });

  test("an unknown page says so in the visitor's language", async ({ page }) => {
    const res = await page.goto("/ja/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "ページが見つかりません" })).toBeVisible();
  });
});
