/**
 * The results as the wizard shows them. What offline mode could not decide for lack of a paste (./offline-gaps.ts)
 * is said once: the verdict, made from the whole report, names it ("these N things could not be checked"), or, when
 * the verdict is about something else (a failing check), one line below it does; the steps, their badges and the
 * overview show the report without it, so that no step turns purple for it. Pure.
 */
import type { Report } from "@/lib/report/types";
import { reportModel, type ModelOptions, type ReportModel } from "@/lib/report/view-model";
import { offlineGaps, withoutOfflineGaps } from "./offline-gaps";

export interface ResultsModel {
  /** The steps' and overview's model, with the whole report's verdict. */
  model: ReportModel;
  /** The report the steps and the overview show. */
  shown: Report;
  /** The checks offline mode could not decide, in the page's language (the roll-up aside). */
  gaps: { id: string; title: string }[];
  /** Whether the verdict's sentence already names every one of them (then the line below it does not list them). */
  gapsNamed: boolean;
}

export function resultsModel(report: Report, opts: ModelOptions): ResultsModel {
  const whole = reportModel(report, opts);
  const gapFindings = offlineGaps(report);
  if (!gapFindings.length) return { model: whole, shown: report, gaps: [], gapsNamed: true };
  const ids = new Set(gapFindings.filter((f) => f.id !== "summary.next-steps").map((f) => f.id));
  const shown = withoutOfflineGaps(report);
  const gaps = whole.steps
    .flatMap((s) => s.cards)
    .filter((c) => ids.has(c.id))
    .map((c) => ({ id: c.id, title: c.title }));
  return {
    model: { ...reportModel(shown, opts), verdict: whole.verdict },
    shown,
    gaps,
    // (the verdict lists a few and counts the rest: then the line lists them all)
    gapsNamed: gaps.every((g) => whole.verdict.about.includes(g.id) && whole.verdict.sentence.includes(g.title)),
  };
}
