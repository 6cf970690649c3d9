import { useTranslations } from "next-intl";
import type { CheckStatus } from "@/lib/report/types";

const STYLES: Record<CheckStatus, string> = {
  fail: "bg-red-100 text-red-900 ring-red-300",
  warn: "bg-amber-100 text-amber-900 ring-amber-300",
  unknown: "bg-violet-100 text-violet-900 ring-violet-300",
  pass: "bg-green-100 text-green-900 ring-green-300",
  skipped: "bg-slate-100 text-slate-800 ring-slate-300",
};

/** A finding's status as a word (never colour alone). */
export function StatusBadge({ status }: { status: CheckStatus }) {
  const t = useTranslations("share.report.statuses");
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ring-1 ${STYLES[status] ?? STYLES.unknown}`}
    >
      {t(status)}
    </span>
  );
}
