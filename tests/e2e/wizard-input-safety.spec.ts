import { expect, test, type Locator } from "@playwright/test";
import { expectNoSeriousA11yViolations, watchPosts } from "./support";

// What the start form must never do with a user's input (issue #12 §3): turn a typo into a "corrected" policy,
// swallow the first click on a mode because a message appeared, or send a paste too large without saying why.
const BUCKET_URI = "s3://tidb-cloud-source-data/mydata/";
const ROLE_ARN = "arn:aws:iam::111122223333:role/tidb-import";
const EXTERNAL_ID = "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe";
const TIDB_ACCOUNT = "380838443567";
const TYPO = "380838443576";
const trust = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${TIDB_ACCOUNT}:root` },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } },
    },
  ],
};

async function messageOf(field: Locator): Promise<Locator> {
  const ids = (await field.getAttribute("aria-describedby")) ?? "";
  const id = ids.split(" ").find((x) => x.endsWith("-error"));
  expect(id, "the message is tied to its field").toBeTruthy();
  return field.page().locator(`[id="${id}"]`);
}

const labels = {
  en: {
    bucketUri: "Bucket URI",
    roleArn: "Role ARN",
    externalId: "TiDB Cloud External ID",
    account: "TiDB Cloud account ID",
    offline: "Offline",
    trust: "Trust policy of the role (trust relationship)",
    run: "Run the diagnosis",
    results: "Diagnosis",
    edit: "Edit the input",
    steps: "Diagnosis steps",
    assume: /Can TiDB Cloud assume the role\?/,
    intake: /What is imported/,
    question: `Which is TiDB Cloud's account: ${TIDB_ACCOUNT} or ${TYPO}?`,
    principalQuestion: "Which account is TiDB Cloud's?",
  },
  ja: {
    bucketUri: "バケット URI",
    roleArn: "ロール ARN",
    externalId: "TiDB Cloudの外部ID",
    account: "TiDB CloudアカウントID",
    offline: "オフライン",
    trust: "ロールの信頼ポリシー（信頼関係）",
    run: "診断を実行",
    results: "診断結果",
    edit: "入力を編集",
    steps: "診断ステップ",
    assume: /TiDB Cloud はロールを引き受けられるか/,
    intake: /インポートの内容/,
    question: `TiDB Cloud のアカウントは ${TIDB_ACCOUNT} と ${TYPO} のどちらですか？`,
    principalQuestion: "TiDB Cloud のアカウントはどれですか？",
  },
} as const;

