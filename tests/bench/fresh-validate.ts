/**
 * engine.fresh_validate_ms (informational): validatePolicy, which checks every action against the IAM action
 * catalogue, on the documents of fresh questions. Not on the evaluate command's path (a question is checked with
 * zod, its documents are not linted), but the catalogue's verdicts per action spelling are shared by every question.
 */
import { validatePolicy, type PolicyKind } from "@/lib/policy";
import { cacheStats, resetCacheStats } from "@/lib/policy/cache-stats";
import { freshQuestion } from "./fresh-questions";
import type { Figure } from "./run";
import { cpu, median, quantile } from "./timing";

const ROUNDS = 3;
const PER_ROUND = 60;

interface Docs {
  identityPolicies: unknown[];
  permissionsBoundary: unknown;
  resourcePolicy: unknown;
  request: { action: string };
}

/** Every document of one question, with its kind; returns how many issues were found. */
async function validateAll(q: Docs): Promise<number> {
  let n = 0;
  for (const p of q.identityPolicies) n += (await validatePolicy(p, "identity")).length;
  n += (await validatePolicy(q.permissionsBoundary, "identity")).length;
  const kind: PolicyKind = q.request.action.startsWith("kms:") ? "key" : "bucket";
  n += (await validatePolicy(q.resourcePolicy, kind)).length;
  return n;
}

export async function freshValidateFigure(): Promise<Figure> {
  let issues = 0;
  // Warm-up: other questions, so that the catalogue's files are read and the JIT has settled.
  for (let i = 0; i < 20; i++) issues += await validateAll(JSON.parse(freshQuestion(2_000_000 + i).text) as Docs);
  resetCacheStats();
  const rounds: number[][] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const times: number[] = [];
    for (let i = 0; i < PER_ROUND; i++) {
      const q = JSON.parse(freshQuestion(3_000_000 + r * PER_ROUND + i).text) as Docs;
      const c0 = cpu();
      issues += await validateAll(q);
      times.push(cpu() - c0);
    }
    rounds.push(times);
  }
  const meds = rounds.map(median);
  const all = rounds.flat();
  const a = cacheStats.actions;
  return {
    name: "engine.fresh_validate_ms",
    value: Number(median(meds).toFixed(3)),
    unit: "ms",
    how: `informational: per question, validatePolicy of its 22 documents (20 identity policies and the boundary as "identity", the bucket or key policy), CPU time of the process, ${ROUNDS} rounds of ${PER_ROUND} fresh questions (tests/bench/fresh-questions.ts) after 20 others; median of the round medians; round medians ${meds.map((x) => x.toFixed(3)).join(", ")} ms; p10 ${quantile(all, 0.1).toFixed(3)}, p90 ${quantile(all, 0.9).toFixed(3)} ms; ${issues} issues found (the generator spells actions in any case: none should be an error); the IAM action catalogue's verdict per action spelling is looked up once and shared: ${a.hits} hits of ${a.lookups} lookups in the measured rounds. Not part of engine.fresh_question_ms: the evaluate command does not lint documents`,
  };
}
