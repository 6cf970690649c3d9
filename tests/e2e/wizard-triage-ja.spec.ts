import { expect, test } from "@playwright/test";
import { watchConsole } from "./support";

// TiDB Cloud's messages as its Japanese guide quotes them (pingcap/docs tidb-cloud/troubleshoot-import-access-denied-
// error.md, Japanese), and AWS's KMS denial as the Japanese AWS console words it.
const ROLE_ARN = "arn:aws:iam::111122223333:role/tidb-import";
const SECRET = "CANARYwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const ROLE_MESSAGE_JA = `指定されたロール\`${ROLE_ARN}\`を引き受けることができません。ロールの信頼関係の設定を確認してください。`;
const ACCESS_KEY_MESSAGE_JA = `アクセスキーID 'AKIAIOSFODNN7EXAMPLE'およびシークレットアクセスキー'${SECRET}'を使用してソース's3://tidb-cloud-source-data/mydata/'に対するアクセスが拒否されました`;
const KMS_MESSAGE_JA =
  "ユーザー: arn:aws:sts::111122223333:assumed-role/tidb-import/tidb-cloud-import には、リソース: arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab に対して kms:Decrypt を実行する権限がありません。";

const MESSAGE_BOX = "TiDB Cloud に表示されたエラーメッセージ（任意）";

test.describe("wizard: a Japanese error message pasted as is", () => {
  test("the role message opens the trust relationship step and fills in the role ARN", async ({ page }) => {
    const watched = watchConsole(page);
    await page.goto("/ja/wizard");
    await page.getByLabel("オフライン").check();
    await page.getByRole("button", { name: "外部ID の誤り" }).click();
    await page.getByLabel("ロール ARN", { exact: true }).fill("");
    await page.getByLabel(MESSAGE_BOX).fill(ROLE_MESSAGE_JA);
    await page.getByLabel("バケット URI").focus();
    await expect(
      page.getByText("このメッセージはステップ「TiDB Cloud はロールを引き受けられるか」を示しています。"),
    ).toBeVisible();
    await expect(page.getByLabel("ロール ARN", { exact: true })).toHaveValue(ROLE_ARN);
    await page.getByRole("button", { name: "診断を実行" }).click();
    const step = page.getByRole("heading", { level: 2, name: /TiDB Cloud はロールを引き受けられるか/ });
    await expect(step).toBeFocused();
    await expect(page.locator('[data-finding="role.trust.external-id"]')).toHaveAttribute("data-status", "fail");
    watched.assertClean();
  });

  test("the access-key message switches to access-key mode, fills in the bucket and key, and drops the secret", async ({
    page,
  }) => {
    await page.goto("/ja/wizard");
    await page.getByLabel("オフライン").check();
    await page.getByLabel(MESSAGE_BOX).fill(ACCESS_KEY_MESSAGE_JA);
    await page.getByLabel("バケット URI").focus();
    await expect(page.getByText("このメッセージはステップ「権限ポリシー」を示しています。")).toBeVisible();
    await expect(page.getByLabel("IAM ユーザーの AWS アクセスキー")).toBeChecked();
    await expect(page.getByLabel("バケット URI")).toHaveValue("s3://tidb-cloud-source-data/mydata/");
    await expect(page.getByLabel("TiDB Cloud に指定したアクセスキー ID")).toHaveValue("AKIAIOSFODNN7EXAMPLE");
    await expect(page.getByLabel(MESSAGE_BOX)).not.toHaveValue(/CANARY/);
    await expect(page.getByLabel(MESSAGE_BOX)).toHaveValue(/シークレットアクセスキー'\[redacted\]'/);
  });

  test("a KMS denial whose failing check is in the permission policies opens that step", async ({ page }) => {
    await page.goto("/ja/wizard");
    await page.getByLabel("オフライン").check();
    await page.getByRole("button", { name: "KMS キーに対する kms:Decrypt がない" }).click();
    await page.getByLabel(MESSAGE_BOX).fill(KMS_MESSAGE_JA);
    await page.getByRole("button", { name: "診断を実行" }).click();
    const step = page.getByRole("heading", { level: 2, name: /権限ポリシー/ });
    await expect(step).toBeFocused();
    await expect(page.locator('[data-finding="identity.kms-decrypt"]')).toHaveAttribute("data-status", "fail");
  });
});
