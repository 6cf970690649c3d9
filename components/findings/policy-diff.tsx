import { diffLines } from "diff";
import { useTranslations } from "next-intl";

/** Line diff of two JSON documents; added and removed lines carry a +/− sign and a hidden word, not colour alone. */
export function PolicyDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useTranslations("findings.fix");
  const a = before == null ? "" : JSON.stringify(before, null, 2) + "\n";
  const b = after == null ? "" : JSON.stringify(after, null, 2) + "\n";
  const parts = diffLines(a, b);
  return (
    <pre
      tabIndex={0}
      aria-label={t("diffLabel")}
      data-testid="policy-diff"
      className="max-h-96 overflow-auto rounded border border-slate-300 bg-white p-3 text-xs leading-5 sm:text-sm"
    >
      <code>
        {parts.flatMap((p, i) =>
          p.value
            .replace(/\n$/, "")
            .split("\n")
            .map((line, j) => (
              <span
                key={`${i}-${j}`}
                className={
                  p.added
                    ? "block bg-emerald-100 text-emerald-950"
                    : p.removed
                      ? "block bg-red-100 text-red-950"
                      : "block text-slate-700"
                }
              >
                {p.added ? (
                  <span className="sr-only">{t("added")} </span>
                ) : p.removed ? (
                  <span className="sr-only">{t("removed")} </span>
                ) : null}
                <span aria-hidden="true">{p.added ? "+ " : p.removed ? "− " : "  "}</span>
                {line}
              </span>
            )),
        )}
      </code>
    </pre>
  );
}
