import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, watchConsole } from "./support";

/**
 * The shared page reads as a verdict first: one sentence, then the failing findings with the change to make, then
 * the rest; a policy that several findings correct is shown once, complete. In both languages, JavaScript off too.
 * Reports come from the command line's `analyze --json`, as a support ticket would carry them.
 */

function analyzed(fixture: string): unknown {
  const run = spawnSync(
    "node_modules/.bin/tsx",
    [
      "--conditions=react-server",
      "lib/cli/main.ts",
      "analyze",
      "--snapshot",
      `tests/fixtures/snapshots/${fixture}.json`,
      "--json",
    ],
    { encoding: "utf8" },
  );
  // Exit status 1 says a check failed: the report is on standard output all the same.
  expect([0, 1], run.stderr).toContain(run.status);
  return JSON.parse(run.stdout);
}

async function share(page: Page, report: unknown): Promise<string> {
  const res = await page.request.post("/api/reports", { data: report });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The report's text in reading order: section headings, the verdict and the finding titles (beside their badges). */
async function readingOrder(page: Page): Promise<string[]> {
  return page
    .locator("main h2, main [data-verdict], main article h3 > span:last-child, main article h4 > span:last-child")
    .allInnerTexts();
}

const SENTENCES = {
  en: {
    fails:
      "The import fails because s3:ListBucket is not allowed for the import's folder; apply the corrected role policy s3-read. One more problem has to be fixed as well.",
    likely:
      "The import most likely fails because a Deny in the bucket policy may hit the import: this depends on aws:SourceIp, whose value in TiDB Cloud's requests is not known; apply the corrected bucket policy.",
    problems: "What to change",
    others: "Every other check, by step",
    corrected: "Corrected document: role-policy:s3-read",
    first: "s3:ListBucket is not allowed for the import's folder",
    second: "s3:GetBucketLocation is not allowed on the bucket",
    pass: "The bucket URI is valid",
  },
  ja: {
    fails:
      "インポートが失敗する原因は「インポートするフォルダーに対する s3:ListBucket が許可されていません」です。修正後のロールのポリシー「s3-read」を適用してください。ほかに 1 件の問題も修正が必要です。",
    likely:
      "インポートが失敗する原因は、おそらく「バケットポリシーの Deny がインポートを拒否する可能性があります」です。判定は aws:SourceIp の値に左右されますが、TiDB Cloud のリクエストでの値は分かりません。修正後のバケットポリシーを適用してください。",
    problems: "変更が必要な項目",
    others: "その他のチェック（ステップごと）",
    corrected: "修正後のドキュメント: role-policy:s3-read",
    first: "インポートするフォルダーに対する s3:ListBucket が許可されていません",
    second: "バケットに対する s3:GetBucketLocation が許可されていません",
    pass: "バケット URI が正しい",
  },
} as const;

test.describe("the shared page: verdict first, failing first, one complete document", () => {
  let failing: string;
  let likely: string;

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    failing = await share(page, analyzed("role-missing-bucket-statement"));
    likely = await share(page, analyzed("role-bucket-policy-deny-source-ip"));
    await page.close();
  });

  for (const locale of ["en", "ja"] as const) {
    const s = SENTENCES[locale];

    test(`${locale}: the verdict, then what to change, then the other checks; the policy shown once, complete`, async ({
      page,
    }) => {
      const console = watchConsole(page);
      await page.goto(`/${locale}/r/${failing}`);
      const verdict = page.locator("[data-verdict]");
      await expect(verdict).toHaveText(s.fails);
      await expect(verdict).toHaveAttribute("data-verdict", "fails");

      const order = await readingOrder(page);
      const at = (text: string) => order.findIndex((t) => t.trim() === text);
      const positions = [at(s.fails), at(s.problems), at(s.first), at(s.second), at(s.others), at(s.pass)];
      expect(
        positions.every((p) => p >= 0),
        order.join("\n"),
      ).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);

      // One complete role policy: both statements' changes in it, shown once.
      const documents = page.getByLabel(s.corrected, { exact: true });
      await expect(documents).toHaveCount(1);
      const json = JSON.parse(await documents.innerText());
      const bucketStatement = json.Statement.find((x: { Sid?: string }) => x.Sid === "TiDBCloudImportBucket");
      expect(bucketStatement.Action).toEqual(["s3:ListBucket", "s3:GetBucketLocation"]);
      // The second finding points at it, and its link goes there.
      const second = page.locator("article", { has: page.getByRole("heading", { name: s.second }) });
      await second.getByRole("link").click();
      await expect(page).toHaveURL(/#finding-identity-list-bucket-fix$/);
      await expect(page.locator("#finding-identity-list-bucket-fix")).toBeInViewport();
      await expectNoSeriousA11yViolations(page);
      console.assertClean();
    });

    test(`${locale}: a warning that can explain the failure is the likely cause`, async ({ page }) => {
      await page.goto(`/${locale}/r/${likely}`);
      await expect(page.locator("[data-verdict]")).toHaveText(s.likely);
      await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "likely");
    });
  }

  test("reads the same with JavaScript off", async ({ browser }) => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`/en/r/${failing}`);
    await expect(page.locator("[data-verdict]")).toHaveText(SENTENCES.en.fails);
    await expect(page.getByLabel(SENTENCES.en.corrected, { exact: true })).toHaveCount(1);
    await noJs.close();
  });

  test("the Markdown export leads with the same verdict and escapes only what Markdown needs", async ({ request }) => {
    const md = await (await request.get(`/api/reports/${failing}/markdown?locale=ja`)).text();
    expect(md).toContain(`## 結論\n\n${SENTENCES.ja.fails}\n`);
    expect(md).toContain("`s3://tidb-cloud-source-data/mydata/`");
    expect(md).not.toMatch(/tidb\\-cloud/);
    expect(md.split("```json").length - 1).toBe(1);
  });
});

