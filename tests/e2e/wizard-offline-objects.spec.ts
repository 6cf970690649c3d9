import { expect, test, type Page } from "@playwright/test";
import { watchConsole } from "./support";

// Offline mode's boxes for what live mode reads about the objects and Requester Pays: with them a correct setup comes
// out as a clean pass offline; without them (or with "I don't know"), the verdict says something could not be checked,
// the checks they settle are named once, in one line, and no step turns purple for them.
const OWNER = "c".repeat(52) + "111122223333";
const LISTING = JSON.stringify(
  {
    IsTruncated: false,
    Contents: [
      { Key: "mydata/a.csv", Size: 1024, StorageClass: "STANDARD", Owner: { ID: OWNER } },
      { Key: "mydata/part2/c.csv", Size: 10, StorageClass: "STANDARD", Owner: { ID: OWNER } },
    ],
  },
  null,
  4,
);
const HEAD = JSON.stringify(
  { ContentLength: 1024, ETag: '"e"', ContentType: "text/csv", ServerSideEncryption: "AES256" },
  null,
  4,
);
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::380838443567:root" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe" } },
    },
  ],
});

/** The "Wrong External ID" example, with its trust policy corrected: everything as the guide asks. */
async function correctSetup(page: Page, locale: "en" | "ja") {
  await page.goto(`/${locale}/wizard`);
  await page.getByLabel(locale === "en" ? "Offline" : "オフライン").check();
  await page
    .getByRole("button", { name: locale === "en" ? "Wrong External ID" : /外部ID/ })
    .first()
    .click();
  await page.locator("#doc-trustPolicy").fill(TRUST);
}

test.describe("wizard, offline: objects and Requester Pays", () => {
  test("pasted, a correct setup is a clean pass: nothing left undecided but what no account can read", async ({
    page,
  }) => {
    const console = watchConsole(page);
    await correctSetup(page, "en");
    await page.getByLabel("Requester Pays").fill('{\n    "Payer": "BucketOwner"\n}');
    await page.getByLabel("Object listing").fill(LISTING);
    await page.getByLabel("Object 1: key").fill("mydata/a.csv");
    await page.getByLabel("Object 1: its HEAD").fill(HEAD);
    await page.getByRole("button", { name: "Add another object" }).click();
    await page.getByLabel("Object 2: key").fill("mydata/part2/c.csv");
    await page.getByLabel("Object 2: its HEAD").fill(HEAD);
    await page.getByLabel("Object listing").blur();
    await expect(page.getByText("Recognised: aws s3api list-objects-v2")).toBeVisible();
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
    await expect(page.getByTestId("offline-gaps")).toHaveCount(0);
    await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "clean");
    const nav = page.getByRole("navigation", { name: "Diagnosis steps" });
    for (const step of [
      "What is imported",
      /assume the role/,
      "Permission policies",
      "Bucket policy",
      "Object Ownership",
      "Encryption and KMS keys",
    ])
      await expect(nav.getByRole("link", { name: step }).locator("[data-status]")).toHaveAttribute(
        "data-status",
        "pass",
      );
    await nav.getByRole("link", { name: "Encryption and KMS keys" }).click();
    for (const id of ["objects.present", "objects.sse-c", "objects.encryption-keys", "objects.archived"])
      await expect(page.locator(`[data-finding="${id}"]`)).toHaveAttribute("data-status", "pass");
    await nav.getByRole("link", { name: "Bucket policy" }).click();
    await expect(page.locator('[data-finding="bucket.requester-pays"]')).toHaveAttribute("data-status", "pass");
    console.assertClean();
  });

  test("in Japanese too, the boxes filled make a clean pass", async ({ page }) => {
    await correctSetup(page, "ja");
    await page.getByLabel("リクエスタ支払い").fill("BucketOwner");
    await page.getByLabel("オブジェクトの一覧").fill(LISTING);
    await page.getByLabel("オブジェクト 1: キー").fill("mydata/a.csv");
    await page.getByLabel("オブジェクト 1: HEAD の結果").fill(HEAD);
    await page.getByRole("button", { name: "診断を実行" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "診断結果" })).toBeVisible();
    await expect(page.getByTestId("offline-gaps")).toHaveCount(0);
    const nav = page.getByRole("navigation", { name: "診断ステップ" });
    for (const step of ["バケットポリシー", "オブジェクト所有権", /デフォルトの暗号化/])
      await expect(nav.getByRole("link", { name: step }).locator("[data-status]")).toHaveAttribute(
        "data-status",
        "pass",
      );
  });

  test("in Japanese, “I don't know” names the checks left out once, in one line, and no step is purple for them", async ({
    page,
  }) => {
    await correctSetup(page, "ja");
    await page.getByLabel("わからない: このチェックは行わない").check();
    await page.getByLabel("取得できない: オブジェクトのチェックは行わない").check();
    await expect(page.getByLabel("オブジェクトの一覧")).toHaveCount(0);
    await page.getByRole("button", { name: "診断を実行" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "診断結果" })).toBeVisible();
    // the verdict says what could not be checked (never that everything is correct), the line below lists it all
    await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "open");
    await expect(page.locator("[data-verdict]")).toContainText("確認できませんでした");
    const line = page.getByTestId("offline-gaps");
    await expect(line).toHaveCount(1);
    await expect(line).toContainText("オフラインでは確認していない項目");
    await expect(line).toContainText("リクエスタ支払い");
    const nav = page.getByRole("navigation", { name: "診断ステップ" });
    for (const step of ["バケットポリシー", "オブジェクト所有権", /デフォルトの暗号化/])
      await expect(nav.getByRole("link", { name: step }).locator("[data-status]")).toHaveAttribute(
        "data-status",
        "pass",
      );
    await nav.getByRole("link", { name: /デフォルトの暗号化/ }).click();
    await expect(page.locator('[data-finding="objects.present"]')).toHaveCount(0);
    await expect(page.locator('[data-step="encryption"] [data-status="unknown"]')).toHaveCount(0);
  });
});
