"use client";

import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Report } from "@/lib/report/types";
import type { ReportModel } from "@/lib/report/view-model";
import { accessPath } from "@/lib/wizard/access-path";
import type { StepId } from "@/lib/wizard/steps";
import type { View } from "@/lib/wizard/wizard-state";
import { AccessPathPicture } from "./access-path-picture";
import { StepPager } from "./step-pager";

/** The results' first page: the counts, the access path coloured by the checks, and the problems, failing first. */
export function Overview({
  model,
  report,
  mode,
  steps,
  onOpen,
}: {
  model: ReportModel;
  report: Report;
  mode: "role" | "access-key";
  steps: StepId[];
  onOpen: (v: View) => void;
}) {
  const t = useTranslations("wizard");
  const problems = model.problems;
  return (
    <section aria-labelledby="overview-title" className="space-y-5">
      <h2 id="overview-title" className="text-xl font-semibold">
        {t("overview.title")}
      </h2>
      <p className="text-slate-800">{model.countsLine}</p>
      <AccessPathPicture hops={accessPath(report, mode)} onOpen={onOpen} />
      <div className="space-y-2">
        <h3 className="font-semibold">{problems.length > 0 ? t("overview.problems") : t("overview.noProblems")}</h3>
        {problems.length > 0 ? (
          <ul className="space-y-1" data-testid="overview-problems">
            {problems.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-2">
                <StatusBadge status={f.status} />
                <a
                  href={`#step-${f.step}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(f.step);
                  }}
                  className="text-blue-800 underline"
                >
                  {f.title}
                </a>
                <span className="text-sm text-slate-600">({f.stepName})</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <StepPager steps={steps} view="overview" onOpen={onOpen} />
    </section>
  );
}
