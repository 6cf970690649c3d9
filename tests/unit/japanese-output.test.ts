/**
 * Japanese output reads as Japanese (issue 12, §5): every Japanese string the checks, fixes and pages produce, for
 * every snapshot fixture, holds no English sentence and says no sentence twice. Identifiers, ARNs, IAM actions,
 * code, commands, product names and console labels quoted as on screen are allowed (tests/support/japanese-text.ts).
 * The pages' text in the browser is scanned by tests/e2e/japanese-pages.spec.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import { loadMessages } from "@/lib/i18n/load-messages";
import { formatReportText } from "@/lib/cli/report-text";
import type { Report } from "@/lib/report/types";
import { reportMarkdown } from "@/lib/share/labels";
import { renderReportHtml } from "@/lib/share/render-report-html";
import { pageMessages } from "@/lib/share/report-page";
import { buildOfflineSnapshot } from "@/lib/wizard/build-snapshot";
import { EXAMPLES } from "@/lib/wizard/examples";
import { latinSentences, repeatedSentences } from "@/tests/support/japanese-text";

const DIR = join(process.cwd(), "tests/fixtures/snapshots");
const NOW = new Date("2026-11-28T00:00:00Z");
const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
  .map((f) => f.slice(0, -".json".length))
  .sort();

/** Problems in one piece of Japanese text, each "where: what". */
function problems(where: string, text: string): string[] {
  return [
    ...latinSentences(text).map((x) => `${where}: English "${x.words}" in ${JSON.stringify(text.slice(0, 240))}`),
    ...repeatedSentences(text).map((s) => `${where}: said twice: ${s}`),
  ];
}

/** The comment lines of commands (across accounts, the first line names the account that runs the command). */
const comments = (...clis: (string | undefined)[]) =>
  clis.flatMap((cli) => (cli ?? "").split("\n").filter((line) => line.startsWith("#")));

/** Each fixture analysed in Japanese, and in English with its Japanese translations (once, when a test asks). */
const analysed = new Map<string, Promise<{ ja: Report; en: Report }>>();
function reports(name: string): Promise<{ ja: Report; en: Report }> {
  let r = analysed.get(name);
  if (!r) {
    const parsed = parseSnapshot(JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")));
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
    r = Promise.all([
      analyzeSnapshot(parsed.snapshot, { locale: "ja", now: NOW }),
      analyzeSnapshot(parsed.snapshot, { locale: "en", now: NOW }),
    ]).then(([ja, en]) => ({ ja, en }));
    analysed.set(name, r);
  }
  return r;
}

describe("the scanner", () => {
  it("finds English prose and repeated sentences, and allows what Japanese documentation writes in Latin letters", () => {
    expect(latinSentences("The role does not exist.")).not.toEqual([]);
    expect(latinSentences("AccessDenied on s3:ListBucket; needs s3:ListBucket, or paste the bucket")).not.toEqual([]);
    expect(latinSentences("ロールの権限ポリシーを確認してください（see role.exists）。")).toEqual([]);
    expect(
      latinSentences(
        "**Permission policies** で arn:aws:iam::111122223333:role/tidb-import の s3:GetObject を、「Bucket owner enforced」に変更し、aws s3api put-bucket-policy --bucket b を実行します。",
      ),
    ).toEqual([]);
    expect(repeatedSentences("キーが無効です。キーが無効です。")).toEqual(["キーが無効です。"]);
  });
});

describe("Japanese reports of every fixture", () => {
  it.each(names)("%s: findings, fixes' steps, notes and commands' comments", async (name) => {
    const found = (await reports(name)).ja.findings.flatMap((f) => {
      const texts = [f.title, f.detail, f.unavailable ?? "", ...(f.fix?.console ?? []), ...(f.fix?.notes ?? [])];
      texts.push(...comments(f.fix?.cli, ...(f.fix?.alternatives ?? []).map((a) => a.cli)));
      return [...texts.flatMap((t, i) => problems(`${f.id}[${i}]`, t)), ...problems(f.id, texts.join("\n"))];
    });
    expect([...new Set(found)]).toEqual([]);
  });

  it.each(names)("%s: the Japanese translations an English report carries", async (name) => {
    const found = (await reports(name)).en.findings.flatMap((f) => {
      const t = f.translations?.ja;
      if (!t) return [`${f.id}: no Japanese translation`];
      const cli = comments(t.cli ?? f.fix?.cli, ...(t.alternativesCli ?? f.fix?.alternatives?.map((a) => a.cli) ?? []));
      return [t.title, t.detail, t.unavailable ?? "", ...(t.console ?? []), ...(t.notes ?? []), ...cli].flatMap((x) =>
        problems(`${f.id} (translation)`, x),
      );
    });
    expect([...new Set(found)]).toEqual([]);
  });

  it.each(names)("%s: the shared page, the Markdown export and the command line's text", async (name) => {
    const { ja, en: report } = await reports(name);
    const meta = { id: "AAAAAAAAAAAAAAAAAAAAAAAA", createdAt: NOW, expiresAt: NOW };
    const html = renderReportHtml(report, meta, "ja", pageMessages("ja"));
    const pageText = html
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
      .replace(/<pre[\s\S]*?<\/pre>/g, " ") // documents and commands
      .replace(/<[^>]+>/g, "\n")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    const markdown = reportMarkdown(report, "ja").replace(/```[\s\S]*?```/g, " ");
    const text = formatReportText(ja, { locale: "ja" })
      .split("\n")
      // Documents, commands and snippets are indented deepest (10 columns); console steps and changes at exactly 10
      // columns are prose.
      .filter((line) => !/^\s{10}/.test(line) || /^\s{10}(?:\d+\.|!|-) /.test(line))
      .join("\n");
    // The error message the user pasted is shown as they pasted it (in whatever language it was in).
    const pasted = report.target.errorMessage;
    const notPasted = (t: string) => (pasted ? t.split(pasted).join(" ") : t);
    const found = [
      ...notPasted(pageText)
        .split("\n")
        .flatMap((line) => problems("page", line)),
      ...notPasted(markdown)
        .split("\n")
        .flatMap((line) => problems("markdown", line)),
      ...notPasted(text)
        .split("\n")
        .flatMap((line) => problems("text", line)),
    ];
    expect([...new Set(found)]).toEqual([]);
  });
});

describe("Japanese reports of the wizard's offline examples (what the offline form records)", () => {
  it.each(Object.keys(EXAMPLES))("%s", async (id) => {
    const example = EXAMPLES[id as keyof typeof EXAMPLES];
    const { snapshot } = buildOfflineSnapshot(example.start, example.documents);
    const report = await analyzeSnapshot(snapshot, { locale: "ja", now: NOW });
    const found = report.findings.flatMap((f) => {
      const texts = [f.title, f.detail, f.unavailable ?? "", ...(f.fix?.console ?? []), ...(f.fix?.notes ?? [])];
      return [...texts.flatMap((t) => problems(f.id, t)), ...problems(f.id, texts.join("\n"))];
    });
    expect([...new Set(found)]).toEqual([]);
  });
});

describe("Japanese message files", () => {
  it("no message holds an English sentence or says a sentence twice", async () => {
    const messages = await loadMessages("ja");
    const found: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === "string") found.push(...problems(path, v));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    };
    walk(messages, "");
    expect(found).toEqual([]);
  });
});
