/** A scrollable, keyboard-focusable block of code; lines in `highlight` (0-based, inclusive) are marked. */
export function CodeBlock({
  code,
  label,
  highlight,
  highlightLabel,
  testId,
}: {
  code: string;
  label: string;
  highlight?: [number, number] | null;
  highlightLabel?: string;
  testId?: string;
}) {
  const lines = code.split("\n");
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      data-testid={testId}
      className="max-h-96 overflow-auto rounded border border-slate-300 bg-slate-950 p-3 text-xs leading-5 text-slate-100 sm:text-sm"
    >
      <code>
        {highlight
          ? lines.map((line, i) => {
              const on = i >= highlight[0] && i <= highlight[1];
              return (
                <span key={i} className={on ? "block bg-amber-300/30 outline-1 outline-amber-300" : "block"}>
                  {on && i === highlight[0] && highlightLabel ? (
                    <span className="sr-only">{highlightLabel}: </span>
                  ) : null}
                  {line || " "}
                </span>
              );
            })
          : code}
      </code>
    </pre>
  );
}
