import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { reportModel } from "@/lib/report/view-model";
import sample from "./__fixtures__/report-role.json";
import { reportMarkdown } from "./labels";
import { escapeMarkdown, fenced } from "./markdown";
import { parseReport } from "./report-schema";

const parsed = parseReport(sample);
if (!parsed.ok) throw new Error(parsed.message);
const report = parsed.report;

// A renderer that allows raw HTML, as some ticket systems do: escaping must hold without its help.
const md = new MarkdownIt({ html: true });
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'" };

/** What a Markdown renderer shows for `text` in a paragraph, or null when it is not one plain paragraph. */
function shown(markdown: string): string | null {
  const m = /^<p>([\s\S]*)<\/p>$/.exec(md.render(markdown).trim());
  if (!m || /<(?!br>)/.test(m[1].replace(/<br>\n?/g, ""))) return null;
  return m[1].replace(/<br>\n?/g, "\n").replace(/&(lt|gt|amp|quot|#39);/g, (_m, k: string) => ENTITIES[k]);
}

describe("escapeMarkdown", () => {
  it.each([
    "example-bucket-1",
    "folder-1/object-1.csv",
    "role-policy:s3_read",
    "arn:aws:s3:::example-bucket-1/folder-1/*",
    "TiDB Cloud's requests (aws:SourceIp) - not known.",
    "バケットポリシーの Deny がインポートを拒否しています",
  ])("leaves %s as written where Markdown would read it as text", (text) => {
    expect(escapeMarkdown(text).replace(/\\\*/g, "*")).toBe(text);
    expect(shown(escapeMarkdown(text))).toBe(text);
  });

  it.each([
    "[click](javascript:alert(1))",
    "![x](http://evil.example/x.png)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "# not a heading",
    "> not a quote",
    "- not a list",
    "1. not a list",
    "**not bold** _not em_ __nor this__",
    "~~not struck~~ `not code`",
    "a | b",
    "&lt;still text&gt;",
    "ends with a backslash\\",
    "line one\n---",
  ])("shows %j as text, not markup", (text) => {
    expect(shown(escapeMarkdown(text))).toBe(text);
  });

  it("shows any text made of Markdown's punctuation as written (property)", () => {
    const piece = fc.constantFrom(
      ..."ab1 _*`[]()<>!#&;|~-+=.\\:/".split(""),
      "\n",
      "日本",
      "&amp;",
      "&#60;",
      "http://x",
      "1.",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        // One paragraph: no blank lines, no spaces around line ends (a renderer drops those).
        const text = pieces
          .join("")
          .trim()
          .replace(/[ \t]*\n[ \t]*/g, "\n")
          .replace(/\n+/g, "\n");
        if (text) expect(shown(escapeMarkdown(text))).toBe(text);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it("a backtick run in a command cannot close its fence", () => {
    const block = fenced("echo ```\nrm -rf", "sh");
    expect(block.startsWith("````sh\n")).toBe(true);
    expect(block.endsWith("\n````")).toBe(true);
  });
});

describe("reportMarkdown", () => {
  it("starts with the verdict, lists what to change first with the corrected JSON and command, then the other checks by step", () => {
    const out = reportMarkdown(report, "en", { url: "http://x/r/abc", expiresAt: "2026-12-28T00:00:00.000Z" });
    expect(out).toMatch(/^# S3 Access Doctor report\n/);
    expect(out).toContain("- Link: <http://x/r/abc>");
    expect(out).toContain("- 2 failed, 0 warnings, 1 unknown, 1 passed, 1 skipped");
    expect(out).toContain(
      "## Verdict\n\nThe import fails because the trust policy requires another External ID; apply the corrected trust policy. One more problem has to be fixed as well.\n",
    );
    expect(out).toContain("`arn:aws:iam::123456789012:role/tidb-import`");
    const order = [
      "## Verdict",
      "## Target",
      "## What to change",
      "### Fail: The trust policy requires another External ID",
      "### Fail: A Deny statement in the bucket policy blocks the import",
      "## Every other check, by step",
      "### Permission policies",
      "#### Pass: s3:GetObject is allowed on the objects under the folder",
      "### Encryption and KMS keys",
    ].map((s) => out.indexOf(s));
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out).toContain('```json\n{\n  "Version": "2012-10-17"');
    expect(out).toContain(
      "```sh\naws s3api put-bucket-policy --bucket acme-tidb-source-data --policy file://bucket-policy.json\n```",
    );
    // Only what Markdown needs is escaped.
    expect(out).not.toMatch(/\\-/);
    expect(out).toContain("Corrected document: bucket-policy");
  });

  it("reads in the viewer's language", () => {
    const out = reportMarkdown(report, "ja");
    expect(out).toContain("# S3 Access Doctor レポート");
    expect(out).toContain("## 結論");
    expect(out).toContain("### 権限ポリシー");
    expect(out).toContain("- 不合格 2 件、警告 0 件、不明 1 件、合格 1 件、対象外 1 件");
  });

  it("turns markup in the report's text into inert text", () => {
    const r = structuredClone(report);
    r.findings[0].title = "<script>alert(1)</script>";
    r.findings[0].detail = "[click](javascript:alert(1)) <img src=x onerror=alert(1)>";
    const html = md.render(reportMarkdown(r, "en"));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("is the report model laid out: every card's title appears once", () => {
    const out = reportMarkdown(report, "en");
    const model = reportModel(report, { locale: "en" });
    for (const step of model.steps)
      for (const card of step.cards) expect(out.split(`: ${escapeMarkdown(card.title)}\n`).length - 1).toBe(1);
  });
});
