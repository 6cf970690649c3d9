"use client";

import { useTranslations } from "next-intl";
import type { ReportModel, StepModel } from "@/lib/report/view-model";
import { FindingCard, type ShowDocument } from "./finding-card";

/** A step's findings from the report model, failing first. */
export function FindingList({
  step,
  labels,
  onShowDocument,
}: {
  step: StepModel | undefined;
  labels: ReportModel["labels"];
  onShowDocument: ShowDocument;
}) {
  const t = useTranslations("report.sections");
  if (!step?.cards.length) return <p className="text-slate-700">{t("noneInStep")}</p>;
  return (
    <div className="space-y-3">
      {step.cards.map((c) => (
        <FindingCard key={c.id} card={c} labels={labels} onShowDocument={onShowDocument} />
      ))}
    </div>
  );
}
