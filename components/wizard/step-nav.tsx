"use client";

import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/status-badge";
import type { StepId, StepStatus } from "@/lib/wizard/steps";
import type { View } from "@/lib/wizard/wizard-state";

/** Overview, then the steps in catalogue order, each with its worst status. */
export function StepNav({
  steps,
  statusOf,
  active,
  onOpen,
  pending,
}: {
  steps: StepId[];
  statusOf: (s: StepId) => StepStatus;
  active: View;
  onOpen: (v: View) => void;
  pending?: (s: StepId) => boolean;
}) {
  const t = useTranslations("wizard");
  const stepName = useTranslations("report.steps");
  const item = (v: View, label: string, badge: React.ReactNode, n?: number) => (
    <li key={v}>
      <a
        href={`#step-${v}`}
        aria-current={active === v ? "step" : undefined}
        onClick={(e) => {
          e.preventDefault();
          onOpen(v);
        }}
        className={`flex items-center justify-between gap-2 rounded px-3 py-2 text-sm ${
          active === v ? "bg-blue-700 font-semibold text-white" : "text-slate-900 hover:bg-slate-100"
        }`}
      >
        <span>
          {n !== undefined ? `${n}. ` : ""}
          {label}
        </span>
        {badge}
      </a>
    </li>
  );
  return (
    <nav aria-label={t("nav.label")}>
      <ol className="space-y-1">
        {item("overview", t("nav.overview"), null)}
        {steps.map((s, i) =>
          item(
            s,
            stepName(s),
            pending?.(s) ? (
              <span className="text-xs">{t("progress.pending")}</span>
            ) : (
              <StatusBadge status={statusOf(s)} />
            ),
            i + 1,
          ),
        )}
      </ol>
    </nav>
  );
}
