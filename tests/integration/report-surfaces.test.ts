/**
 * One report through every surface that shows it (the wizard's verdict, overview and cards, the share preview, the
 * shared page, the Markdown export, the command line's text), in both languages: each shows the same facts, taken
 * from the one report model. A surface that re-derived a status, a title, an order or a corrected document on its
 * own would differ here.
 */
import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { NextIntlClientProvider } from "next-intl";
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { FindingList } from "@/components/findings/finding-list";
import { Overview } from "@/components/wizard/overview";
import { Verdict } from "@/components/wizard/verdict";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import { loadMessages } from "@/lib/i18n/load-messages";
import { formatReportText } from "@/lib/cli/report-text";
import { renderReportBody } from "@/lib/report/render-html";
import type { Report, ReportLocale } from "@/lib/report/types";
import { reportModel, type CardModel, type ReportModel } from "@/lib/report/view-model";
import { reportMarkdown } from "@/lib/share/labels";
import { pageMessages } from "@/lib/share/report-page";
import { renderReportHtml } from "@/lib/share/render-report-html";
import type { Snapshot } from "@/lib/snapshot/schema";
import { stepsForMode } from "@/lib/wizard/steps";

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'" };

/** The text a reader sees in HTML: no tags, no screen-reader-only words, entities decoded, lines trimmed. */
function textOfHtml(html: string): string {
  return normal(
    html
      .replace(/<span class="sr-only">[^<]*<\/span>/g, "")
      .replace(/<\/(p|li|h\d|dt|dd|summary|pre|div|section|article)>/g, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&(lt|gt|amp|quot|#39);/g, (_m, k: string) => ENTITIES[k]),
  );
}

const markdownIt = new MarkdownIt({ html: false });
const textOfMarkdown = (md: string) => textOfHtml(markdownIt.render(md));

/** Lines trimmed (indentation and wrapping differ between surfaces, the words do not). */
function normal(text: string): string {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** The facts a reader must find on every surface, from the model. */
function facts(model: ReportModel): { once: string[]; present: string[]; inOrder: string[] } {
  const cards: CardModel[] = model.steps.flatMap((s) => s.cards);
  const once: string[] = [model.verdict.sentence];
  const present: string[] = [model.countsLine, ...model.target.filter((r) => r.kind !== "text").map((r) => r.value)];
  for (const c of cards) {
    present.push(c.title, c.id);
    if (c.problem) present.push(c.detail);
    const fix = c.fix;
    if (fix?.corrected?.json) once.push(normal(fix.corrected.json));
    if (fix?.corrected?.cli) present.push(fix.corrected.cli);
    // The same document as Terraform and CloudFormation, and the stack that made what it edits.
    for (const code of fix?.corrected?.infra ?? []) present.push(code.heading, code.text);
    if (fix?.corrected?.stack) present.push(fix.corrected.stack);
    if (fix?.partOf) present.push(fix.partOf.sentence);
    for (const s of [...(fix?.console ?? []), ...(fix?.notes ?? [])]) present.push(s);
    for (const alt of fix?.alternatives ?? []) {
      present.push(alt.heading, alt.cli, ...alt.infra.flatMap((code) => [code.heading, code.text]));
      if (alt.stack) present.push(alt.stack);
      if (alt.json) present.push(normal(alt.json));
    }
  }
  // The verdict, then the problems failing first, then the first of the other checks.
  const others = model.steps.flatMap((s) => s.cards.filter((c) => !c.problem));
  const inOrder = [model.verdict.sentence, ...model.problems.map((c) => c.title), others[0].title];
  return { once, present: present.map(normal), inOrder };
}

/** What the wizard shows of a result, all its views at once: the verdict, the overview, then each step's cards. */
async function wizardMarkup(report: Report, model: ReportModel, locale: ReportLocale): Promise<string> {
  const steps = stepsForMode(report.target.mode);
  const noop = () => {};
  const views = createElement(
    Fragment,
    null,
    createElement(Verdict, { model }),
    createElement(Overview, { model, report, mode: report.target.mode, steps, onOpen: noop }),
    ...steps.map((id) =>
      createElement(FindingList, {
        key: id,
        step: model.steps.find((s) => s.id === id),
        labels: model.labels,
        onShowDocument: noop,
      }),
    ),
  );
  const messages = await loadMessages(locale);
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale, messages, timeZone: "UTC", children: views }),
  );
}

