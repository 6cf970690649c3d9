/**
 * The report's words in each language (the `report` message namespace), and next-intl's own translator (from use-intl, the core next-intl re-exports) over them
 * (ICU plurals and selects), for code that runs outside React: the report page, the Markdown export, the CLI.
 */
import { _createCache, _createIntlFormatters, createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en/report.json";
import ja from "@/lib/i18n/messages/ja/report.json";
import type { ReportLocale } from "./types";

export type ReportMessages = typeof en;

export const REPORT_MESSAGES: Record<ReportLocale, ReportMessages> = { en, ja };

function makeTranslator(locale: ReportLocale, messages: ReportMessages) {
  return createTranslator({ locale, messages: { report: messages }, namespace: "report", _cache, _formatters });
}

export type ReportTranslator = ReturnType<typeof makeTranslator>;

// Making a translator costs about a millisecond; a formatted message is cheap once its format is cached. So each
// language's translator is made once and every one shares one cache of compiled formats.
const _cache = _createCache();
const _formatters = _createIntlFormatters(_cache);
const made = new Map<ReportLocale, WeakMap<ReportMessages, ReportTranslator>>();

/** `t(key, values)` over the `report` namespace of one language. */
export function reportTranslator(
  locale: ReportLocale,
  messages: ReportMessages = REPORT_MESSAGES[locale],
): ReportTranslator {
  let byMessages = made.get(locale);
  if (!byMessages) made.set(locale, (byMessages = new WeakMap()));
  let t = byMessages.get(messages);
  if (!t) byMessages.set(messages, (t = makeTranslator(locale, messages)));
  return t;
}
