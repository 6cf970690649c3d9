import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cloudFormationTemplate, jsonencodeArgument, terraformResources } from "../support/iac-parse";
import { watchConsole } from "./support";

// Fixes where people manage IAM (issue 12, §6), in a real browser on the production server, in both languages: a live
// run against the fake endpoint's role-cloudformation-stack scenario (a role that a CloudFormation stack tagged) shows
// on the wizard's card that the stack made the role and where in its template the change goes, and offers the
// corrected policy as CloudFormation (open) and Terraform, whose copy buttons copy code that a YAML parser and
// HashiCorp's HCL parser read back to the corrected document; the shared page (no script) and the Markdown export
// show the same.
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0042";
const TOKEN = "IQoJb3JpZ2luX2VjECANARYTOKEN0042" + "a".repeat(80);

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

type Messages = Record<string, Record<string, unknown>>;
function messages(locale: "en" | "ja"): Messages {
  const read = (ns: string) =>
    JSON.parse(readFileSync(join(process.cwd(), "lib/i18n/messages", locale, `${ns}.json`), "utf8")) as Record<
      string,
      unknown
    >;
  return { wizard: read("wizard"), report: read("report"), share: read("share") };
}
const at = (m: Messages, path: string): string =>
  path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], m) as string;

const NOTICE = {
  en: "The role tidb-import was created by the CloudFormation stack “TiDBCloudImport” (logical ID TiDBImportRole): change Policies of TiDBImportRole",
  ja: "ロール tidb-import は CloudFormation スタック「TiDBCloudImport」（論理 ID TiDBImportRole）で作成されています。スタックのテンプレートで TiDBImportRole の Policies を",
};

/** The document a CloudFormation snippet's role declares as its inline policy. */
function policyInTemplate(yaml: string): unknown {
  const role = cloudFormationTemplate(yaml).Resources.TiDBImportRole;
  expect(role.Type).toBe("AWS::IAM::Role");
  return (role.Properties.Policies as { PolicyDocument: unknown }[])[0].PolicyDocument;
}

/** The document a Terraform snippet's aws_iam_role_policy holds, as Terraform would encode it. */
async function policyInTerraform(hcl: string): Promise<unknown> {
  const [resource] = await terraformResources(hcl);
  expect(resource.type).toBe("aws_iam_role_policy");
  return jsonencodeArgument(resource.body.policy);
}

async function runLive(page: Page, locale: "en" | "ja") {
  const m = messages(locale);
  await page.goto(`/${locale}/wizard`);
  await page.locator("#bucketUri").fill("s3://tidb-cloud-source-data/mydata/");
  await page.locator("#roleArn").fill("arn:aws:iam::111122223333:role/tidb-import");
  await page.locator("#externalId").fill("696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe");
  await page.locator("#tidbAccountId").fill("380838443567");
  await page.locator("#region").fill("ap-northeast-1");
  await page.locator("#cred-accessKeyId").fill("AKIAFAKECFNSTACK0001");
  await page.locator("#cred-secretAccessKey").fill(SECRET);
  await page.locator("#cred-sessionToken").fill(TOKEN);
  await page.getByRole("button", { name: at(m, "wizard.run") }).click();
  await page.locator('a[href="#step-identity-policy"]').first().click();
}

