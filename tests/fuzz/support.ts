/**
 * Seeded fuzzing helpers. `npm test` runs small counts; `npm run fuzz` sets FUZZ_RUNS (e.g. 20000) for large ones.
 * FUZZ_SEED replays a run (fast-check prints the seed and the shrunk counterexample of a failure).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const BASE_RUNS = Number(process.env.FUZZ_RUNS ?? 0);

/** fast-check parameters: `small` runs in `npm test`; with FUZZ_RUNS, that many × weight (heavier properties use less). */
export function fuzzParams(small: number, weight = 1): fc.Parameters<unknown> {
  const numRuns = BASE_RUNS > 0 ? Math.max(small, Math.round(BASE_RUNS * weight)) : small;
  return { seed: SEED, numRuns, endOnFailure: true };
}

/** A test timeout that grows with the run count (the large runs of `npm run fuzz`). */
export function fuzzTimeout(small: number, weight = 1, msPerRun = 20): number {
  const runs = BASE_RUNS > 0 ? Math.max(small, Math.round(BASE_RUNS * weight)) : small;
  return Math.max(60_000, runs * msPerRun);
}

/** Every *.json under a folder, parsed (fixtures are the seeds of the mutations). */
export function jsonFiles(dir: string): { file: string; value: unknown }[] {
  const out: { file: string; value: unknown }[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (e.endsWith(".json")) out.push({ file: p, value: JSON.parse(readFileSync(p, "utf8")) });
  }
  return out;
}

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

/** Strings that have broken parsers before: huge, control characters, wildcards, ARN-ish, JSON-ish, prototype keys. */
const NASTY = fc.constantFrom(
  "",
  " ",
  "*",
  "?",
  "${aws:username}",
  "arn:aws:s3:::",
  "arn:aws:iam::*:role/*",
  "arn:aws:kms:us-east-1:111122223333:key/",
  "s3:",
  ":",
  "__proto__",
  "constructor",
  "\u0000",
  "\ud800",
  "💥",
  "a".repeat(5000),
  "{}",
  "[]",
  "null",
  "2012-10-17",
  "NaN",
  "-1",
  "1e309",
);

/** Any JSON-ish value a user could paste, plus the nasty strings. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: NASTY },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER) },
);

interface Mutation {
  at: number;
  kind: number;
  value: unknown;
}

function applyMutation(doc: unknown, m: Mutation): unknown {
  const all = paths(doc);
  const path = all[m.at % all.length];
  if (path.length === 0) return m.kind % 4 === 0 ? [doc] : m.value;
  const parentPath = path.slice(0, -1);
  let parent: unknown = doc;
  for (const p of parentPath) parent = (parent as Record<string | number, unknown>)[p];
  const key = path[path.length - 1];
  const obj = parent as Record<string | number, unknown>;
  switch (m.kind % 7) {
    case 0: // remove the field (or the array element)
      if (Array.isArray(obj)) obj.splice(key as number, 1);
      else delete obj[key];
      break;
    case 1: // wrap the value in an array
      obj[key] = [obj[key]];
      break;
    case 2: // turn a string into a number or a number into a string
      obj[key] = typeof obj[key] === "string" ? 42 : (JSON.stringify(obj[key]) ?? "undefined");
      break;
    case 3: // duplicate an array element or add a stray field
      if (Array.isArray(obj)) obj.push(structuredClone(obj[key as number]));
      else obj[`${String(key)}X`] = m.value;
      break;
    default: // replace with junk
      obj[key] = m.value;
  }
  return doc;
}

/** A seed document changed in 1 to 4 places (removals, type changes, junk values, wrappers). */
export function mutated(seeds: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      fc.nat({ max: seeds.length - 1 }),
      fc.array(fc.record({ at: fc.nat(), kind: fc.nat({ max: 6 }), value: junk }), { minLength: 1, maxLength: 4 }),
    )
    .map(([i, ms]) => ms.reduce<unknown>((doc, m) => applyMutation(doc, m), structuredClone(seeds[i])));
}

/**
 * A user-facing message: a plain sentence, no stack trace, no "[object Object]". `maxLength` bounds messages that must
 * not grow with the input (API answers); the engine's messages may quote the value the user wrote.
 */
export function expectClearMessage(message: unknown, opts: { maxLength?: number } = {}): void {
  expect(typeof message).toBe("string");
  const m = message as string;
  expect(m.trim().length).toBeGreaterThan(0);
  if (opts.maxLength !== undefined) expect(m.length).toBeLessThanOrEqual(opts.maxLength);
  expect(m).not.toContain("[object Object]");
  expect(m).not.toMatch(/\n\s+at .+:\d+:\d+/);
}
