/** Preformatted JSON or command text. Content is rendered as text by React, never as HTML. */
export function CodeBlock({ children, label }: { children: string; label?: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="max-h-[28rem] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-50"
    >
      <code>{children}</code>
    </pre>
  );
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
