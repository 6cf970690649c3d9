/**
 * A scrollable, keyboard-focusable block of code. Lines in `highlight` (0-based, inclusive ranges) are <mark>ed;
 * no words are added inside the block, so that what a reader selects and copies is the code itself. The same markup
 * as lib/report/render-html.ts draws on the shared page.
 */
export function CodeBlock({
  code,
  label,
  highlight = [],
  testId,
}: {
  code: string;
  label: string;
  highlight?: readonly (readonly [number, number])[];
  testId?: string;
}) {
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      data-testid={testId}
      className="max-h-96 overflow-auto rounded border border-slate-300 bg-slate-950 p-3 text-xs leading-5 text-slate-100 sm:text-sm"
    >
      <code>
        {highlight.length
          ? code.split("\n").map((line, i) =>
              highlight.some(([a, b]) => i >= a && i <= b) ? (
                <mark key={i} className="block bg-amber-300/30 text-inherit outline-1 outline-amber-300">
                  {line + "\n"}
                </mark>
              ) : (
                <span key={i} className="block">
                  {line + "\n"}
                </span>
              ),
            )
          : code}
      </code>
    </pre>
  );
}
