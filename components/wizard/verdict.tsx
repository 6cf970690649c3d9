import { STATUS_TOKENS } from "@/lib/report/status";
import type { ReportModel } from "@/lib/report/view-model";

/** The verdict: the one sentence at the top of the results (the shared page opens with the same box). */
export function Verdict({ model }: { model: ReportModel }) {
  const { kind, sentence } = model.verdict;
  const tone = STATUS_TOKENS[kind === "fails" ? "fail" : kind === "clean" ? "pass" : "warn"];
  return (
    <section
      aria-labelledby="verdict-title"
      className={`space-y-1 rounded-lg border border-l-4 border-slate-200 bg-white p-4 ${tone.border}`}
    >
      <h2 id="verdict-title" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        {model.labels.verdict}
      </h2>
      <p className="text-lg font-medium text-slate-900" data-verdict={kind}>
        {sentence}
      </p>
    </section>
  );
}
