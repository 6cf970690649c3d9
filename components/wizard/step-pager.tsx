"use client";

import { useTranslations } from "next-intl";
import type { StepId } from "@/lib/wizard/steps";
import type { View } from "@/lib/wizard/wizard-state";

/** Back and next buttons under the overview and each step, in the step nav's order. */
export function StepPager({ steps, view, onOpen }: { steps: StepId[]; view: View; onOpen: (v: View) => void }) {
  const t = useTranslations("wizard");
  const stepName = useTranslations("report.steps");
  const order: View[] = ["overview", ...steps];
  const i = order.indexOf(view);
  const prev = i > 0 ? order[i - 1] : null;
  const next = i < order.length - 1 ? order[i + 1] : null;
  const label = (v: View) => (v === "overview" ? t("nav.overview") : stepName(v));
  return (
    <nav aria-label={t("nav.pager")} className="flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-4">
      {prev ? (
        <button
          type="button"
          onClick={() => onOpen(prev)}
          className="rounded border border-slate-400 bg-white px-3 py-2 text-sm hover:bg-slate-100"
        >
          ← {t("nav.previous", { step: label(prev) })}
        </button>
      ) : (
        <span />
      )}
      {next ? (
        <button
          type="button"
          onClick={() => onOpen(next)}
          className="rounded bg-slate-800 px-3 py-2 text-sm font-medium text-white hover:bg-slate-900"
        >
          {t("nav.next", { step: label(next) })} →
        </button>
      ) : null}
    </nav>
  );
}
