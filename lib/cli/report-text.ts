/**
 * A report as text for people (the command line): the report model (lib/report/view-model.ts) laid out for a
 * terminal.
 * The verdict first, then what to change with each corrected document and its AWS CLI command, then every other
 * check by step, then the counts.
 */
import type { CheckStatus, Report, ReportLocale } from "@/lib/report/types";
import { reportModel, type CardModel } from "@/lib/report/view-model";
import { paint as paintIf } from "./colour";

const COLOUR: Record<CheckStatus, number> = { pass: 32, fail: 31, warn: 33, unknown: 35, skipped: 90 };

export interface FormatOptions {
  colour?: boolean;
  locale?: ReportLocale;
}

export function formatReportText(report: Report, opts: FormatOptions = {}): string {
  const model = reportModel(report, { locale: opts.locale ?? "en" });
  const l = model.labels;
  const paint = (code: number, s: string) => paintIf(!!opts.colour, code, s);
  const bold = (s: string) => paintIf(!!opts.colour, 1, s);
  const indent = (s: string, n: number) =>
    s
      .split("\n")
      .map((line) => (line ? " ".repeat(n) + line : line))
      .join("\n");

  const card = (c: CardModel): string[] => {
    const mark = `[${c.statusLabel.toLocaleUpperCase(model.locale)}]`;
    const out = [`  ${paint(COLOUR[c.status], mark)} ${c.title}  ${paint(90, c.id)}`];
    if (c.status !== "pass" && c.status !== "skipped" && c.detail) out.push(indent(c.detail, 6));
    if (c.unavailable) out.push(indent(`${l.unavailable}: ${c.unavailable}`, 6));
    if (c.status !== "pass" && c.status !== "skipped") {
      if (c.evidence?.heading) out.push(indent(c.evidence.heading, 6));
      if (c.evidence?.unknownKeys) out.push(indent(c.evidence.unknownKeys, 6));
    }
    const fix = c.fix;
    if (!fix) return out;
    out.push(indent(`${l.fix}:`, 6));
    const doc = fix.corrected;
    if (doc) {
      if (doc.stack) out.push(indent(`! ${doc.stack}`, 8));
      out.push(indent(doc.heading, 8));
      if (doc.json !== null) out.push(indent(doc.json, 10));
      if (doc.changes.length) out.push(indent(l.changes, 8), ...doc.changes.map((x) => indent(`- ${x}`, 10)));
      if (doc.cli) out.push(indent(`${l.cli}:`, 8), indent(doc.cli, 10));
      for (const c of doc.infra) out.push(indent(`${c.heading}:`, 8), indent(c.text.replace(/\n$/, ""), 10));
    }
    if (fix.partOf) out.push(indent(fix.partOf.sentence, 8));
    for (const n of fix.notes) out.push(indent(`! ${n}`, 8));
    for (const alt of fix.alternatives) {
      out.push(indent(alt.heading, 8));
      if (alt.json !== null) out.push(indent(alt.json, 10));
      if (alt.cli) out.push(indent(`${l.cli}:`, 8), indent(alt.cli, 10));
      if (alt.stack) out.push(indent(`! ${alt.stack}`, 8));
      for (const c of alt.infra) out.push(indent(`${c.heading}:`, 8), indent(c.text.replace(/\n$/, ""), 10));
    }
    if (fix.console.length) out.push(indent(`${l.console}:`, 8));
    for (const [i, s] of fix.console.entries()) out.push(indent(`${i + 1}. ${s}`, 10));
    return out;
  };

  const out: string[] = [bold(`S3 Access Doctor: ${report.target.bucketUri}`)];
  for (const row of model.target) out.push(indent(`${row.label}: ${row.value}`, 2));
  out.push("", bold(model.verdict.sentence));
  if (model.problems.length) {
    out.push("", bold(l.problems));
    for (const c of model.problems) out.push(...card(c));
  }
  const rest = model.steps
    .map((s) => ({ step: s, cards: s.cards.filter((c) => !c.problem) }))
    .filter((s) => s.cards.length);
  if (rest.length) out.push("", bold(model.problems.length ? l.others : l.findings));
  for (const { step, cards } of rest) {
    out.push("", bold(`${step.number}. ${step.name}`));
    for (const c of cards) out.push(...card(c));
  }
  out.push("", bold(model.countsLine));
  return out.join("\n") + "\n";
}
