/**
 * Statuses as people see them: severity (worst first), the order of findings, and the tokens every surface draws a
 * status with (a word always goes with the colour; the icon is a second cue, never the only one).
 */
import type { CheckStatus, Finding } from "./types";

/** What a step shows: a check status, or "none" when nothing ran for it. */
export type StepStatus = CheckStatus | "none";

/** Worst first: a fail outweighs a warning, which outweighs an unknown, then pass, then skipped. */
const SEVERITY: Record<StepStatus, number> = { fail: 5, warn: 4, unknown: 3, pass: 2, skipped: 1, none: 0 };

export function worstStatus(statuses: Iterable<CheckStatus>): StepStatus {
  let worst: StepStatus = "none";
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

/** Failing first: by severity, then in the report's (catalogue) order. */
export function sortFindings<F extends Pick<Finding, "status">>(findings: readonly F[]): F[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY[b.f.status] - SEVERITY[a.f.status] || a.i - b.i)
    .map(({ f }) => f);
}

export interface StatusToken {
  /** A second cue beside the word (hidden from screen readers). */
  icon: string;
  /** Classes of the badge (the word). */
  badge: string;
  /** Classes of a finding card's left border. */
  border: string;
  /** Colours of the access-path picture. */
  fill: string;
  stroke: string;
}

/** Tailwind classes are written out in full so that the report page's stylesheet finds them (build-report-css). */
export const STATUS_TOKENS: Record<StepStatus, StatusToken> = {
  fail: {
    icon: "✕",
    badge: "bg-red-100 text-red-900 border-red-700",
    border: "border-l-red-700",
    fill: "#fee2e2",
    stroke: "#b91c1c",
  },
  warn: {
    icon: "!",
    badge: "bg-amber-100 text-amber-900 border-amber-700",
    border: "border-l-amber-600",
    fill: "#fef3c7",
    stroke: "#b45309",
  },
  unknown: {
    icon: "?",
    badge: "bg-violet-100 text-violet-900 border-violet-700",
    border: "border-l-violet-700",
    fill: "#ede9fe",
    stroke: "#6d28d9",
  },
  pass: {
    icon: "✓",
    badge: "bg-emerald-100 text-emerald-900 border-emerald-700",
    border: "border-l-emerald-700",
    fill: "#d1fae5",
    stroke: "#047857",
  },
  skipped: {
    icon: "–",
    badge: "bg-slate-100 text-slate-800 border-slate-500",
    border: "border-l-slate-400",
    fill: "#f1f5f9",
    stroke: "#64748b",
  },
  none: {
    icon: "·",
    badge: "bg-white text-slate-700 border-slate-400",
    border: "border-l-slate-300",
    fill: "#ffffff",
    stroke: "#94a3b8",
  },
};

/** The classes every badge shares, around its token's colours. */
export const BADGE_CLASS =
  "inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-semibold";
