"use client";

import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Report } from "@/lib/report/types";
import { accessPath } from "@/lib/wizard/access-path";
import type { StepId } from "@/lib/wizard/steps";
import type { View } from "@/lib/wizard/wizard-state";
import { AccessPathPicture } from "./access-path-picture";
import { StepPager } from "./step-pager";

/** The results' first page: the counts, the access path coloured by the checks, and the problems to fix. */
export function Overview({
  report,
  mode,
  steps,
  onOpen,
}: {
  report: Report;
  mode: "role" | "access-key";
  steps: StepId[];
  onOpen: (v: View) => void;
}) {
  const t = useTranslations("wizard");
  const problems = report.findings.filter((f) => f.status === "fail" || f.status === "warn");
  return (
    <section aria-labelledby="overview-title" className="space-y-5">
      <h2 id="overview-title" className="text-xl font-semibold">
        {t("overview.title")}
      </h2>
      <p className="text-slate-800">
        {t("overview.summary", {
          fail: report.summary.fail,
          warn: report.summary.warn,
          unknown: report.summary.unknown,
          pass: report.summary.pass,
        })}
      </p>
      <AccessPathPicture hops={accessPath(report, mode)} onOpen={onOpen} />
      <div className="space-y-2">
        <h3 className="font-semibold">{problems.length > 0 ? t("overview.problems") : t("overview.noProblems")}</h3>
        {problems.length > 0 ? (
          <ul className="space-y-1">
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
                <span className="text-sm text-slate-600">({t(`steps.${f.step}.title`)})</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <StepPager steps={steps} view="overview" onOpen={onOpen} />
    </section>
  );
}
