/** Pretty-prints a policy with the line range of each statement, so that a statement can be pointed at. */

type Doc = Record<string, unknown>;

export interface FormattedDocument {
  /** Exactly JSON.stringify(doc, null, 2). */
  text: string;
  /** For statement i: its first and last line (0-based, inclusive) in `text`. */
  statementLines: [number, number][];
}

/** Pretty-prints like JSON.stringify(doc, null, 2) and records where each statement sits. */
export function formatWithStatementLines(doc: unknown): FormattedDocument {
  const text = JSON.stringify(doc, null, 2) ?? "null";
  const statementLines: [number, number][] = [];
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return { text, statementLines };
  const lines: string[] = ["{"];
  const entries = Object.entries(doc as Doc).filter(([, v]) => v !== undefined);
  entries.forEach(([k, v], idx) => {
    const comma = idx < entries.length - 1 ? "," : "";
    const block = (JSON.stringify(v, null, 2) ?? "null").split("\n");
    if (k === "Statement" && Array.isArray(v) && v.length > 0) {
      lines.push(`  ${JSON.stringify(k)}: [`);
      v.forEach((st, i) => {
        const stLines = (JSON.stringify(st, null, 2) ?? "null").split("\n").map((l) => `    ${l}`);
        if (i < v.length - 1) stLines[stLines.length - 1] += ",";
        statementLines.push([lines.length, lines.length + stLines.length - 1]);
        lines.push(...stLines);
      });
      lines.push(`  ]${comma}`);
      return;
    }
    const first = lines.length;
    const indented = block.map((l, i) => (i === 0 ? `  ${JSON.stringify(k)}: ${l}` : `  ${l}`));
    indented[indented.length - 1] += comma;
    lines.push(...indented);
    if (k === "Statement" && v !== null && typeof v === "object") statementLines.push([first, lines.length - 1]);
  });
  lines.push("}");
  const built = entries.length === 0 ? "{}" : lines.join("\n");
  // Safety net: if the reconstruction ever differs from JSON.stringify, show the document without highlights.
  return built === text ? { text, statementLines } : { text, statementLines: [] };
}
