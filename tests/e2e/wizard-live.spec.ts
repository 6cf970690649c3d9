import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expectNoSeriousA11yViolations, watchConsole } from "./support";

// Live mode against the fake AWS endpoint (tests/fake-aws), which playwright.config.ts starts and points the app at.
// The diagnosing access key id selects the scenario; the secret and token are canaries that must never show up.
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0042";
const TOKEN =
  "IQoJb3JpZ2luX2VjECANARYTOKEN0042aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const ROLE_ARN = "arn:aws:iam::111122223333:role/tidb-import";
const EXTERNAL_ID = "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe";

function scenario(name: string) {
  return JSON.parse(readFileSync(join(process.cwd(), "tests", "fake-aws", "scenarios", `${name}.json`), "utf8")) as {
    snapshot: { role: { trustPolicy: { Statement: { Condition: { StringEquals: Record<string, string> } }[] } } };
  };
}

async function fillCredentials(page: Page, keyId: string, prefix = "") {
  const scope = prefix ? page.locator(prefix) : page;
  await scope.getByLabel("Access key ID", { exact: true }).fill(keyId);
  await scope.getByLabel("Secret access key").fill(SECRET);
  await scope.getByLabel("Session token").fill(TOKEN);
}

async function expectNoCanary(page: Page) {
  const html = await page.content();
  expect(html).not.toContain(SECRET);
  expect(html).not.toContain(TOKEN);
  const values = await page
    .locator("input, textarea")
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values.join("\n")).not.toContain(SECRET);
  expect(values.join("\n")).not.toContain(TOKEN);
  expect(page.url()).not.toContain(SECRET);
  const stored = await page.evaluate(() =>
    JSON.stringify({ l: { ...localStorage }, s: { ...sessionStorage }, c: document.cookie }),
  );
  expect(stored).not.toContain(SECRET);
  expect(stored).not.toContain(TOKEN);
  const cookies = JSON.stringify(await page.context().cookies());
  expect(cookies).not.toContain(SECRET);
}

