import { expect, test, type Page } from "@playwright/test";
import { latinSentences, repeatedSentences } from "../support/japanese-text";

// Japanese pages read as Japanese (issue 12, §5): the text each page shows in Japanese holds no English sentence and
// says no sentence twice (documents, commands and what the user typed are not the page's own text), and status
// badges never wrap, even on a narrow phone.

/** The page's own visible text: without code blocks, form fields and the pasted error message. */
async function ownText(page: Page): Promise<string> {
  return page.locator("main").evaluate((main) => {
    const clone = main.cloneNode(true) as HTMLElement;
    clone.querySelectorAll("pre, code, textarea, input, select, script, style, [hidden]").forEach((n) => n.remove());
    // innerText needs layout: measure the clone in the document, out of sight.
    clone.style.position = "absolute";
    clone.style.left = "-10000px";
    document.body.appendChild(clone);
    const text = clone.innerText;
    clone.remove();
    return text;
  });
}

async function expectJapanese(page: Page, where: string) {
  const lines = (await ownText(page)).split("\n").filter((l) => l.trim());
  const found = lines.flatMap((l) => [
    ...latinSentences(l).map((x) => `${where}: English "${x.words}" in "${l}"`),
    ...repeatedSentences(l).map((s) => `${where}: said twice: ${s}`),
  ]);
  expect(found).toEqual([]);
}

/** Every status badge on the page is one line: each of its words' text boxes sits on a single line. */
async function expectBadgesOnOneLine(page: Page, where: string) {
  // Badges are the spans that carry a status (in the wizard and on the shared page alike).
  const badges = page.locator("span[data-status]");
  expect(await badges.count(), `${where}: badges`).toBeGreaterThan(0);
  const wrapped = await badges.evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let lines = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          lines = Math.max(lines, tops.size);
        }
        return { text: el.textContent ?? "", lines };
      })
      .filter((b) => b.lines > 1),
  );
  expect(wrapped, `${where}: badges that wrap`).toEqual([]);
}

async function runExample(page: Page, example: string) {
  await page.goto("/ja/wizard");
  await page.getByLabel("オフライン").check();
  await page.getByRole("button", { name: example }).click();
  await page.getByRole("button", { name: "診断を実行" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "診断結果" })).toBeVisible();
}

/** Each step of the results, then the overview. */
async function eachStep(page: Page, check: (where: string) => Promise<void>) {
  const nav = page.getByRole("navigation", { name: "診断ステップ" });
  const links = nav.getByRole("link");
  const n = await links.count();
  for (let i = 0; i < n; i++) {
    const link = links.nth(i);
    const name = (await link.innerText()).split("\n")[0];
    await link.click();
    await check(`step ${name}`);
  }
}

test.describe("Japanese pages", () => {
  test("home, wizard start (live and offline), share page and a missing page hold no English sentence", async ({
    page,
  }) => {
    await page.goto("/ja");
    await expectJapanese(page, "/ja");
    await page.goto("/ja/wizard");
    await expectJapanese(page, "/ja/wizard (live)");
    await page.getByLabel("オフライン").check();
    await expectJapanese(page, "/ja/wizard (offline)");
    await page.goto("/ja/share");
    await expectJapanese(page, "/ja/share");
    await page.goto("/ja/no-such-page");
    await expectJapanese(page, "/ja/no-such-page");
  });

  for (const example of ["外部ID の誤り", "s3:ListBucket のないアクセスキー", "KMS キーに対する kms:Decrypt がない"]) {
    test(`every step of the results of “${example}”`, async ({ page }) => {
      await runExample(page, example);
      await expectJapanese(page, `${example}: overview`);
      await eachStep(page, (where) => expectJapanese(page, `${example}: ${where}`));
    });
  }

  test("the shared report page of a Japanese diagnosis", async ({ page }) => {
    await runExample(page, "外部ID の誤り");
    await page.getByRole("navigation", { name: "診断ステップ" }).getByRole("link").last().click();
    const panel = page.getByRole("region", { name: "このレポートを共有" });
    await panel.getByRole("button", { name: "保存してリンクを作成" }).click();
    const id = (await panel.getByRole("textbox", { name: "共有リンク" }).inputValue()).split("/r/")[1];
    await page.goto(`/ja/r/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "共有されたレポート" })).toBeVisible();
    await expectJapanese(page, "shared report");
  });
});

test.describe("status badges on a narrow phone (320 px)", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("never wrap, in the wizard's results and on the shared page, in Japanese and English", async ({ page }) => {
    await runExample(page, "KMS キーに対する kms:Decrypt がない");
    await expectBadgesOnOneLine(page, "ja overview");
    await eachStep(page, (where) => expectBadgesOnOneLine(page, `ja ${where}`));
    const panel = page.getByRole("region", { name: "このレポートを共有" });
    await panel.getByRole("button", { name: "保存してリンクを作成" }).click();
    const id = (await panel.getByRole("textbox", { name: "共有リンク" }).inputValue()).split("/r/")[1];
    for (const locale of ["ja", "en"]) {
      await page.goto(`/${locale}/r/${id}`);
      await expectBadgesOnOneLine(page, `shared page (${locale})`);
    }
  });
});
