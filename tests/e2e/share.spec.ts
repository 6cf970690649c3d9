import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, watchConsole } from "./support";

const fixture = readFileSync(new URL("../../lib/share/__fixtures__/report-role.json", import.meta.url), "utf8");
const ORIGINAL_BUCKET = "acme-tidb-source-data";
const ORIGINAL_ACCOUNT = "123456789012";

async function shareFromPastePage(page: Page): Promise<{ url: string; deleteUrl: string }> {
  await page.goto("/en/share");
  await page.getByLabel("Report JSON").fill(fixture);
  await page.getByRole("button", { name: "Preview" }).click();
  const panel = page.getByRole("region", { name: "Share this report" });
  await expect(panel.getByRole("checkbox")).toBeChecked();
  const table = panel.getByRole("table", { name: "Replacements made in the shared copy" });
  await expect(
    table.getByRole("row", { name: new RegExp(`Bucket ${ORIGINAL_BUCKET} example-bucket-1`) }),
  ).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(`Account ID ${ORIGINAL_ACCOUNT} \\d{12}`) })).toBeVisible();
  await panel.getByRole("button", { name: "Save and create the link" }).click();
  const link = panel.getByRole("textbox", { name: "Share link" });
  await expect(link).toHaveValue(/\/r\/[A-Za-z0-9_-]{24}$/);
  const url = await link.inputValue();
  await panel.getByRole("button", { name: "Copy link" }).click();
  await expect(panel.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const deleteUrl = (await panel.getByRole("link", { name: /\/delete\?token=/ }).getAttribute("href")) ?? "";
  expect(deleteUrl).toMatch(/\/r\/[A-Za-z0-9_-]{24}\/delete\?token=[A-Za-z0-9_-]{43}$/);
  return { url, deleteUrl };
}

test.describe("share links", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("a report saved from the share panel opens read-only, redacted, in the viewer's language, with a Markdown export", async ({
    page,
    browser,
  }) => {
    const console = watchConsole(page);
    const { url } = await shareFromPastePage(page);
    await expectNoSeriousA11yViolations(page);
    console.assertClean();

    // A Japanese-speaking support engineer opens the link /r/<id>: it lands on /ja/r/<id>.
    const ja = await browser.newContext({
      locale: "ja-JP",
      extraHTTPHeaders: { "Accept-Language": "ja,en;q=0.5" },
      acceptDownloads: true,
    });
    const viewer = await ja.newPage();
    const viewerConsole = watchConsole(viewer);
    await viewer.goto(url);
    await expect(viewer).toHaveURL(/\/ja\/r\/[A-Za-z0-9_-]{24}$/);
    await expect(viewer.getByRole("heading", { level: 1, name: "共有されたレポート" })).toBeVisible();
    await expect(viewer.getByRole("heading", { name: "変更が必要な項目" })).toBeVisible();
    await expect(viewer.getByRole("heading", { name: "権限ポリシー" })).toBeVisible();
    await expect(
      viewer.getByRole("heading", { name: "A Deny statement in the bucket policy blocks the import" }),
    ).toBeVisible();
    await expect(viewer.getByText("s3://example-bucket-1/folder-1/folder-2/", { exact: true })).toBeVisible();
    await expect(
      viewer.getByText("aws s3api put-bucket-policy --bucket example-bucket-1 --policy file://bucket-policy.json"),
    ).toBeVisible();
    const html = await viewer.content();
    expect(html).not.toContain(ORIGINAL_BUCKET);
    expect(html).not.toContain(ORIGINAL_ACCOUNT);
    // Read-only: nothing to edit or submit.
    await expect(viewer.locator("main form, main input, main textarea")).toHaveCount(0);
    await expectNoSeriousA11yViolations(viewer);

    const downloading = viewer.waitForEvent("download");
    await viewer.getByRole("link", { name: /Markdown でダウンロード/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^s3-access-doctor-report-[A-Za-z0-9_-]{24}\.md$/);
    const md = readFileSync((await download.path())!, "utf8");
    expect(md).toContain("# S3 Access Doctor レポート");
    expect(md).toContain("example-bucket-1");
    expect(md).not.toContain(ORIGINAL_BUCKET);
    viewerConsole.assertClean();
    await ja.close();

    // The JSON behind the link holds no original identifier either.
    const id = url.split("/").pop()!;
    const api = await page.request.get(`/api/reports/${id}`);
    expect(api.status()).toBe(200);
    const text = await api.text();
    expect(text).not.toContain(ORIGINAL_BUCKET);
    expect(text).not.toContain(ORIGINAL_ACCOUNT);
  });

  test("the shared page is complete with JavaScript turned off", async ({ browser, request }) => {
    const res = await request.post("/api/reports", { data: JSON.parse(fixture) });
    expect(res.status()).toBe(201);
    const { url } = (await res.json()) as { url: string };
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      locale: "en-US",
      extraHTTPHeaders: { "Accept-Language": "en" },
    });
    const page = await noJs.newPage();
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "Shared report" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "What to change" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "The trust policy requires another External ID" })).toBeVisible();
    await expect(page.locator('main h3 [data-status="fail"]').first()).toHaveText("✕Fail");
    await expect(
      page.getByText(
        "aws iam update-assume-role-policy --role-name tidb-import --policy-document file://trust-policy.json",
      ),
    ).toBeVisible();
    await expect(page.getByLabel("Corrected document: bucket-policy")).toContainText(
      '"aws:PrincipalArn": "arn:aws:iam::123456789012:role/tidb-import"',
    );
    await expect(
      page.getByText("The statement that decided: Statement 1 (Sid “DenyOutsideVpc”) of bucket-policy"),
    ).toBeVisible();
    await noJs.close();
  });

  test("the delete link removes the report; its link then answers 410 Gone", async ({ page, request }) => {
    const res = await request.post("/api/reports", { data: JSON.parse(fixture) });
    const { url, deleteUrl } = (await res.json()) as { url: string; deleteUrl: string };
    await page.goto(deleteUrl);
    await expect(page.getByRole("heading", { name: "Delete a shared report" })).toBeVisible();
    await page.getByRole("button", { name: "Delete the shared report" }).click();
    await expect(page.getByRole("status")).toHaveText(/The shared report was deleted/);
    const gone = await page.goto(url);
    expect(gone?.status()).toBe(410);
    await expect(page.getByRole("heading", { name: "This report is no longer available" })).toBeVisible();
    await expect(page.getByText("The person who shared it has deleted it.")).toBeVisible();
    expect((await request.get(`/api/reports/${url.split("/").pop()}`)).status()).toBe(410);
  });

  test("an unknown id is a 404 page and a 404 in the API", async ({ page, request }) => {
    const res = await page.goto("/en/r/AAAAAAAAAAAAAAAAAAAAAAAA");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect((await request.get("/api/reports/AAAAAAAAAAAAAAAAAAAAAAAA")).status()).toBe(404);
  });

  test("a report holding a secret access key is refused with the field named", async ({ request }) => {
    const report = JSON.parse(fixture);
    report.target.errorMessage = "key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const res = await request.post("/api/reports", { data: report });
    expect(res.status()).toBe(400);
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ error: { code: "secret-detected", path: "target.errorMessage" } });
    expect(body).not.toContain("wJalrXUtnFEMI");
  });
});
