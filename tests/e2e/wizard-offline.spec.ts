import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expectNoSeriousA11yViolations, watchConsole } from "./support";

const BUCKET = "tidb-cloud-source-data";
const ROLE_ARN = "arn:aws:iam::111122223333:role/tidb-import";
const EXTERNAL_ID = "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe";

const policyWithoutSlashStar = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "VisualEditor0",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:GetObjectVersion"],
      Resource: `arn:aws:s3:::${BUCKET}/mydata`,
    },
    {
      Sid: "VisualEditor1",
      Effect: "Allow",
      Action: ["s3:ListBucket", "s3:GetBucketLocation"],
      Resource: `arn:aws:s3:::${BUCKET}`,
    },
  ],
};
const trust = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::380838443567:root" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } },
    },
  ],
};

async function fillRoleStart(page: Page) {
  await page.getByLabel("Bucket URI").fill(`s3://${BUCKET}/mydata/`);
  await page.getByLabel("Role ARN", { exact: true }).fill(ROLE_ARN);
  await page.getByLabel("TiDB Cloud External ID").fill(EXTERNAL_ID);
  await page.getByLabel("TiDB Cloud account ID").fill("380838443567");
}

test.describe("wizard, offline mode", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("a pasted role policy without /* fails identity.get-object and the copied fix grants the folder's objects", async ({
    page,
  }) => {
    const console = watchConsole(page);
    await page.goto("/en/wizard");
    await fillRoleStart(page);
    await page.getByLabel("Offline").check();
    await page.getByLabel("Trust policy of the role (trust relationship)").fill(JSON.stringify(trust, null, 2));
    // Raw `aws iam get-role-policy` output, pasted as is.
    await page
      .getByLabel("Policy 1: document")
      .fill(
        JSON.stringify(
          { RoleName: "tidb-import", PolicyName: "tidb-s3-read", PolicyDocument: policyWithoutSlashStar },
          null,
          4,
        ),
      );
    await page
      .getByLabel("Bucket policy")
      .fill("An error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation");
    await page.getByLabel("Object Ownership").fill("BucketOwnerEnforced");
    await page.getByLabel("Default encryption").fill("AES256");
    await page.getByRole("button", { name: "Run the diagnosis" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Diagnosis steps" });
    await expect(nav.getByRole("link", { name: /Permission policies/ })).toContainText("Fail");
    await nav.getByRole("link", { name: /Permission policies/ }).click();

    const card = page.locator('[data-finding="identity.get-object"]');
    await expect(card).toHaveAttribute("data-status", "fail");
    // The deciding statement is shown inside the document.
    await expect(card.getByTestId("evidence-document")).toContainText(`arn:aws:s3:::${BUCKET}/mydata`);
    await expect(card.getByTestId("fix-after")).toContainText(`arn:aws:s3:::${BUCKET}/mydata/*`);
    await expect(card.getByTestId("fix-cli")).toContainText("aws iam put-role-policy");

    await card.getByRole("button", { name: "Copy corrected JSON" }).click();
    await expect(card.getByText("Copied to the clipboard.")).toBeVisible();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as {
      Statement: { Action: string[] | string; Resource: string[] | string }[];
    };
    expect(await card.getByTestId("fix-after").innerText()).toBe(JSON.stringify(copied, null, 2));
    const grants = copied.Statement.filter((s) => [s.Action].flat().includes("s3:GetObject")).flatMap((s) =>
      [s.Resource].flat(),
    );
    expect(grants).toContain(`arn:aws:s3:::${BUCKET}/mydata/*`);

    await expectNoSeriousA11yViolations(page);
    console.assertClean();
  });

  test("says what each pasted box was recognised as when the user leaves it", async ({ page }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").check();
    const out = {
      Role: {
        RoleName: "tidb-import",
        Arn: ROLE_ARN,
        AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
      },
    };
    await page.getByLabel("Trust policy of the role (trust relationship)").fill(JSON.stringify(out, null, 4));
    await page.getByLabel("Trust policy of the role (trust relationship)").press("Tab");
    await expect(page.getByText("Recognised: aws iam get-role")).toBeVisible();
    await page
      .getByLabel("Bucket policy")
      .fill("An error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation");
    await page.getByLabel("Bucket policy").press("Tab");
    await expect(page.getByText("Recognised: the CLI’s “not found” error (no such setting)")).toBeVisible();
  });

  test("a broken paste names the field and the line, and nothing is sent", async ({ page }) => {
    await page.goto("/en/wizard");
    await fillRoleStart(page);
    await page.getByLabel("Offline").check();
    await page.getByLabel("Bucket policy").fill('{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}');
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toContainText(
      "1 pasted document could not be read",
    );
    await expect(page.getByLabel("Bucket policy")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Not valid JSON at $: line 3, column 17.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Diagnose an S3 import" })).toBeVisible();
    expect(posts).toEqual([]);
    await expectNoSeriousA11yViolations(page);
  });

  test("the error-message jump opens the step the TiDB Cloud message points to and fills in the role ARN", async ({
    page,
  }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").check();
    await page.getByRole("button", { name: "Wrong External ID" }).click();
    await page.getByLabel("Role ARN", { exact: true }).fill("");
    await page
      .getByLabel("Error message TiDB Cloud showed (optional)")
      .fill(`Cannot assume the provided role ${ROLE_ARN}. Please check the trust relationship settings of the role.`);
    await page.getByLabel("Bucket URI").focus();
    await expect(page.getByText("This message points to the step “Can TiDB Cloud assume the role?”.")).toBeVisible();
    await expect(page.getByLabel("Role ARN", { exact: true })).toHaveValue(ROLE_ARN);
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    const step = page.getByRole("heading", { level: 2, name: /Can TiDB Cloud assume the role\?/ });
    await expect(step).toBeVisible();
    await expect(step).toBeFocused();
    await expect(page.locator('[data-finding="role.trust.external-id"]')).toHaveAttribute("data-status", "fail");
  });

  test("re-checking one step after editing its document shows what changed", async ({ page }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").check();
    await page.getByRole("button", { name: "Resource without /*" }).click();
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await page
      .getByRole("navigation", { name: "Diagnosis steps" })
      .getByRole("link", { name: /Permission policies/ })
      .click();
    await expect(page.locator('[data-finding="identity.get-object"]')).toHaveAttribute("data-status", "fail");

    const box = page.locator("#recheck-identityPolicies-0-");
    const text = await box.inputValue();
    await box.fill(text.replace(`"arn:aws:s3:::${BUCKET}/mydata"`, `"arn:aws:s3:::${BUCKET}/mydata/*"`));
    await page.getByRole("button", { name: "Re-check this step" }).click();
    await expect(page.locator('[data-change="identity.get-object"]')).toContainText("Fail → Pass");
    await expect(page.locator('[data-finding="identity.get-object"]')).toHaveAttribute("data-status", "pass");
  });

  test("access-key mode: an IAM user's policy without s3:ListBucket fails identity.list-bucket", async ({ page }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").check();
    await page.getByRole("button", { name: "Access key without s3:ListBucket" }).click();
    await expect(page.getByLabel("AWS access key of an IAM user")).toBeChecked();
    await expect(page.getByLabel("Access key ID given to TiDB Cloud")).toHaveValue("AKIAIOSFODNN7EXAMPLE");
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    const nav = page.getByRole("navigation", { name: "Diagnosis steps" });
    // No AssumeRole step for an access key.
    await expect(nav.getByRole("link", { name: /assume the role/ })).toHaveCount(0);
    await expect(page.locator('[data-hop="access-key"]')).toBeVisible();
    await expect(page.locator('[data-hop="user"]')).toBeVisible();
    await nav.getByRole("link", { name: /Permission policies/ }).click();
    await expect(page.locator('[data-finding="identity.list-bucket"]')).toHaveAttribute("data-status", "fail");
  });

  test("the overview draws the access path, each hop linking to its step", async ({ page }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").check();
    await page.getByRole("button", { name: "Object Ownership is ObjectWriter" }).click();
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    const hops = page.locator("[data-hop]");
    await expect(hops).toHaveCount(6);
    // ObjectWriter with no object sampled (offline): a warn with the guide's fix (catalogue, bucket.object-ownership)
    await expect(page.locator('[data-hop="objects"]')).toHaveAttribute("data-status", "warn");
    await page.locator('[data-hop="objects"]').getByRole("link").click();
    await expect(page.getByRole("heading", { level: 2, name: /Object Ownership/ })).toBeVisible();
    await expect(page.locator('[data-finding="bucket.object-ownership"]')).toHaveAttribute("data-status", "warn");
  });

  test("a snapshot saved by the command line is analysed as is, and its problems name the JSON path", async ({
    page,
  }) => {
    const saved = readFileSync(
      join(process.cwd(), "tests", "fixtures", "snapshots", "role-object-ownership-object-writer.json"),
      "utf8",
    );
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").check();
    await page.getByText("Or analyse a whole saved snapshot").click();
    const box = page.getByLabel("Snapshot JSON");
    await box.fill(saved.replace('"version": 1', '"version": 2'));
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByText(/\$\.version: /)).toBeVisible();
    // Checked by the server against the snapshot schema.
    await box.fill(saved.replace('"objectOwnership": "ObjectWriter"', '"objectOwnership": "Mine"'));
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByText(/\$\.bucket\.objectOwnership: /)).toBeVisible();
    await box.fill(saved);
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
    await page.locator('[data-hop="objects"]').getByRole("link").click();
    // An object of another account under ObjectWriter: readable only if its ACL grants the bucket's account (not read).
    await expect(page.locator('[data-finding="bucket.object-ownership"]')).toHaveAttribute("data-status", "warn");
  });

  test("a KMS key row is removed by its own button: the other row stays and is the one analysed", async ({ page }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").check();
    // Key 1: the example's key policy, which lets the role decrypt only through the account root's delegation.
    await page.getByRole("button", { name: "No kms:Decrypt for the KMS key" }).click();
    const keyArn = await page.getByLabel("KMS key 1: key ARN").inputValue();
    expect(keyArn).toMatch(/^arn:aws:kms:/);
    await expect(page.getByRole("button", { name: /^Remove KMS key/ })).toHaveCount(0);
    // Key 2: the same key's policy as the user meant it, naming the role as a key user.
    await page.getByRole("button", { name: "Add another KMS key" }).click();
    await page.getByLabel("KMS key 2: key ARN").fill(keyArn);
    await page.getByLabel("KMS key 2: key policy").fill(
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AllowTiDBImportKeyUser",
            Effect: "Allow",
            Principal: { AWS: ROLE_ARN },
            Action: "kms:Decrypt",
            Resource: "*",
          },
        ],
      }),
    );
    // Each row has its own remove button, named after its row.
    await expect(page.getByRole("button", { name: "Remove KMS key 2" })).toBeVisible();
    await page.getByRole("button", { name: "Remove KMS key 1" }).click();
    // The first row is gone; the second is now the only one, with its ARN and policy, and cannot be removed.
    await expect(page.getByLabel("KMS key 2: key policy")).toHaveCount(0);
    await expect(page.getByLabel("KMS key 1: key ARN")).toHaveValue(keyArn);
    await expect(page.getByLabel("KMS key 1: key policy")).toHaveValue(/AllowTiDBImportKeyUser/);
    await expect(page.getByRole("button", { name: /^Remove KMS key/ })).toHaveCount(0);
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
    await page
      .getByRole("navigation", { name: "Diagnosis steps" })
      .getByRole("link", { name: /Encryption and KMS keys/ })
      .click();
    // The analysis read the remaining policy: it cites its statement, not the removed one's.
    const card = page.locator('[data-finding="kms.key-policy"]');
    await expect(card).toHaveAttribute("data-status", "pass");
    await expect(card).toContainText("AllowTiDBImportKeyUser");
    await expect(card).not.toContainText("Enable IAM User Permissions");
    await expectNoSeriousA11yViolations(page);
  });

  test("works with the keyboard alone", async ({ page }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").focus();
    await page.keyboard.press("Space");
    await expect(page.getByLabel("Offline")).toBeChecked();
    await page.getByRole("button", { name: "Deny in the bucket policy" }).focus();
    await page.keyboard.press("Enter");
    await page.getByLabel("Bucket URI").focus();
    await page.keyboard.press("Enter"); // submits the form
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeFocused();
    const link = page.getByRole("navigation", { name: "Diagnosis steps" }).getByRole("link", { name: /Bucket policy/ });
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 2, name: /Bucket policy/ })).toBeFocused();
    await expect(page.locator('[data-finding="bucket.policy.deny"]')).toBeVisible();
  });

  test("is readable on a phone: nothing wider than the screen", async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await ctx.newPage();
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole("button", { name: "No kms:Decrypt for the KMS key" }).click();
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoSeriousA11yViolations(page);
    await ctx.close();
  });
});

