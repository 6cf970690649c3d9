/**
 * One corrected document per policy. When several findings edit the same document, each fix builds on the earlier
 * ones (`fix.includesFixesOf`), so only the last fix of a chain is the complete document: that one is shown, once,
 * and every finding of the chain points at the lines it changed in it. A first, incomplete document that would leave
 * a check failing is never shown on its own. Pure.
 */
import { diffLines } from "diff";
import { formatWithStatementLines } from "./document-lines";
import type { Finding, Fix } from "./types";

type FixedFinding = Finding & { fix: Fix };

export interface DocumentChain {
  document: string;
  /** Findings whose fixes build this document, in report order. */
  members: FixedFinding[];
  /** The last member: its `after` holds every member's change. */
  final: FixedFinding;
  /** The document before any of these fixes: the first member's `before`. */
  original: Fix["before"];
  /** Lines (0-based, inclusive) of the final document that each member's change touched, by finding id. */
  lines: Map<string, [number, number][]>;
}

/** The chains of the report's fixes, each finding with a fix in exactly one, by finding id. */
export function documentChains(findings: readonly Finding[]): Map<string, DocumentChain> {
  const chainOf = new Map<string, FixedFinding[]>();
  for (const f of findings) {
    if (!f.fix) continue;
    const fixed: FixedFinding = { ...f, fix: f.fix };
    let members: FixedFinding[] = [];
    for (const id of f.fix.includesFixesOf ?? []) {
      const earlier = chainOf.get(id);
      // Only an earlier fix of the same document can be included; anything else is ignored.
      if (earlier && earlier[0].fix.document === f.fix.document && !members.includes(earlier[0])) {
        members = [...members, ...earlier];
      }
    }
    members = [...new Set([...members, fixed])].sort((a, b) => indexOf(findings, a) - indexOf(findings, b));
    for (const m of members) chainOf.set(m.id, members);
  }
  const out = new Map<string, DocumentChain>();
  const built = new Map<FixedFinding[], DocumentChain>();
  for (const [id, members] of chainOf) {
    let chain = built.get(members);
    if (!chain) {
      const final = members[members.length - 1];
      chain = {
        document: final.fix.document,
        members,
        final,
        original: members[0].fix.before,
        lines: changedLines(members, final.fix.after),
      };
      built.set(members, chain);
    }
    out.set(id, chain);
  }
  return out;
}

function indexOf(findings: readonly Finding[], f: Finding): number {
  return findings.findIndex((x) => x.id === f.id);
}

function statementsOf(doc: unknown): unknown[] {
  if (!doc || typeof doc !== "object") return [];
  const s = (doc as { Statement?: unknown }).Statement;
  return Array.isArray(s) ? s : s && typeof s === "object" ? [s] : [];
}

function sidOf(statement: unknown): string | null {
  const sid = statement && typeof statement === "object" ? (statement as { Sid?: unknown }).Sid : undefined;
  return typeof sid === "string" && sid !== "" ? sid : null;
}

/**
 * For each member, the statements its fix added or changed, found in the final document: the same statement, else
 * the statement with the same Sid (a later fix changed it further), else the same position.
 */
function changedLines(members: FixedFinding[], final: Fix["after"]): Map<string, [number, number][]> {
  const formatted = formatWithStatementLines(final);
  const finalStatements = statementsOf(final).map((s) => JSON.stringify(s));
  const lines = new Map<string, [number, number][]>();
  for (const m of members) {
    const before = new Set(statementsOf(m.fix.before).map((s) => JSON.stringify(s)));
    const ranges: [number, number][] = [];
    statementsOf(m.fix.after).forEach((statement, i) => {
      const text = JSON.stringify(statement);
      if (before.has(text)) return;
      let at = finalStatements.indexOf(text);
      const sid = sidOf(statement);
      if (at < 0 && sid) at = statementsOf(final).findIndex((s) => sidOf(s) === sid);
      if (at < 0 && i < finalStatements.length) at = i;
      const range = formatted.statementLines[at];
      if (range && !ranges.some((r) => r[0] === range[0])) ranges.push(range);
    });
    lines.set(
      m.id,
      ranges.sort((a, b) => a[0] - b[0]),
    );
  }
  return lines;
}

export interface DiffLine {
  sign: "+" | "-" | " ";
  text: string;
}

/** Line diff of two documents as printed (JSON, two-space indent). */
export function documentDiff(before: unknown, after: unknown): DiffLine[] {
  const a = before == null ? "" : JSON.stringify(before, null, 2) + "\n";
  const b = after == null ? "" : JSON.stringify(after, null, 2) + "\n";
  return diffLines(a, b).flatMap((part) =>
    part.value
      .replace(/\n$/, "")
      .split("\n")
      .map((text): DiffLine => ({ sign: part.added ? "+" : part.removed ? "-" : " ", text })),
  );
}
