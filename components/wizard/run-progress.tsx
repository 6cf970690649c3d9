"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { StepId } from "@/lib/wizard/steps";
import type { StepProgress } from "@/lib/wizard/wizard-state";

/** While a job runs: the seconds so far and, in live mode, each step's reads as they start and end. */
export function RunProgress({ steps, live, progress }: { steps: StepId[]; live: boolean; progress: StepProgress }) {
  const t = useTranslations("wizard");
  const stepName = useTranslations("report.steps");
  const [seconds, setSeconds] = useState(0);
  const total = Object.values(progress).reduce(
    (a, p) => ({ started: a.started + (p?.started ?? 0), ended: a.ended + (p?.ended ?? 0) }),
    { started: 0, ended: 0 },
  );
  useEffect(() => {
    const id = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <div role="status" aria-live="polite" className="space-y-2 rounded border border-slate-300 bg-white p-3">
      <p className="font-medium">{live ? t("progress.live", { seconds }) : t("progress.offline")}</p>
      {total.started > 0 ? (
        <progress className="w-full" aria-label={t("progress.label")} max={total.started} value={total.ended} />
      ) : (
        <progress className="w-full" aria-label={t("progress.label")} />
      )}
      <ul className="grid gap-1 text-sm sm:grid-cols-2">
        {steps.map((s) => {
          const p = progress[s];
          const state = !live || !p ? "pending" : p.ended < p.started ? "reading" : "read";
          return (
            <li key={s} className="flex items-center gap-2" data-progress={s} data-state={state}>
              <span
                aria-hidden="true"
                className={`inline-block h-3 w-3 rounded-full ${state === "read" ? "bg-emerald-600" : "animate-pulse bg-blue-600"}`}
              />
              {stepName(s)}:{" "}
              {state === "pending"
                ? t("progress.pending")
                : t(`progress.${state}`, { ended: p?.ended ?? 0, started: p?.started ?? 0 })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
