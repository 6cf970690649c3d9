/**
 * Fixes are proven before they are shown. After the checks ran, every fix is applied to a copy of the snapshot (in
 * report order, each `after` building on the earlier fixes of its document) and every check of the catalogue runs
 * again. The report keeps a fix only when
 * - it changes its document (a corrected document identical to the current one is no fix),
 * - its own check is `pass` once the fixes are applied, and
 * - no check that did not fail before fails after.
 * A fix that breaks a rule is withheld: its check runs again with a private workspace (later fixes no longer build on
 * it), keeps its status, and its finding says in words why no document is shown. Then the proof runs again, until
 * every remaining fix holds. The common case (every fix holds) costs one more analysis of the fixed snapshot, whose
 * unchanged documents are shared with the original so that the engine's compiled policies are reused.
 */
import type { CheckStatus, Fix, StepId } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { applyFixList } from "@/lib/fixes/apply";
import type { Check, Outcome } from "./types";
import { l } from "./types";

export interface Withheld {
  /** unchanged: the document would not change; still-failing: its check stays failing; breaks-other: another fails. */
  reason: "unchanged" | "still-failing" | "breaks-other";
  document: string;
  /** still-failing: the status the check keeps with the fix applied. */
  status?: CheckStatus;
  /** breaks-other: the checks that fail once the fix is applied. */
  checks?: string[];
}

type Result = { check: Check; outcome: Outcome };
type Runner = (
  checks: readonly Check[],
  snapshot: Snapshot,
  opts: { now: Date; steps?: StepId[]; withheld?: ReadonlyMap<string, Withheld> },
) => Promise<Result[]>;

/** JSON with object keys sorted: two documents that differ only in key order are the same document. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

const STATUS_JA: Record<CheckStatus, string> = {
  pass: "合格",
  fail: "不合格",
  warn: "警告",
  unknown: "不明",
  skipped: "対象外",
};

/** The finding without its fix, saying why the corrected document is not shown. */
export function withholdFix(outcome: Outcome, w: Withheld): Outcome {
  const rest: Outcome = { ...outcome };
  delete rest.fix;
  delete rest.fixText;
  const why =
    w.reason === "unchanged"
      ? l("it would leave the document unchanged", "ドキュメントが変わらない")
      : w.reason === "still-failing"
        ? l(
            `this check would still be ${w.status ?? "failing"} with it`,
            `適用してもこのチェックが「${STATUS_JA[w.status ?? "fail"]}」のままになる`,
          )
        : l(
            `it would make ${(w.checks ?? []).join(", ")} fail`,
            `適用すると ${(w.checks ?? []).join("、")} が失敗する`,
          );
  return {
    ...rest,
    detail: l(
      `${outcome.detail.en} No corrected document is shown: tried on this configuration, ${why.en}. Make the change described here in ${w.document} by hand, then run the check again.`,
      `${outcome.detail.ja}修正後のドキュメントは表示していません。この構成で試したところ、${why.ja}ためです。ここで説明した変更を ${w.document} に手作業で行い、もう一度チェックを実行してください。`,
    ),
    evidence: { ...(outcome.evidence ?? {}), fixWithheld: { ...w } },
  };
}

function statusesOf(results: readonly Result[]): Map<string, CheckStatus> {
  return new Map(results.map((r) => [r.check.id, r.outcome.status]));
}

/** The snapshot with the fixes applied, as the proof analyses it (AWS's verdicts on the old setup do not carry over). */
function fixedSnapshot(snapshot: Snapshot, fixes: readonly Fix[]): Snapshot {
  const s = applyFixList(snapshot, fixes, "shared");
  delete s.simulation;
  delete s.groundTruth;
  return s;
}

/** What is wrong with the fixes once the first `upTo` of them are applied, or null. */
function problemAt(
  fixed: readonly Result[],
  upTo: number,
  after: Map<string, CheckStatus>,
  before: Map<string, CheckStatus>,
): { index: number; withheld: Withheld } | null {
  for (let i = 0; i < upTo; i++) {
    const status = after.get(fixed[i].check.id);
    if (status !== "pass") {
      return {
        index: i,
        withheld: { reason: "still-failing", document: fixed[i].outcome.fix!.document, status: status ?? "unknown" },
      };
    }
  }
  const broken = [...after].filter(([id, s]) => s === "fail" && before.get(id) !== "fail").map(([id]) => id);
  if (broken.length) {
    return {
      index: upTo - 1,
      withheld: { reason: "breaks-other", document: fixed[upTo - 1].outcome.fix!.document, checks: broken },
    };
  }
  return null;
}

