import type { DiffLine } from "@/lib/report/view-model";

/** A line diff from the report model; added and removed lines carry a +/− sign and a hidden word, not colour alone. */
export function PolicyDiff({
  lines,
  labels,
}: {
  lines: DiffLine[];
  labels: { diffLabel: string; added: string; removed: string };
}) {
  return (
    <pre
      tabIndex={0}
      aria-label={labels.diffLabel}
      data-testid="policy-diff"
      className="max-h-96 overflow-auto rounded border border-slate-300 bg-white p-3 text-xs leading-5 sm:text-sm"
    >
      <code>
        {lines.map((l, i) => (
          <span
            key={i}
            className={
              l.sign === "+"
                ? "block bg-emerald-100 text-emerald-950"
                : l.sign === "-"
                  ? "block bg-red-100 text-red-950"
                  : "block text-slate-700"
            }
          >
            {l.sign === "+" ? (
              <span className="sr-only">{labels.added} </span>
            ) : l.sign === "-" ? (
              <span className="sr-only">{labels.removed} </span>
            ) : null}
            <span aria-hidden="true">{l.sign === "+" ? "+ " : l.sign === "-" ? "− " : "  "}</span>
            {l.text + "\n"}
          </span>
        ))}
      </code>
    </pre>
  );
}