async function copied(page: Page, where: Locator, label: string): Promise<string> {
  await where.getByRole("button", { name: label }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

for (const locale of ["en", "ja"] as const) {
  test(`${locale}: a role made by a CloudFormation stack: the notice and the snippets on the card, the shared page and the Markdown export`, async ({
    page,
    browser,
  }) => {
    const console = watchConsole(page);
    const m = messages(locale);
    await runLive(page, locale);

    const card = page.locator('[data-finding="identity.get-object"]');
    await expect(card).toHaveAttribute("data-status", "fail");
    await expect(card.getByTestId("fix-stack")).toContainText(NOTICE[locale]);
    const corrected = JSON.parse(await card.getByTestId("fix-after").innerText()) as unknown;

    // The stack's template first and open, its copy button copies YAML that holds the corrected policy.
    const cfn = card.getByTestId("fix-cloudformation");
    await expect(cfn).toHaveAttribute("open", "");
    await expect(cfn.locator("summary")).toHaveText("CloudFormation: AWS::IAM::Role TiDBImportRole");
    expect(policyInTemplate(await copied(page, cfn, at(m, "report.card.fix.copyCloudFormation")))).toEqual(corrected);

    // Terraform folded until opened; what it copies is HCL whose jsonencode holds the same policy.
    const tf = card.getByTestId("fix-terraform");
    await expect(tf).not.toHaveAttribute("open", "");
    await tf.locator("summary").click();
    await expect(tf.locator("pre")).toBeVisible();
    expect(await policyInTerraform(await copied(page, tf, at(m, "report.card.fix.copyTerraform")))).toEqual(corrected);

    // Shared: the read-only page, without script, in the same language.
    await page.locator('a[href="#step-summary"]').first().click();
    const panel = page.getByRole("region", { name: at(m, "share.panel.title") });
    await panel.getByRole("button", { name: at(m, "share.panel.save") }).click();
    const url = await panel.getByRole("textbox", { name: at(m, "share.panel.link") }).inputValue();
    const id = url.split("/").pop()!;
    console.assertClean();

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const viewer = await noJs.newPage();
    await viewer.goto(`/${locale}/r/${id}`);
    const shared = viewer.locator('article[data-finding="identity.get-object"]');
    await expect(shared.locator("[data-stack]")).toContainText(NOTICE[locale]);
    const sharedCfn = shared.locator('details[data-infra="cloudformation"]');
    await expect(sharedCfn).toHaveAttribute("open", "");
    const sharedTf = shared.locator('details[data-infra="terraform"]');
    await sharedTf.locator("summary").click();
    // The shared copy is redacted (account IDs, bucket): its snippets hold its own corrected document.
    const sharedDoc = JSON.parse(
      (await shared
        .locator(`[aria-label="${at(m, "report.card.fix.corrected").replace("{document}", "role-policy:s3-read")}"]`)
        .textContent())!,
    ) as unknown;
    expect(JSON.stringify(sharedDoc)).not.toContain("111122223333");
    expect(policyInTemplate((await sharedCfn.locator("pre").textContent())!)).toEqual(sharedDoc);
    expect(await policyInTerraform((await sharedTf.locator("pre").textContent())!)).toEqual(sharedDoc);

    const markdown = await (await viewer.request.get(`/api/reports/${id}/markdown?locale=${locale}`)).text();
    expect(markdown).toContain("TiDBCloudImport");
    expect(markdown).toMatch(/```yaml\nResources:\n {2}TiDBImportRole:\n/);
    expect(markdown).toMatch(/```hcl\nresource "aws_iam_role_policy" /);
    await noJs.close();
  });
}

test("offline, without the stack's tags, nothing is claimed but both snippets are offered", async ({ page }) => {
  await page.goto("/ja/wizard");
  await page.locator('input[name="source"][value="offline"]').check();
  await page.getByRole("button", { name: at(messages("ja"), "wizard.examples.missing-slash-star") }).click();
  await page.getByRole("button", { name: at(messages("ja"), "wizard.run") }).click();
  await page.locator('a[href="#step-identity-policy"]').first().click();
  const card = page.locator('[data-finding="identity.get-object"]');
  await expect(card).toHaveAttribute("data-status", "fail");
  await expect(card.getByTestId("fix-terraform")).toHaveCount(1);
  await expect(card.getByTestId("fix-cloudformation")).toHaveCount(1);
  await expect(card.getByTestId("fix-cloudformation")).not.toHaveAttribute("open", "");
  await expect(card.getByTestId("fix-stack")).toHaveCount(0);
  await expect(page.getByText("CloudFormation スタック「")).toHaveCount(0);
});
