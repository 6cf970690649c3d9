import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expectNoSeriousA11yViolations, watchPosts } from "./support";

// The start form checks what is typed before anything runs, says what is wrong at the field, and offers what was
// most likely meant in one click (issue #12 §3).
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0099";
const TOKEN = "IQoJb3JpZ2luX2VjECANARYTOKEN0099cccccccccccccccccccccccccccccccccccccccccccccc";
const ROLE_ARN = "arn:aws:iam::111122223333:role/tidb-import";
const USER_ARN = "arn:aws:iam::111122223333:user/tidb-import";
const EXTERNAL_ID = "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe";

/** Pastes text into a field the way a user does: through the clipboard. */
async function paste(page: Page, field: Locator, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await field.fill("");
  await field.focus();
  await page.keyboard.press("ControlOrMeta+V");
}

/** The field's message, found through its aria-describedby (the way a screen reader reaches it). */
async function messageOf(field: Locator): Promise<Locator> {
  const ids = (await field.getAttribute("aria-describedby")) ?? "";
  const id = ids.split(" ").find((x) => x.endsWith("-error"));
  expect(id, "the message is tied to its field").toBeTruthy();
  return field.page().locator(`[id="${id}"]`);
}

test.describe("inline validation, in English", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("a bucket URI with s3:/ is flagged when the field is left, with the s3:// form one click away", async ({
    page,
  }) => {
    await page.goto("/en/wizard");
    const uri = page.getByLabel("Bucket URI");
    await uri.fill("s3:/tidb-cloud-source-data/mydata/");
    // Not while typing: only once the field is left.
    await expect(uri).not.toHaveAttribute("aria-invalid", "true");
    await uri.press("Tab");
    await expect(uri).toHaveAttribute("aria-invalid", "true");
    const message = await messageOf(uri);
    await expect(message).toContainText("An S3 URI begins with s3:// (two slashes).");
    await expect(message).toContainText("Did you mean s3://tidb-cloud-source-data/mydata/?");
    // Announced: the message sits in a polite live region that was there before it appeared.
    await expect(message.locator("xpath=..")).toHaveAttribute("aria-live", "polite");
    await expectNoSeriousA11yViolations(page);
    await message.getByRole("button", { name: "Use s3://tidb-cloud-source-data/mydata/" }).click();
    await expect(uri).toHaveValue("s3://tidb-cloud-source-data/mydata/");
    await expect(uri).not.toHaveAttribute("aria-invalid", "true");
  });

  test("a pasted user ARN is flagged at once, and the role ARN of the same name is offered", async ({ page }) => {
    await page.goto("/en/wizard");
    const arn = page.getByLabel("Role ARN", { exact: true });
    await paste(page, arn, USER_ARN);
    await expect(arn).toHaveValue(USER_ARN);
    const message = await messageOf(arn);
    await expect(message).toContainText("This is the ARN of an IAM user, not of a role");
    await message.getByRole("button", { name: `Use ${ROLE_ARN}` }).click();
    await expect(arn).toHaveValue(ROLE_ARN);
    await expect(arn).not.toHaveAttribute("aria-invalid", "true");
  });

  test("the TiDB Cloud account ID and the External ID: 12 digits, no spaces, each with its fix", async ({ page }) => {
    await page.goto("/en/wizard");
    const account = page.getByLabel("TiDB Cloud account ID");
    await paste(page, account, "3808-3844-3567");
    const accountMessage = await messageOf(account);
    await expect(accountMessage).toContainText("An AWS account ID has 12 digits (this has 12).");
    await accountMessage.getByRole("button", { name: "Use 380838443567" }).click();
    await expect(account).toHaveValue("380838443567");

    const externalId = page.getByLabel("TiDB Cloud External ID");
    await paste(page, externalId, `${EXTERNAL_ID.slice(0, 20)} ${EXTERNAL_ID.slice(20)}`);
    const idMessage = await messageOf(externalId);
    await expect(idMessage).toContainText("There are spaces inside.");
    await idMessage.getByRole("button", { name: `Use ${EXTERNAL_ID}` }).click();
    await expect(externalId).toHaveValue(EXTERNAL_ID);
  });

  test("a live run with a region the reader cannot use is stopped before sending, credentials kept", async ({
    page,
  }) => {
    const posts = watchPosts(page);
    await page.goto("/en/wizard");
    await page.getByLabel("Bucket URI").fill("s3://tidb-cloud-source-data/mydata/");
    await page.getByLabel("Role ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByLabel("TiDB Cloud External ID").fill(EXTERNAL_ID);
    const region = page.getByLabel("Bucket region (optional)");
    await region.fill("Asia Pacific (Tokyo) ap-northeast-1");
    await page.getByLabel("Access key ID", { exact: true }).fill("AKIAFAKEROLEOK000001");
    await page.getByLabel("Secret access key").fill(SECRET);
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(region).toBeFocused();
    await expect(await messageOf(region)).toContainText("This is not an AWS region code");
    expect(posts).toEqual([]);
    await expect(page.getByLabel("Secret access key")).toHaveValue(SECRET);
    await (await messageOf(region)).getByRole("button", { name: "Use ap-northeast-1" }).click();
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
  });

  test("a secret access key pasted as the import's access key ID is never sent", async ({ page }) => {
    const posts = watchPosts(page);
    await page.goto("/en/wizard");
    await page.getByLabel("AWS access key of an IAM user").check();
    await page.getByLabel("Offline").check();
    await page.getByLabel("Bucket URI").fill("s3://tidb-cloud-source-data/mydata/");
    const key = page.getByLabel("Access key ID given to TiDB Cloud");
    await paste(page, key, SECRET);
    await expect(await messageOf(key)).toContainText("This looks like a secret access key.");
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(key).toBeFocused();
    expect(posts).toEqual([]);
    // The message never repeats the secret.
    await expect(await messageOf(key)).not.toContainText(SECRET);
  });

  test("the diagnosing credentials: a temporary key needs its token, and a secret with a space is fixed unseen", async ({
    page,
  }) => {
    await page.goto("/en/wizard");
    const secret = page.getByLabel("Secret access key");
    await paste(page, secret, `${SECRET.slice(0, 20)} ${SECRET.slice(20)}`);
    const message = await messageOf(secret);
    await expect(message).toContainText("There are spaces inside.");
    await expect(message).not.toContainText(SECRET.slice(0, 20));
    await message.getByRole("button", { name: "Remove the spaces" }).click();
    await expect(secret).toHaveValue(SECRET);
    const key = page.getByLabel("Access key ID", { exact: true });
    await key.fill("ASIAFAKEROLEOK000001");
    await page.getByLabel("Bucket URI").fill("s3://tidb-cloud-source-data/mydata/");
    await page.getByLabel("Role ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    const token = page.getByLabel("Session token");
    await expect(token).toBeFocused();
    await expect(await messageOf(token)).toContainText(
      "A temporary access key (ASIA…) works only with its session token.",
    );
    await paste(page, token, TOKEN);
    await expect(token).not.toHaveAttribute("aria-invalid", "true");
  });

  test("typographic quotes in pasted JSON are straightened in one click", async ({ page }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").check();
    const box = page.getByLabel("Bucket policy");
    await box.fill("{ “Version”: “2012-10-17”, “Statement”: [] }");
    const message = await messageOf(box);
    await expect(message).toContainText("6 typographic quotes (“ ”) where JSON needs straight ones");
    await message.getByRole("button", { name: "Straighten the quotes" }).click();
    await expect(box).toHaveValue('{ "Version": "2012-10-17", "Statement": [] }');
    await expect(box).not.toHaveAttribute("aria-invalid", "true");
  });

  test("typographic quotes in the pasted Requester Pays answer are straightened in one click too", async ({ page }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").check();
    const box = page.getByLabel("Requester Pays");
    await box.fill("{ “Payer”: “Requester” }");
    const message = await messageOf(box);
    await expect(message).toContainText("4 typographic quotes (“ ”) where JSON needs straight ones");
    await message.getByRole("button", { name: "Straighten the quotes" }).click();
    await expect(box).toHaveValue('{ "Payer": "Requester" }');
    await expect(box).not.toHaveAttribute("aria-invalid", "true");
  });

  test("a snapshot too large to send says the limit and its largest parts, and nothing is sent", async ({ page }) => {
    const posts = watchPosts(page);
    const saved = JSON.parse(
      readFileSync(join(process.cwd(), "tests", "fixtures", "snapshots", "role-ok.json"), "utf8"),
    ) as Record<string, unknown>;
    const objects = Array.from({ length: 9000 }, (_, i) => ({
      key: `mydata/part-${String(i).padStart(6, "0")}.csv`,
      owner: "c".repeat(64),
      storageClass: "STANDARD",
      size: 1024,
    }));
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").check();
    await page.getByText("Or analyse a whole saved snapshot").click();
    await page.getByLabel("Snapshot JSON").fill(JSON.stringify({ ...saved, objects }));
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    const message = await messageOf(page.getByLabel("Snapshot JSON"));
    await expect(message).toContainText(/This snapshot is \d+ KB, more than the 992 KB that can be sent/);
    await expect(message).toContainText(/Its largest parts: objects \(\d+ KB\)/);
    expect(posts).toEqual([]);
  });
});

test.describe("inline validation, in Japanese", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("the same checks speak Japanese, with the guide's terms", async ({ page }) => {
    await page.goto("/ja/wizard");
    const uri = page.getByLabel("バケット URI");
    await uri.fill("s3:/tidb-cloud-source-data/mydata/");
    await uri.press("Tab");
    const uriMessage = await messageOf(uri);
    await expect(uriMessage).toContainText("S3 URI は s3://（スラッシュ 2 つ）で始まります。");
    await expect(uriMessage).toContainText("s3://tidb-cloud-source-data/mydata/ ではありませんか？");
    await uriMessage.getByRole("button", { name: "s3://tidb-cloud-source-data/mydata/ を使う" }).click();
    await expect(uri).toHaveValue("s3://tidb-cloud-source-data/mydata/");

    const arn = page.getByLabel("ロール ARN", { exact: true });
    await paste(page, arn, USER_ARN);
    await expect(await messageOf(arn)).toContainText("これはロールではなく IAM ユーザーの ARN です。");

    const account = page.getByLabel("TiDB CloudアカウントID");
    await paste(page, account, "３８０８３８４４３５６７");
    const accountMessage = await messageOf(account);
    await expect(accountMessage).toContainText("AWS アカウント ID は 12 桁の数字です");
    await accountMessage.getByRole("button", { name: "380838443567 を使う" }).click();
    await expect(account).toHaveValue("380838443567");

    await page.getByLabel("オフライン").check();
    const box = page.getByLabel("バケットポリシー");
    await box.fill("{ “Version”: “2012-10-17” }");
    const boxMessage = await messageOf(box);
    await expect(boxMessage).toContainText("JSON では使えない飾り引用符（“ ”）が 4 個あります。");
    await boxMessage.getByRole("button", { name: "引用符をまっすぐに直す" }).click();
    await expect(box).toHaveValue('{ "Version": "2012-10-17" }');

    const payer = page.getByLabel("リクエスタ支払い");
    await payer.fill("“BucketOwner”");
    const payerMessage = await messageOf(payer);
    await expect(payerMessage).toContainText("JSON では使えない飾り引用符（“ ”）が 2 個あります。");
    await payerMessage.getByRole("button", { name: "引用符をまっすぐに直す" }).click();
    await expect(payer).toHaveValue('"BucketOwner"');
    await expect(payer).not.toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousA11yViolations(page);
  });
});
