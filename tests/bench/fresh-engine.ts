/**
 * engine.fresh_question_ms and engine.fresh_vs_parse_ratio: what one question of the import's shape costs when the
 * engine has never seen its documents (a user's question), against JSON.parse of the same text (the floor).
 */
import { evaluate, type AuthorizationQuestion } from "@/lib/policy";
import { cacheStats, resetCacheStats, type CacheName } from "@/lib/policy/cache-stats";
import { checkQuestionInput } from "@/lib/policy/question-schema";
import { freshQuestion } from "./fresh-questions";
import type { Figure } from "./run";
import { cpu, median, quantile, wall } from "./timing";

const ROUNDS = 5;
const PER_ROUND = 300;
const BATCH = 50;

/** One question the way the evaluate command handles it: JSON text in, checked, answered. */
function answer(text: string): string {
  const q = JSON.parse(text) as AuthorizationQuestion;
  const check = checkQuestionInput(q);
  if (!check.ok) throw new Error(`the bench's question is malformed: ${check.problems.join("; ")}`);
  return evaluate(q).decision;
}

interface Round {
  engine: number[];
  parse: number[];
  ratios: number[];
  engineWall: number[];
}

function round(first: number, decisions: Map<string, number>, sink: { n: number }): Round {
  const out: Round = { engine: [], parse: [], ratios: [], engineWall: [] };
  for (let b = 0; b < PER_ROUND; b += BATCH) {
    // Generated before timing, a batch at a time (the texts of a whole round would hold ~30 MB).
    const texts = Array.from({ length: BATCH }, (_, i) => freshQuestion(first + b + i).text);
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i];
      let tEngine = 0;
      let tParse = 0;
      // Alternate which goes first, so that neither always finds the text in the CPU's cache.
      for (const which of i % 2 ? [0, 1] : [1, 0]) {
        const w0 = wall();
        const c0 = cpu();
        if (which === 0) {
          const d = answer(text);
          tEngine = cpu() - c0;
          out.engineWall.push(wall() - w0);
          decisions.set(d, (decisions.get(d) ?? 0) + 1);
        } else {
          sink.n += (JSON.parse(text) as { identityPolicies: unknown[] }).identityPolicies.length;
          tParse = cpu() - c0;
        }
      }
      out.engine.push(tEngine);
      out.parse.push(tParse);
      out.ratios.push(tEngine / Math.max(tParse, 0.001));
    }
  }
  return out;
}

/** Caches keyed by content or by document identity must not have answered; the bench fails if one did. */
const CONTENT: CacheName[] = ["documents", "conditions", "arnPatterns", "wildcards", "principals", "ipAddresses"];

function cacheProof(): string {
  const hit = CONTENT.filter((c) => cacheStats[c].hits > 0);
  if (hit.length)
    throw new Error(`fresh questions were answered from a cache: ${hit.map((c) => `${c} ${cacheStats[c].hits}`)}`);
  const list = (names: CacheName[]) =>
    names.map((c) => `${c} ${cacheStats[c].hits} of ${cacheStats[c].lookups}`).join(", ");
  return `cache hits during the measured rounds (lib/policy/cache-stats.ts): content ${list(CONTENT)}; vocabulary operators ${cacheStats.operators.hits} of ${cacheStats.operators.lookups}`;
}

export function freshFigures(): Figure[] {
  const sink = { n: 0 };
  const warm = new Map<string, number>();
  // Warm-up: other questions (seeds of their own), so that the JIT has settled.
  round(1_000_000, warm, sink);
  const decisions = new Map<string, number>();
  resetCacheStats();
  const rounds = Array.from({ length: ROUNDS }, (_, k) => round(k * PER_ROUND, decisions, sink));
  if (sink.n < 0) console.log(sink.n);
  const caches = cacheProof();
  const medEngine = rounds.map((r) => median(r.engine));
  const medParse = rounds.map((r) => median(r.parse));
  const medRatio = rounds.map((r) => median(r.ratios));
  const medWall = rounds.map((r) => median(r.engineWall));
  const all = rounds.flatMap((r) => r.engine);
  const mean = all.reduce((a, b) => a + b, 0) / all.length;
  const fmt = (xs: number[], d = 3) => xs.map((x) => x.toFixed(d)).join(", ");
  const decided = [...decisions].map(([d, n]) => `${d} ${n}`).join(", ");
  const shape = `${ROUNDS} rounds of ${PER_ROUND} fresh questions (after a warm-up round of ${PER_ROUND} others), each with its own documents: 20 identity policies + a permissions boundary + the bucket or key policy, 20 statements each, most with conditions; every question has its own account, bucket, role, session, key, Sids, condition values, statement order and action spellings (tests/bench/fresh-questions.ts); the import's 5 requests in turn; answers: ${decided}; ${caches}`;
  return [
    {
      name: "engine.fresh_question_ms",
      value: Number(median(medEngine).toFixed(3)),
      unit: "ms",
      how: `per question, JSON.parse of its text + checkQuestionInput (zod) + evaluate() (explanations not read), one process, timed one question at a time in CPU time of the process (user + system, garbage collection included): median of the round medians; round medians ${fmt(medEngine)} ms (wall: ${fmt(medWall)} ms); over all questions mean ${mean.toFixed(3)}, p10 ${quantile(all, 0.1).toFixed(3)}, p90 ${quantile(all, 0.9).toFixed(3)}, max ${Math.max(...all).toFixed(3)} ms. ${shape}`,
    },
    {
      name: "engine.fresh_vs_parse_ratio",
      value: Number(median(medRatio).toFixed(2)),
      unit: "ratio",
      how: `per question, the time of engine.fresh_question_ms ÷ JSON.parse of the same text timed (CPU time) right before or after it, alternately, in the same run; median of the round medians of the per-question ratios; round medians ${fmt(medRatio, 2)}; JSON.parse alone: round medians ${fmt(medParse)} ms. ${shape}`,
    },
  ];
}
