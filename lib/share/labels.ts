import "server-only";
import en from "@/lib/i18n/messages/en/share.json";
import ja from "@/lib/i18n/messages/ja/share.json";
import type { MarkdownLabels } from "./markdown";

type ShareMessages = typeof en;
const MESSAGES: Record<string, ShareMessages> = { en, ja };

/** Replaces `{name}` placeholders (the messages use no other ICU syntax). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** The `share` messages of a locale (English for any other value). */
export function shareMessages(locale: string | null | undefined): ShareMessages {
  return MESSAGES[locale ?? ""] ?? en;
}

/** Labels of the Markdown export in one language. */
export function markdownLabels(locale: string | null | undefined): MarkdownLabels {
  const m = shareMessages(locale);
  const r = m.report;
  return {
    title: m.markdown.title,
    link: m.markdown.link,
    expires: m.markdown.expires,
    summaryLine: (c) => fill(m.markdown.summaryLine, c),
    target: r.target,
    fields: r.fields,
    mode: r.mode,
    modes: r.modes,
    findings: r.findings,
    steps: r.steps,
    statuses: r.statuses,
    checkId: r.checkId,
    evidence: r.evidence,
    document: r.document,
    statementIndex: (index) => fill(r.statementIndex, { index }),
    sid: r.sid,
    unknownKeys: r.unknownKeys,
    unavailable: r.unavailable,
    fix: r.fix,
    after: (document) => fill(r.after, { document }),
    cli: r.cli,
    console: r.console,
    generatedAt: (time) => fill(r.generatedAt, { time }),
  };
}
