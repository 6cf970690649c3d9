import { useTranslations } from "next-intl";
import { BADGE_CLASS } from "@/lib/report/status";
import type { StepStatus } from "@/lib/wizard/steps";

export const STATUS_STYLE: Record<StepStatus, { badge: string; icon: string; fill: string; stroke: string }> = {
  fail: { badge: "bg-red-100 text-red-900 border-red-700", icon: "✕", fill: "#fee2e2", stroke: "#b91c1c" },
  warn: { badge: "bg-amber-100 text-amber-900 border-amber-700", icon: "!", fill: "#fef3c7", stroke: "#b45309" },
  unknown: { badge: "bg-violet-100 text-violet-900 border-violet-700", icon: "?", fill: "#ede9fe", stroke: "#6d28d9" },
  pass: { badge: "bg-emerald-100 text-emerald-900 border-emerald-700", icon: "✓", fill: "#d1fae5", stroke: "#047857" },
  skipped: { badge: "bg-slate-100 text-slate-800 border-slate-500", icon: "–", fill: "#f1f5f9", stroke: "#64748b" },
  none: { badge: "bg-white text-slate-700 border-slate-400", icon: "·", fill: "#ffffff", stroke: "#94a3b8" },
};

/** Status as text and colour (never colour alone). */
export function StatusBadge({ status }: { status: StepStatus }) {
  const t = useTranslations("findings.status");
  const s = STATUS_STYLE[status];
  return (
    <span className={`${BADGE_CLASS} ${s.badge}`} data-status={status}>
      <span aria-hidden="true">{s.icon}</span>
      {t(status)}
    </span>
  );
}