const WIZARD = {
  en: {
    offline: "Offline",
    run: "Run the diagnosis",
    example: "Access key without s3:ListBucket",
    snapshotSummary: "Or analyse a whole saved snapshot",
    snapshotBox: "Snapshot JSON",
    overview: "Overview",
    permissions: "Permission policies",
    listBucket: "s3:ListBucket is not allowed for the import's folder",
    getBucketLocation: "s3:GetBucketLocation is not allowed on the bucket",
    fails:
      "The import fails because s3:ListBucket is not allowed for the import's folder; apply the corrected user policy tidb-s3-read. One more problem has to be fixed as well.",
    failFirst: [
      "s3:GetObject is not allowed on the objects to import",
      "The trust policy depends on values TiDB Cloud's request may not have",
    ],
    corrected: "Corrected document: user-policy:tidb-s3-read",
  },
  ja: {
    offline: "オフライン",
    run: "診断を実行",
    example: "s3:ListBucket のないアクセスキー",
    snapshotSummary: "または保存したスナップショット全体を分析する",
    snapshotBox: "スナップショット JSON",
    overview: "概要",
    permissions: "権限ポリシー",
    listBucket: "インポートするフォルダーに対する s3:ListBucket が許可されていません",
    getBucketLocation: "バケットに対する s3:GetBucketLocation が許可されていません",
    fails:
      "インポートが失敗する原因は「インポートするフォルダーに対する s3:ListBucket が許可されていません」です。修正後のユーザーのポリシー「tidb-s3-read」を適用してください。ほかに 1 件の問題も修正が必要です。",
    failFirst: [
      "インポートするオブジェクトに対する s3:GetObject が許可されていません",
      "信頼ポリシーが TiDB Cloud のリクエストにない可能性のある値に依存しています",
    ],
    corrected: "修正後のドキュメント: user-policy:tidb-s3-read",
  },
} as const;

async function runSnapshot(page: Page, locale: "en" | "ja", snapshot: string) {
  const w = WIZARD[locale];
  await page.goto(`/${locale}/wizard`);
  await page.getByLabel(w.offline).check();
  await page.getByText(w.snapshotSummary).click();
  await page.getByLabel(w.snapshotBox).fill(snapshot);
  await page.getByRole("button", { name: w.run }).click();
}

test.describe("the wizard: verdict first, failing first, one complete document", () => {
  for (const locale of ["en", "ja"] as const) {
    const w = WIZARD[locale];

    test(`${locale}: the verdict heads the results; a policy two findings correct is shown once, complete`, async ({
      page,
    }) => {
      const console = watchConsole(page);
      await page.goto(`/${locale}/wizard`);
      await page.getByLabel(w.offline).check();
      await page.getByRole("button", { name: w.example }).click();
      await page.getByRole("button", { name: w.run }).click();
      await expect(page.locator("[data-verdict]")).toHaveText(w.fails);
      await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "fails");

      await page
        .getByRole("navigation")
        .getByRole("link", { name: new RegExp(w.permissions) })
        .click();
      const step = page.locator('[data-step="identity-policy"]');
      // One corrected document, complete: with the first finding; the second points at it.
      await expect(step.getByTestId("fix-after")).toHaveCount(1);
      const doc = page.locator('[data-finding="identity.list-bucket"]').getByTestId("fix-after");
      await expect(doc).toHaveAttribute("aria-label", w.corrected);
      await expect(doc).toContainText('"s3:ListBucket"');
      await expect(doc).toContainText('"s3:GetBucketLocation"');
      await expect(page.locator('[data-finding="identity.list-bucket"]').getByTestId("fix-changes")).toContainText(
        w.getBucketLocation,
      );
      const pointer = page.locator('[data-finding="identity.get-bucket-location"]').getByTestId("fix-part-of");
      await expect(pointer).toContainText(w.listBucket);
      await pointer.click();
      await expect(page.locator("#finding-identity-list-bucket-fix")).toBeFocused();
      await expectNoSeriousA11yViolations(page);
      console.assertClean();
    });

    test(`${locale}: failing findings come first, before an earlier step's warning`, async ({ page }) => {
      // The trust policy's warning is in step 2; the missing /* fails in step 3: the failure is listed first.
      const snapshot = readFileSync("tests/fixtures/snapshots/role-trust-source-ip-condition.json", "utf8").replace(
        '"arn:aws:s3:::tidb-cloud-source-data/mydata/*"',
        '"arn:aws:s3:::tidb-cloud-source-data/mydata"',
      );
      await runSnapshot(page, locale, snapshot);
      await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "fails");
      const overview = page.getByRole("region", { name: w.overview, exact: true });
      const problems = await overview.getByTestId("overview-problems").getByRole("link").allInnerTexts();
      expect(problems.slice(0, 2)).toEqual(w.failFirst);
    });

    test(`${locale}: a warning that can explain the failure is the likely cause`, async ({ page }) => {
      await runSnapshot(
        page,
        locale,
        readFileSync("tests/fixtures/snapshots/role-bucket-policy-deny-source-ip.json", "utf8"),
      );
      await expect(page.locator("[data-verdict]")).toHaveText(SENTENCES[locale].likely);
    });
  }
});
