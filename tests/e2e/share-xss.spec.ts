import { expect, test, type Page } from "@playwright/test";
import MarkdownIt from "markdown-it";

/** Script payloads in every string a report can carry: they must show as text, and nothing may run. */
const SCRIPT = "<script>window.__xss=1</script>";
const IMG = '"><img src=x onerror="window.__xss=1">';
const JS_URL = "javascript:window.__xss=1";
const SVG = "<svg/onload=window.__xss=1>";

function payloadReport() {
  const policy = {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: SCRIPT,
        Effect: "Deny",
        Principal: { AWS: `arn:aws:iam::123456789012:role/${IMG}` },
        Action: ["s3:GetObject", SVG],
        Resource: `arn:aws:s3:::bucket-${IMG}/${SCRIPT}`,
        Condition: { StringEquals: { [SCRIPT]: [JS_URL, IMG] } },
      },
    ],
  };
  return {
    version: 1,
    generatedAt: SCRIPT,
    target: {
      mode: "role",
      bucketUri: `s3://bucket/${SCRIPT}/`,
      roleArn: `arn:aws:iam::123456789012:role/${IMG}`,
      externalId: JS_URL,
      tidbAccountId: SVG,
      accessKeyId: null,
      region: IMG,
      errorMessage: `${SCRIPT} ${IMG} ${JS_URL} ${SVG}`,
    },
    findings: [
      {
        // A check's id is one of the catalogue's (the last test sends a payload there).
        id: "bucket.policy.deny",
        step: "bucket-policy",
        status: "fail",
        title: `${SCRIPT} title`,
        detail: `${IMG} detail ${JS_URL}`,
        evidence: { document: JS_URL, statement: 0, sid: SCRIPT, unknownKeys: [IMG] },
        fix: {
          document: IMG,
          before: policy,
          after: policy,
          cli: `aws s3api put-bucket-policy --bucket '${SCRIPT}'`,
          console: [SVG, JS_URL],
        },
        unavailable: SVG,
      },
    ],
    summary: { pass: 0, fail: 1, warn: 0, unknown: 0, skipped: 0 },
  };
}

async function expectNothingRan(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // No element that the payloads would have created, and no javascript: link.
  await expect(page.locator("main img, main svg[onload], main script")).toHaveCount(0);
  expect(await page.locator("a[href^='javascript:' i]").count()).toBe(0);
}

test.describe("shared reports are inert", () => {
  test("script payloads in every field show as text on the shared page and in the share preview", async ({
    page,
    request,
  }) => {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const res = await request.post("/api/reports", { data: payloadReport() });
    expect(res.status()).toBe(201);
    const { url } = (await res.json()) as { url: string };

    await page.goto(url);
    await expect(page.getByRole("heading", { name: `${SCRIPT} title` })).toBeVisible();
    await expect(page.getByText(`${IMG} detail ${JS_URL}`)).toBeVisible();
    await expect(page.getByText(`${SCRIPT} ${IMG} ${JS_URL} ${SVG}`)).toBeVisible();
    await expect(page.getByText(`arn:aws:iam::123456789012:role/${IMG}`, { exact: true })).toBeVisible();
    await expect(page.getByText(`aws s3api put-bucket-policy --bucket '${SCRIPT}'`)).toBeVisible();
    await expect(page.getByText(SVG, { exact: true }).first()).toBeVisible();
    await expect(page.getByLabel(`Corrected document: ${IMG}`)).toContainText(`"Sid": "${SCRIPT}"`);
    await expectNothingRan(page, dialogs);

    // The same report pasted into the share page: the client-side preview renders it too.
    await page.goto("/en/share");
    await page.getByLabel("Report JSON").fill(JSON.stringify(payloadReport()));
    await page.getByRole("button", { name: "Preview" }).click();
    const panel = page.getByRole("region", { name: "Share this report" });
    await panel.getByRole("checkbox").uncheck();
    await panel.getByText("Show the report exactly as it will be shared").click();
    await expect(panel.getByRole("heading", { name: `${SCRIPT} title` })).toBeVisible();
    await expect(panel.getByText(`${IMG} detail ${JS_URL}`)).toBeVisible();
    await expectNothingRan(page, dialogs);
  });

  test("the Markdown export neutralises the payloads", async ({ request }) => {
    const res = await request.post("/api/reports", { data: payloadReport() });
    const { id } = (await res.json()) as { id: string };
    const md = await (await request.get(`/api/reports/${id}/markdown`)).text();
    // Rendered by a Markdown renderer that lets raw HTML through, as some ticket systems do: every payload is text.
    const html = new MarkdownIt({ html: true }).render(md);
    expect(html).not.toMatch(/<script|<img|<svg/i);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;window.__xss=1&lt;/script&gt; title");
  });

  test("a finding whose id is not a check of the catalogue is refused, naming the path", async ({ request }) => {
    const report = payloadReport();
    report.findings[0].id = SCRIPT;
    const res = await request.post("/api/reports", { data: report });
    expect(res.status()).toBe(400);
    expect(await res.text()).toContain("findings[0].id");
  });
});
