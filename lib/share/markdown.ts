/**
 * Markdown export of a shared report, for a support ticket. Pure.
 * Text from the report is escaped so that a Markdown renderer shows it as text (no HTML, no links it did not have);
 * JSON and commands go into fenced blocks whose fence is longer than any backtick run inside.
 */
import { STEPS, type Finding, type Report } from "@/lib/report/types";

export interface MarkdownLabels {
  title: string;
  link: string;
  expires: string;
  summaryLine: (counts: Report["summary"]) => string;
  target: string;
  fields: Record<string, string>;
  mode: string;
  modes: Record<string, string>;
  findings: string;
  steps: Record<string, string>;
  statuses: Record<string, string>;
  checkId: string;
  evidence: string;
  document: string;
  statementIndex: (index: number) => string;
  sid: string;
  unknownKeys: string;
  unavailable: string;
  fix: string;
  after: (document: string) => string;
  cli: string;
  console: string;
  generatedAt: (time: string) => string;
}

/** Escapes text for Markdown: HTML is neutralised, Markdown punctuation is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~-])/g, "\\$1")
    .replace(/\r?\n/g, "  \n");
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

function findingMarkdown(f: Finding, l: MarkdownLabels): string[] {
  const out: string[] = [];
  out.push(`#### ${escapeMarkdown(l.statuses[f.status] ?? f.status)}: ${escapeMarkdown(f.title)}`, "");
  out.push(`${l.checkId}: ${inlineCode(f.id)}`, "");
  if (f.detail) out.push(escapeMarkdown(f.detail), "");
  const ev = f.evidence;
  if (ev && (ev.document || typeof ev.statement === "number" || ev.sid)) {
    const parts: string[] = [];
    if (typeof ev.document === "string") parts.push(`${l.document} ${inlineCode(ev.document)}`);
    if (typeof ev.statement === "number") parts.push(escapeMarkdown(l.statementIndex(ev.statement)));
    if (typeof ev.sid === "string") parts.push(`${l.sid} ${inlineCode(ev.sid)}`);
    out.push(`- ${l.evidence}: ${parts.join(", ")}`);
    if (Array.isArray(ev.unknownKeys) && ev.unknownKeys.length) {
      out.push(`- ${l.unknownKeys}: ${ev.unknownKeys.map((k) => inlineCode(String(k))).join(", ")}`);
    }
    out.push("");
  }
  if (f.unavailable) out.push(`${l.unavailable}: ${escapeMarkdown(f.unavailable)}`, "");
  if (f.fix) {
    out.push(`**${l.fix}**`, "");
    if (f.fix.after)
      out.push(escapeMarkdown(l.after(f.fix.document)), "", fenced(JSON.stringify(f.fix.after, null, 2), "json"), "");
    if (f.fix.cli) out.push(`${l.cli}:`, "", fenced(f.fix.cli, "sh"), "");
    const notes = (f.fix as { notes?: unknown }).notes;
    if (Array.isArray(notes)) {
      for (const n of notes) if (typeof n === "string") out.push(`- ${escapeMarkdown(n)}`);
      out.push("");
    }
    if (f.fix.console?.length) {
      out.push(`${l.console}:`, "");
      f.fix.console.forEach((s, i) => out.push(`${i + 1}. ${escapeMarkdown(s)}`));
      out.push("");
    }
  }
  return out;
}

export function reportToMarkdown(
  report: Report,
  l: MarkdownLabels,
  meta: { url?: string; expiresAt?: string } = {},
): string {
  const out: string[] = [`# ${l.title}`, ""];
  if (meta.url) out.push(`- ${l.link}: <${meta.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
  if (meta.expiresAt) out.push(`- ${l.expires}: ${escapeMarkdown(meta.expiresAt)}`);
  if (report.generatedAt) out.push(`- ${escapeMarkdown(l.generatedAt(report.generatedAt))}`);
  out.push(`- ${escapeMarkdown(l.summaryLine(report.summary))}`, "");

  out.push(`## ${l.target}`, "");
  out.push(`- ${l.mode}: ${escapeMarkdown(l.modes[report.target.mode] ?? report.target.mode)}`);
  for (const key of ["bucketUri", "roleArn", "externalId", "tidbAccountId", "accessKeyId", "region"] as const) {
    const v = report.target[key];
    if (v) out.push(`- ${l.fields[key] ?? key}: ${inlineCode(v)}`);
  }
  if (report.target.errorMessage)
    out.push(`- ${l.fields.errorMessage ?? "errorMessage"}:`, "", fenced(report.target.errorMessage));
  out.push("", `## ${l.findings}`, "");
  for (const step of STEPS) {
    const findings = report.findings.filter((f) => f.step === step);
    if (!findings.length) continue;
    out.push(`### ${escapeMarkdown(l.steps[step] ?? step)}`, "");
    for (const f of findings) out.push(...findingMarkdown(f, l));
  }
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}
