/**
 * Markdown export of a shared report, for a support ticket: the report model (lib/report/view-model.ts) laid out
 * as Markdown. Pure.
 *
 * Text from the report is escaped only where Markdown would read it as markup (so `example-bucket-1` and `s3_read`
 * stay as written, while `[x](javascript:…)`, `<img …>` or a `#` at a line's start stay text); JSON and commands go
 * into fenced blocks whose fence is longer than any backtick run inside.
 */
import type { InfraCodeModel } from "@/lib/report/iac";
import type { CardModel, ReportModel } from "@/lib/report/view-model";

export interface MarkdownHead {
  title: string;
  link?: { label: string; url: string };
  expires?: { label: string; value: string };
}

/**
 * Escapes text so that a CommonMark/GFM renderer shows it as written: backticks, emphasis, links, images, HTML,
 * entities, strikethrough and table pipes anywhere; headings, quotes, lists and rules only where a line starts.
 * Line breaks stay line breaks.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        // A backslash before punctuation (or at the end) would escape it or break the line: double it.
        .replace(/\\(?=[!-/:-@[-`{-~]|$)/g, "\\\\")
        .replace(/[`*[\]<|~]/g, "\\$&")
        // `_` opens or closes emphasis only at a word's edge (not inside `s3_read`).
        .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
        // An entity reference (`&amp;`, `&#60;`) would be decoded.
        .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
        // What makes a line a heading, quote, list item, rule or setext underline.
        .replace(/^(\s*)([#>+=-])/, "$1\\$2")
        .replace(/^(\s*\d+)([.)])/, "$1\\$2"),
    )
    .join("  \n");
}

/** A fenced code block that the content cannot close. */
export function fenced(content: string, lang = ""): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${content}\n${fence}`;
}

function inlineCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${ticks}${pad}${text.replace(/\r?\n/g, " ")}${pad}${ticks}`;
}

/** The corrected document as Terraform and CloudFormation, each under its heading. */
function infraMarkdown(infra: InfraCodeModel[]): string[] {
  return infra.flatMap((c) => [`${escapeMarkdown(c.heading)}:`, "", fenced(c.text, c.language), ""]);
}

function cardMarkdown(card: CardModel, labels: ReportModel["labels"], level: number): string[] {
  const h = "#".repeat(level);
  const out: string[] = [`${h} ${escapeMarkdown(card.statusLabel)}: ${escapeMarkdown(card.title)}`, ""];
  out.push(`${labels.checkId}: ${inlineCode(card.id)}`, "");
  if (card.detail) out.push(escapeMarkdown(card.detail), "");
  if (card.unavailable) out.push(`${escapeMarkdown(labels.unavailable)}: ${escapeMarkdown(card.unavailable)}`, "");
  const ev = card.evidence;
  if (ev?.heading) out.push(`- ${escapeMarkdown(ev.heading)}`);
  if (ev?.unknownKeys) out.push(`- ${escapeMarkdown(ev.unknownKeys)}`);
  if (ev?.heading || ev?.unknownKeys) out.push("");
  const fix = card.fix;
  if (!fix) return out;
  out.push(`**${escapeMarkdown(labels.fix)}**`, "");
  const doc = fix.corrected;
  if (doc) {
    if (doc.stack) out.push(`> ${escapeMarkdown(doc.stack)}`, "");
    out.push(escapeMarkdown(doc.heading), "");
    if (doc.json !== null) out.push(fenced(doc.json, "json"), "");
    if (doc.changes.length) {
      out.push(escapeMarkdown(labels.changes), "");
      for (const c of doc.changes) out.push(`- ${escapeMarkdown(c)}`);
      out.push("");
    }
    if (doc.cli) out.push(`${escapeMarkdown(labels.cli)}:`, "", fenced(doc.cli, "sh"), "");
    out.push(...infraMarkdown(doc.infra));
  }
  if (fix.partOf) out.push(escapeMarkdown(fix.partOf.sentence), "");
  if (fix.notes.length) {
    for (const n of fix.notes) out.push(`- ${escapeMarkdown(n)}`);
    out.push("");
  }
  for (const alt of fix.alternatives) {
    out.push(escapeMarkdown(alt.heading), "");
    if (alt.json !== null) out.push(fenced(alt.json, "json"), "");
    if (alt.cli) out.push(`${escapeMarkdown(labels.cli)}:`, "", fenced(alt.cli, "sh"), "");
    if (alt.stack) out.push(`> ${escapeMarkdown(alt.stack)}`, "");
    out.push(...infraMarkdown(alt.infra));
  }
  if (fix.console.length) {
    out.push(`${escapeMarkdown(labels.console)}:`, "");
    fix.console.forEach((s, i) => out.push(`${i + 1}. ${escapeMarkdown(s)}`));
    out.push("");
  }
  return out;
}

/** The report as Markdown: verdict, target, summary, what to change, then every other check by step. */
export function reportToMarkdown(model: ReportModel, head: MarkdownHead): string {
  const l = model.labels;
  const out: string[] = [`# ${escapeMarkdown(head.title)}`, ""];
  if (head.link)
    out.push(`- ${escapeMarkdown(head.link.label)}: <${head.link.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
  if (head.expires) out.push(`- ${escapeMarkdown(head.expires.label)}: ${escapeMarkdown(head.expires.value)}`);
  if (model.generatedAt) out.push(`- ${escapeMarkdown(model.generatedAt)}`);
  out.push(`- ${escapeMarkdown(model.countsLine)}`, "");

  out.push(`## ${escapeMarkdown(l.verdict)}`, "", escapeMarkdown(model.verdict.sentence), "");

  out.push(`## ${escapeMarkdown(l.target)}`, "");
  for (const row of model.target) {
    if (row.kind === "block") out.push(`- ${escapeMarkdown(row.label)}:`, "", fenced(row.value), "");
    else if (row.kind === "code") out.push(`- ${escapeMarkdown(row.label)}: ${inlineCode(row.value)}`);
    else out.push(`- ${escapeMarkdown(row.label)}: ${escapeMarkdown(row.value)}`);
  }
  out.push("");

  if (model.problems.length) {
    out.push(`## ${escapeMarkdown(l.problems)}`, "");
    for (const c of model.problems) out.push(...cardMarkdown(c, l, 3));
  }
  const rest = model.steps
    .map((s) => ({ step: s, cards: s.cards.filter((c) => !c.problem) }))
    .filter((s) => s.cards.length);
  if (rest.length || model.cardCount === 0) {
    out.push(`## ${escapeMarkdown(model.problems.length ? l.others : l.findings)}`, "");
    if (model.cardCount === 0) out.push(escapeMarkdown(l.empty), "");
    for (const { step, cards } of rest) {
      out.push(`### ${escapeMarkdown(step.name)}`, "");
      for (const c of cards) out.push(...cardMarkdown(c, l, 4));
    }
  }
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}
