import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, watchPosts } from "./support";

// The start form's rough edges: a click that lands where it was aimed, and input that survives a local error.
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0077";
const TOKEN = "IQoJb3JpZ2luX2VjECANARYTOKEN0077bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const ROLE_ARN = "arn:aws:iam::111122223333:role/tidb-import";
const EXTERNAL_ID = "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe";

test.describe("wizard start form", () => {
  test("the first click on Offline is not lost when leaving the error message shows a hint above it", async ({
    page,
  }) => {
    await page.goto("/en/wizard");
    await page
      .getByLabel("Error message TiDB Cloud showed (optional)")
      .fill(`Cannot assume the provided role ${ROLE_ARN}. Please check the trust relationship settings of the role.`);
    // One click, straight from the message box: the hint about the step appears, and the click still counts.
    await page.getByLabel("Offline").click();
    await expect(page.getByLabel("Offline")).toBeChecked();
    await expect(page.getByText("This message points to the step “Can TiDB Cloud assume the role?”.")).toBeVisible();
    await expect(page.getByLabel("Role ARN", { exact: true })).toHaveValue(ROLE_ARN);
  });

  test("the first click on the snapshot box is not lost when leaving a document box shows a problem above it", async ({
    page,
  }) => {
    // Tall enough that the page does not scroll: then the browser keeps nothing in place for us (no scroll anchoring).
    await page.setViewportSize({ width: 1280, height: 4000 });
    await page.goto("/en/wizard");
    await page.getByLabel("Offline").click();
    await page.getByLabel("Bucket policy").fill('{ "Statement": [,] }');
    await page.getByText("Or analyse a whole saved snapshot").click();
    await expect(page.getByLabel("Snapshot JSON")).toBeVisible();
    await expect(page.getByLabel("Bucket policy")).toHaveAttribute("aria-invalid", "true");
  });

  test("in Japanese too, the first click on オフライン counts", async ({ page }) => {
    await page.goto("/ja/wizard");
    await page
      .getByLabel("TiDB Cloud に表示されたエラーメッセージ（任意）")
      .fill(`Cannot assume the provided role ${ROLE_ARN}. Please check the trust relationship settings of the role.`);
    await page.getByLabel("オフライン").click();
    await expect(page.getByLabel("オフライン")).toBeChecked();
  });

  test("a bucket URI the live reader would refuse is caught before sending, and the credentials stay", async ({
    page,
  }) => {
    const posts = watchPosts(page);
    await page.goto("/en/wizard");
    await page.getByLabel("Bucket URI").fill("s3:/tidb-cloud-source-data/mydata/");
    await page.getByLabel("Role ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByLabel("TiDB Cloud External ID").fill(EXTERNAL_ID);
    await page.getByLabel("TiDB Cloud account ID").fill("380838443567");
    await page.getByLabel("Access key ID", { exact: true }).fill("AKIAFAKEROLEOK000001");
    await page.getByLabel("Secret access key").fill(SECRET);
    await page.getByLabel("Session token").fill(TOKEN);
    await page.getByRole("button", { name: "Run the diagnosis" }).click();

    const uri = page.getByLabel("Bucket URI");
    await expect(uri).toHaveAttribute("aria-invalid", "true");
    await expect(uri).toBeFocused();
    await expect(page.getByText("An S3 URI begins with s3:// (two slashes).")).toBeVisible();
    // Nothing was sent, so nothing typed was cleared: not the form, not the credentials.
    expect(posts).toEqual([]);
    await expect(uri).toHaveValue("s3:/tidb-cloud-source-data/mydata/");
    await expect(page.getByLabel("Access key ID", { exact: true })).toHaveValue("AKIAFAKEROLEOK000001");
    await expect(page.getByLabel("Secret access key")).toHaveValue(SECRET);
    await expect(page.getByLabel("Session token")).toHaveValue(TOKEN);
    await expectNoSeriousA11yViolations(page);

    // Corrected, the same credentials run; once sent they are cleared.
    await uri.fill("s3://tidb-cloud-source-data/mydata/");
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
    await page.getByRole("button", { name: "Edit the input" }).click();
    await expect(page.getByLabel("Secret access key")).toHaveValue("");
    await expect(page.getByLabel("Session token")).toHaveValue("");
    await expect(page.getByLabel("Bucket URI")).toHaveValue("s3://tidb-cloud-source-data/mydata/");
    expect(await page.content()).not.toContain(SECRET);
  });

  test("malformed credentials are caught before sending and stay for correction", async ({ page }) => {
    const posts = watchPosts(page);
    await page.goto("/en/wizard");
    await page.getByLabel("Bucket URI").fill("s3://tidb-cloud-source-data/mydata/");
    await page.getByLabel("Role ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByLabel("Access key ID", { exact: true }).fill("akiafakeroleok000001");
    await page.getByLabel("Secret access key").fill(SECRET);
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    const key = page.getByLabel("Access key ID", { exact: true });
    await expect(key).toHaveAttribute("aria-invalid", "true");
    await expect(key).toBeFocused();
    await expect(page.getByText("An access key ID has only capital letters and digits")).toBeVisible();
    expect(posts).toEqual([]);
    await expect(page.getByLabel("Secret access key")).toHaveValue(SECRET);
  });
});