for (const locale of ["en", "ja"] as const) {
  const l = labels[locale];

  test(`${locale}: an account ID a digit off the trust policy's is asked about, never "corrected" into it`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/wizard`);
    await page.getByLabel(l.bucketUri).fill(BUCKET_URI);
    await page.getByLabel(l.roleArn, { exact: true }).fill(ROLE_ARN);
    await page.getByLabel(l.externalId).fill(EXTERNAL_ID);
    await page.getByLabel(l.account).fill(TYPO);
    await page.getByLabel(l.offline).check();
    await page.getByLabel(l.trust).fill(JSON.stringify(trust, null, 2));
    await page.getByRole("button", { name: l.run }).click();
    await expect(page.getByRole("heading", { level: 1, name: l.results })).toBeVisible();

    const nav = page.getByRole("navigation", { name: l.steps });
    await nav.getByRole("link", { name: l.intake }).click();
    const question = page.locator('[data-finding="input.tidb-account-id"]');
    await expect(question).toHaveAttribute("data-status", "warn");
    await expect(question).toContainText(l.question);

    await nav.getByRole("link", { name: l.assume }).click();
    const principal = page.locator('[data-finding="role.trust.principal"]');
    await expect(principal).toHaveAttribute("data-status", "unknown");
    await expect(principal).toContainText(l.principalQuestion);
    // No corrected trust policy anywhere: neither the typed account nor a rewrite of the one that works.
    await expect(principal.getByTestId("fix-after")).toHaveCount(0);
    expect(await page.locator('[data-testid="fix-after"]').allInnerTexts()).not.toContainEqual(
      expect.stringContaining(TYPO),
    );
    await expectNoSeriousA11yViolations(page);

    // Answered in the form (the trust policy was right), the same documents pass.
    await page.getByRole("button", { name: l.edit }).click();
    await expect(page.getByLabel(l.trust)).toHaveValue(JSON.stringify(trust, null, 2));
    await page.getByLabel(l.account).fill(TIDB_ACCOUNT);
    await page.getByRole("button", { name: l.run }).click();
    await page.getByRole("navigation", { name: l.steps }).getByRole("link", { name: l.assume }).click();
    await expect(page.locator('[data-finding="role.trust.principal"]')).toHaveAttribute("data-status", "pass");
  });

  test(`${locale}: the first click on Offline counts when leaving a mistyped field shows its message above it`, async ({
    page,
  }) => {
    // Tall enough that the page does not scroll: the browser then keeps nothing in place for us.
    await page.setViewportSize({ width: 1280, height: 4000 });
    await page.goto(`/${locale}/wizard`);
    const arn = page.getByLabel(l.roleArn, { exact: true });
    // Typed, not pasted: its message appears only when the field is left, i.e. by the very click on Offline.
    await arn.fill("arn:aws:iam::111122223333:user/tidb-import");
    await expect(arn).not.toHaveAttribute("aria-invalid", "true");
    await page.getByLabel(l.offline).click();
    await expect(page.getByLabel(l.offline)).toBeChecked();
    await expect(arn).toHaveAttribute("aria-invalid", "true");
    await expect(arn).toHaveValue("arn:aws:iam::111122223333:user/tidb-import");
  });
}

test("en: console addresses pasted for the role ARN and the bucket URI are caught, with what to use instead", async ({
  page,
}) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/en/wizard");
  const arn = page.getByLabel("Role ARN", { exact: true });
  await arn.fill(
    "https://us-east-1.console.aws.amazon.com/iam/home?region=ap-northeast-1#/roles/details/tidb-import?section=permissions",
  );
  await arn.press("Tab");
  await expect(arn).toHaveAttribute("aria-invalid", "true");
  await expect(await messageOf(arn)).toContainText(
    "This is the address of the role’s page in the IAM console, not its ARN. Copy the ARN shown in the Summary of the role tidb-import",
  );

  // An ARN with a space inside: the same ARN without it is offered.
  await arn.fill("arn:aws:iam::111122223333:role/ tidb-import");
  const spaced = await messageOf(arn);
  await expect(spaced).toContainText(`There are spaces inside. Did you mean ${ROLE_ARN}?`);
  await spaced.getByRole("button", { name: `Use ${ROLE_ARN}` }).click();
  await expect(arn).toHaveValue(ROLE_ARN);
  await expect(arn).not.toHaveAttribute("aria-invalid", "true");

  const uri = page.getByLabel("Bucket URI");
  await uri.fill("https://ap-northeast-1.console.aws.amazon.com/s3/buckets/tidb-cloud-source-data?prefix=mydata/");
  await uri.press("Tab");
  const uriMessage = await messageOf(uri);
  await expect(uriMessage).toContainText("This is a console or https:// address; TiDB Cloud takes the s3:// form.");
  await expect(uriMessage).toContainText(`Did you mean ${BUCKET_URI}?`);
  await uriMessage.getByRole("button", { name: `Use ${BUCKET_URI}` }).click();
  await expect(uri).toHaveValue(BUCKET_URI);
  await expectNoSeriousA11yViolations(page);
});

test("ja: a console address and a bucket URI with a space, in the guide's terms", async ({ page }) => {
  await page.goto("/ja/wizard");
  const arn = page.getByLabel("ロール ARN", { exact: true });
  await arn.fill("https://console.aws.amazon.com/iam/home#/roles/tidb-import");
  await arn.press("Tab");
  await expect(await messageOf(arn)).toContainText(
    "IAM コンソールのロールのページのアドレスで、ロール ARN ではありません。ロール tidb-import の「概要」に表示される ARN",
  );
  const uri = page.getByLabel("バケット URI");
  await uri.fill("s3://tidb cloud-source-data/mydata/");
  await uri.press("Tab");
  const uriMessage = await messageOf(uri);
  await expect(uriMessage).toContainText("途中に空白が含まれています。");
  await uriMessage.getByRole("button", { name: "s3://tidbcloud-source-data/mydata/ を使う" }).click();
  await expect(uri).toHaveValue("s3://tidbcloud-source-data/mydata/");
});

for (const locale of ["en", "ja"] as const) {
  test(`${locale}: a whole folder's object listing too large to send asks for the first 1,000 objects; nothing typed is lost`, async ({
    page,
  }) => {
    const posts = watchPosts(page);
    const contents = Array.from({ length: 10_000 }, (_, i) => ({
      Key: `mydata/part-${String(i).padStart(6, "0")}.csv`,
      Size: 1024,
      StorageClass: "STANDARD",
      Owner: { ID: "c".repeat(64) },
    }));
    const listing = JSON.stringify({ Contents: contents });
    const l = labels[locale];
    await page.goto(`/${locale}/wizard`);
    await page.getByLabel(l.bucketUri).fill(BUCKET_URI);
    await page.getByLabel(l.roleArn, { exact: true }).fill(ROLE_ARN);
    await page.getByLabel(l.offline).check();
    await page.getByLabel(l.trust).fill(JSON.stringify(trust));
    const box = page.locator("#doc-objectListing");
    await box.fill(listing);
    // Straight from the box: leaving it checks the documents too, and must not undo what the run found.
    await page.getByRole("button", { name: l.run }).click();
    await expect(box).toHaveAttribute("aria-invalid", "true");
    const message = await messageOf(box);
    await expect(message).toContainText(
      locale === "en"
        ? /adds up to \d+ KB, more than the 992 KB that can be sent\. The object listing holds \d+ KB: the checks need only the first 1,000 objects/
        : /合計 \d+ KB で、送信できる 992 KB を超えています。オブジェクト一覧が \d+ KB あります。/,
    );
    await expect(message).toContainText("--max-items 1000");
    expect(posts).toEqual([]);
    // Nothing typed was cleared.
    await expect(box).toHaveValue(listing);
    await expect(page.getByLabel(l.roleArn, { exact: true })).toHaveValue(ROLE_ARN);
    await expect(page.getByLabel(l.trust)).toHaveValue(JSON.stringify(trust));
  });
}
