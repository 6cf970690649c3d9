import "server-only";
import { createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en/share.json";
import ja from "@/lib/i18n/messages/ja/share.json";
import type { Report, ReportLocale } from "@/lib/report/types";
import { reportModel } from "@/lib/report/view-model";
import { reportToMarkdown } from "./markdown";

type ShareMessages = typeof en;
const MESSAGES: Record<ReportLocale, ShareMessages> = { en, ja };

/** The `share` messages of a locale. */
export function shareMessages(locale: ReportLocale): ShareMessages {
  return MESSAGES[locale];
}

/** The Markdown export of a report in one language, with the link it was shared under and its expiry. */
export function reportMarkdown(
  report: Report,
  locale: ReportLocale,
  meta: { url?: string; expiresAt?: string } = {},
): string {
  const t = createTranslator({ locale, messages: { share: MESSAGES[locale] }, namespace: "share.markdown" });
  return reportToMarkdown(reportModel(report, { locale }), {
    title: t("title"),
    ...(meta.url ? { link: { label: t("link"), url: meta.url } } : {}),
    ...(meta.expiresAt ? { expires: { label: t("expires"), value: meta.expiresAt } } : {}),
  });
}