test.describe("wizard, live mode", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("a role with the wrong External ID ends on a fail, and the copied trust policy is the expected one", async ({
    page,
  }) => {
    const console = watchConsole(page);
    await page.goto("/en/wizard");
    await page.getByLabel("Bucket URI").fill("s3://tidb-cloud-source-data/mydata/");
    await page.getByLabel("Role ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByLabel("TiDB Cloud External ID").fill(EXTERNAL_ID);
    await page.getByLabel("TiDB Cloud account ID").fill("380838443567");
    await page.getByLabel("Bucket region (optional)").fill("ap-northeast-1");
    await expect(page.getByLabel("Live")).toBeChecked();
    await expect(page.getByRole("heading", { name: "Read-only policy the credentials need" })).toBeVisible();
    await fillCredentials(page, "AKIAFAKEROLEEXTID001");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Run the diagnosis" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
    await expect(page.locator('[data-hop="assume-role"]')).toHaveAttribute("data-status", "fail");
    await page.locator('[data-hop="assume-role"]').getByRole("link").click();
    const card = page.locator('[data-finding="role.trust.external-id"]');
    await expect(card).toHaveAttribute("data-status", "fail");
    await card.getByRole("button", { name: "Copy corrected JSON" }).click();
    await expect(card.getByText("Copied to the clipboard.")).toBeVisible();

    const expected = scenario("role-wrong-external-id").snapshot.role.trustPolicy;
    expected.Statement[0].Condition.StringEquals["sts:ExternalId"] = EXTERNAL_ID;
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as unknown;
    expect(copied).toEqual(expected);

    await expectNoCanary(page);
    await expectNoSeriousA11yViolations(page);
    console.assertClean();
  });

  test("access-key mode reads the IAM user and finds the missing s3:GetObject", async ({ page }) => {
    await page.goto("/en/wizard");
    // TiDB Cloud's message echoes the import key's secret: the form drops it as soon as the field is left.
    const message = `Access denied to the source 's3://tidb-cloud-source-data/mydata/' using the access key ID 'AKIAFAKEIMPORTKEY002' and the secret access key '${SECRET}'`;
    await page.getByLabel("Error message TiDB Cloud showed (optional)").fill(message);
    await page.getByLabel("Bucket region (optional)").focus();
    await expect(page.getByLabel("Error message TiDB Cloud showed (optional)")).not.toHaveValue(
      new RegExp(SECRET.replace(/[/+]/g, "\\$&")),
    );
    await expect(page.getByLabel("AWS access key of an IAM user")).toBeChecked();
    await expect(page.getByLabel("Access key ID given to TiDB Cloud")).toHaveValue("AKIAFAKEIMPORTKEY002");
    await expect(page.getByLabel("Bucket URI")).toHaveValue("s3://tidb-cloud-source-data/mydata/");
    await page.getByLabel("Bucket region (optional)").fill("ap-northeast-1");
    await fillCredentials(page, "AKIAFAKEACCESSKEY002");
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
    // The message points to the permission policies: the wizard opens that step.
    await expect(page.getByRole("heading", { level: 2, name: /Permission policies/ })).toBeFocused();
    await expect(page.locator('[data-finding="identity.get-object"]')).toHaveAttribute("data-status", "fail");
    await page.getByRole("navigation", { name: "Diagnosis steps" }).getByRole("link", { name: "Overview" }).click();
    await expect(page.locator('[data-hop="user"]')).toBeVisible();
    await expect(page.locator('[data-hop="assume-role"]')).toHaveCount(0);
    await expectNoCanary(page);
  });

  test("credentials AWS does not accept give a message with what to do, not a crash", async ({ page }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Bucket URI").fill("s3://tidb-cloud-source-data/mydata/");
    await page.getByLabel("Role ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByLabel("TiDB Cloud External ID").fill(EXTERNAL_ID);
    await fillCredentials(page, "AKIANOSUCHKEY0000001");
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "AWS" });
    await expect(alert).toContainText("AWS did not accept the credentials");
    await expect(alert).toContainText("Check the access key ID, secret access key and session token");
    // The credentials were cleared after the run; the field to look at again is marked.
    await expect(page.getByLabel("Secret access key")).toHaveValue("");
    await expect(page.getByLabel("Access key ID", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectNoCanary(page);
  });

  test("re-checking one step asks for credentials again and shows what changed", async ({ page }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Bucket URI").fill("s3://tidb-cloud-source-data/mydata/");
    await page.getByLabel("Role ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByLabel("TiDB Cloud External ID").fill(EXTERNAL_ID);
    await page.getByLabel("TiDB Cloud account ID").fill("380838443567");
    await fillCredentials(page, "AKIAFAKEROLEEXTID001");
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await page
      .getByRole("navigation", { name: "Diagnosis steps" })
      .getByRole("link", { name: /assume the role/ })
      .click();
    await expect(page.getByLabel("Secret access key")).toHaveValue("");
    // The account was "fixed": the same role now answers as in the role-ok scenario.
    await fillCredentials(page, "AKIAFAKEROLEOK000001");
    await page.getByRole("button", { name: "Re-check this step" }).click();
    await expect(page.locator('[data-change="role.trust.external-id"]')).toContainText("Fail → Pass");
    await expect(page.getByLabel("Secret access key")).toHaveValue("");
    await expectNoCanary(page);
  });

  test("a full live walk in Japanese", async ({ page }) => {
    await page.goto("/ja/wizard");
    await page.getByLabel("バケット URI").fill("s3://tidb-cloud-source-data/mydata/");
    await page.getByLabel("ロール ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByLabel("TiDB Cloudの外部ID").fill(EXTERNAL_ID);
    await page.getByLabel("TiDB CloudアカウントID").fill("380838443567");
    await page.getByLabel("アクセスキー ID", { exact: true }).fill("AKIAFAKEROLEOWNER001");
    await page.getByLabel("シークレットアクセスキー").fill(SECRET);
    await page.getByLabel("セッショントークン").fill(TOKEN);
    await page.getByRole("button", { name: "診断を実行" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "診断結果" })).toBeVisible();
    for (const title of [
      "インポートの内容",
      "TiDB Cloud はロールを引き受けられるか",
      "権限ポリシー",
      "バケットポリシー",
      "オブジェクト所有権",
    ]) {
      await page.getByRole("button", { name: `次へ: ${title}` }).click();
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(title) })).toBeVisible();
    }
    await expect(page.locator('[data-finding="bucket.object-ownership"]')).toHaveAttribute("data-status", "warn");
    await expect(page.locator('[data-finding="bucket.object-ownership"] span[data-status="warn"]').first()).toHaveText(
      /警告/,
    );
    await expectNoSeriousA11yViolations(page);
    await expectNoCanary(page);
  });

  test("the canary credentials never reach the server's output", async () => {
    // Runs after the tests above in this file (workers: 1, in order): everything they did is in the server log.
    const log = readFileSync(join(process.env.E2E_RUN_DIR ?? "", "server.log"), "utf8");
    // The right log: the server that served these runs announced the test endpoint it sends AWS requests to.
    expect(log).toContain("AWS endpoint override in effect");
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain(TOKEN);
  });
});