/**
 * A fix's alternatives (another way to the same result, e.g. the guide's key user instead of an identity grant) are
 * proven the same way, each set on its own: applied instead of that fix, with every other fix, they turn the check to
 * pass and make no other check fail. Alternatives that do not are dropped (with the note that describes them).
 */
async function proveAlternatives(
  checks: readonly Check[],
  snapshot: Snapshot,
  results: Result[],
  baseline: Map<string, CheckStatus>,
  now: Date,
  run: Runner,
): Promise<Result[]> {
  const out: Result[] = [];
  for (const r of results) {
    const alternatives = r.outcome.fix?.alternatives;
    if (!alternatives?.length) {
      out.push(r);
      continue;
    }
    const others = results.filter((x) => x !== r && x.outcome.fix).map((x) => x.outcome.fix!);
    const unchanged = alternatives.some((a) => canonicalJson(a.before) === canonicalJson(a.after));
    const after = unchanged
      ? null
      : statusesOf(await run(checks, fixedSnapshot(snapshot, [...others, ...alternatives]), { now }));
    const holds =
      after !== null &&
      after.get(r.check.id) === "pass" &&
      ![...after].some(([id, s]) => s === "fail" && baseline.get(id) !== "fail");
    if (holds) {
      out.push(r);
      continue;
    }
    const fix = { ...r.outcome.fix! };
    delete fix.alternatives;
    const fixText = { ...r.outcome.fixText };
    delete fixText.alternative;
    out.push({ ...r, outcome: { ...r.outcome, fix, fixText } });
  }
  return out;
}

/**
 * Runs the checks and proves their fixes (see the file comment). `opts.steps` limits the findings returned, never
 * the proof: a fix must keep every check of the catalogue from newly failing.
 */
export async function proveFixes(
  checks: readonly Check[],
  snapshot: Snapshot,
  opts: { now: Date; steps?: StepId[]; locale?: "en" | "ja" },
  run: Runner,
): Promise<Result[]> {
  const withheld = new Map<string, Withheld>();
  let results = await run(checks, snapshot, { ...opts, withheld });
  let baseline: Map<string, CheckStatus> | null = null;
  // Each round withholds one more check's fix: the number of checks bounds the rounds.
  for (let round = 0; round <= checks.length; round++) {
    const fixed = results.filter((r) => r.outcome.fix);
    if (fixed.length === 0) return results;
    const unchanged = fixed.filter((r) => canonicalJson(r.outcome.fix!.before) === canonicalJson(r.outcome.fix!.after));
    if (unchanged.length) {
      for (const r of unchanged) withheld.set(r.check.id, { reason: "unchanged", document: r.outcome.fix!.document });
      results = await run(checks, snapshot, { ...opts, withheld });
      continue;
    }
    baseline ??= opts.steps ? statusesOf(await run(checks, snapshot, { now: opts.now })) : statusesOf(results);
    const fixes = fixed.map((r) => r.outcome.fix!);
    const all = statusesOf(await run(checks, fixedSnapshot(snapshot, fixes), { now: opts.now }));
    let problem = problemAt(fixed, fixed.length, all, baseline);
    if (!problem) return proveAlternatives(checks, snapshot, results, baseline, opts.now, run);
    if (fixed.length > 1) {
      // Which fix is at fault: apply them one more at a time, the first that breaks a rule is withheld.
      let before = baseline;
      for (let k = 1; k <= fixed.length; k++) {
        const after =
          k === fixed.length
            ? all
            : statusesOf(await run(checks, fixedSnapshot(snapshot, fixes.slice(0, k)), { now: opts.now }));
        const p = problemAt(fixed, k, after, before);
        if (p) {
          problem = p;
          break;
        }
        before = after;
      }
    }
    withheld.set(fixed[problem.index].check.id, problem.withheld);
    results = await run(checks, snapshot, { ...opts, withheld });
  }
  // Not reached in practice (each round withholds one more fix); never show a fix the proof did not accept.
  return results.map((r) =>
    r.outcome.fix
      ? { ...r, outcome: withholdFix(r.outcome, { reason: "still-failing", document: r.outcome.fix.document }) }
      : r,
  );
}