test.describe("wizard in Japanese", () => {
  test("a KMS key row's remove button names its row in Japanese", async ({ page }) => {
    await page.goto("/ja/wizard");
    await page.getByLabel("オフライン").check();
    await page.getByLabel("KMS キー 1: キー ARN").fill("arn:aws:kms:ap-northeast-1:111122223333:key/first");
    await page.getByRole("button", { name: "KMS キーを追加" }).click();
    await page.getByLabel("KMS キー 2: キー ARN").fill("arn:aws:kms:ap-northeast-1:111122223333:key/second");
    await expect(page.getByRole("button", { name: "KMS キー 1 を削除" })).toBeVisible();
    await page.getByRole("button", { name: "KMS キー 2 を削除" }).click();
    await expect(page.getByLabel("KMS キー 2: キー ARN")).toHaveCount(0);
    await expect(page.getByLabel("KMS キー 1: キー ARN")).toHaveValue(
      "arn:aws:kms:ap-northeast-1:111122223333:key/first",
    );
  });
  test("a full walk through every step uses the guide's terms", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/ja/wizard");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByText("TiDB Cloudの外部ID", { exact: true })).toBeVisible();
    await expect(page.getByText("TiDB CloudアカウントID", { exact: true })).toBeVisible();
    await page.getByLabel("オフライン").check();
    await expect(page.getByText("ロールの信頼ポリシー（信頼関係）")).toBeVisible();
    await page.getByRole("button", { name: "外部ID の誤り" }).click();
    await page.getByRole("button", { name: "診断を実行" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "診断結果" })).toBeVisible();
    await expect(page.getByText("アクセス経路（チェック結果で色分け）")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const titles = [
      "インポートの内容",
      "TiDB Cloud はロールを引き受けられるか",
      "権限ポリシー",
      "バケットポリシー",
      "オブジェクト所有権",
      "デフォルトの暗号化と KMS キー",
      "それでも拒否される場合",
    ];
    for (const title of titles) {
      await page.getByRole("button", { name: `次へ: ${title}` }).click();
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(title) })).toBeVisible();
    }
    await page
      .getByRole("navigation", { name: "診断ステップ" })
      .getByRole("link", { name: /TiDB Cloud はロールを引き受けられるか/ })
      .click();
    const card = page.locator('[data-finding="role.trust.external-id"]');
    await expect(card).toHaveAttribute("data-status", "fail");
    await expect(card.getByText("不合格")).toBeVisible();
    await expect(card.getByRole("button", { name: "修正後の JSON をコピー" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    console.assertClean();
  });
});
