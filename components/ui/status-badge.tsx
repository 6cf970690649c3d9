import { useTranslations } from "next-intl";
import { BADGE_CLASS, STATUS_TOKENS, type StepStatus } from "@/lib/report/status";

/**
 * A status as a word with its colour and icon (never colour alone): the one badge of the app, drawn from the same
 * tokens as the shared page's (lib/report/render-html.ts).
 */
export function StatusBadge({ status }: { status: StepStatus }) {
  const t = useTranslations("report.statuses");
  const token = STATUS_TOKENS[status];
  return (
    <span className={`${BADGE_CLASS} ${token.badge}`} data-status={status}>
      <span aria-hidden="true">{token.icon}</span>
      {t(status)}
    </span>
  );
}