const meta = { id: "AbCdEfGhIjKlMnOpQrStUv-_", createdAt: new Date(0), expiresAt: new Date(8.64e15) };

async function analysed(fixture: string): Promise<{ report: Report; snapshot: Snapshot }> {
  const parsed = parseSnapshot(JSON.parse(readFileSync(`tests/fixtures/snapshots/${fixture}.json`, "utf8")));
  if (!parsed.ok) throw new Error(fixture);
  return {
    snapshot: parsed.snapshot,
    report: await analyzeSnapshot(parsed.snapshot, { now: new Date("2026-11-28T00:00:00Z") }),
  };
}

// Two findings that correct the same policy (one complete document), with a warning, unknowns and passes; a fix
// that offers another way (the key user in the key policy instead of the identity-policy change); and a role a
// CloudFormation stack made, with names and documents that Terraform and YAML treat specially.
describe.each([
  ["role-missing-bucket-statement", "en"],
  ["role-missing-bucket-statement", "ja"],
  ["role-kms-decrypt-missing", "en"],
  ["role-kms-decrypt-missing", "ja"],
  ["role-cloudformation-stack-odd-names", "en"],
  ["role-cloudformation-stack-odd-names", "ja"],
] as const)("every surface shows the same facts (%s, %s)", (fixture, locale: ReportLocale) => {
  let report: Report;
  let snapshot: Snapshot;
  let model: ReportModel;
  let surfaces: Record<string, string>;

  beforeAll(async () => {
    ({ report, snapshot } = await analysed(fixture));
    model = reportModel(report, { locale });
    surfaces = {
      // The wizard has the snapshot: its cards show the account's own documents as evidence.
      wizard: textOfHtml(await wizardMarkup(report, reportModel(report, { locale, snapshot }), locale)),
      "share preview": textOfHtml(renderReportBody(model, { idPrefix: "preview-" })),
      "shared page": textOfHtml(renderReportHtml(report, meta, locale, pageMessages(locale))),
      Markdown: textOfMarkdown(reportMarkdown(report, locale)),
      "command line": normal(formatReportText(report, { locale })),
    };
  });

  it("each surface shows the verdict and each complete corrected document exactly once", () => {
    const { once } = facts(model);
    expect(once.length).toBeGreaterThanOrEqual(2);
    if (fixture === "role-kms-decrypt-missing") expect(facts(model).present.join("\n")).toMatch(/key-policy/);
    const fixes = model.problems.flatMap((c) => (c.fix?.corrected ? [c.fix.corrected] : []));
    expect(fixes.every((doc) => doc.infra.length === 2)).toBe(true);
    if (fixture === "role-cloudformation-stack-odd-names")
      expect(fixes.map((doc) => doc.stack).filter(Boolean).length).toBeGreaterThanOrEqual(2);
    for (const [surface, text] of Object.entries(surfaces))
      for (const fact of once) expect(count(text, fact), `${surface}: ${fact.slice(0, 80)}`).toBe(1);
  });

  it("each surface shows every finding, fix command, pointer to a shared document, console step and note", () => {
    for (const [surface, text] of Object.entries(surfaces))
      for (const fact of facts(model).present) expect(text, `${surface}: ${fact.slice(0, 80)}`).toContain(fact);
  });

  it("each surface puts the verdict first, then the failing findings, then the other checks", () => {
    // The wizard lists the problems on its overview, failing first, then shows the checks step by step.
    for (const [surface, text] of Object.entries(surfaces)) {
      const at = facts(model).inOrder.map((f) => text.indexOf(f));
      expect(
        at.every((p) => p >= 0),
        surface,
      ).toBe(true);
      expect(
        [...at].sort((a, b) => a - b),
        surface,
      ).toEqual(at);
    }
  });

  it("the share preview is the shared page's own markup (only its ids are prefixed)", () => {
    const page = renderReportHtml(report, meta, locale, pageMessages(locale));
    const preview = renderReportBody(model, { idPrefix: "preview-" });
    expect(page).toContain(preview.replace(/(id="|aria-labelledby="|href="#)preview-/g, "$1"));
  });
});
