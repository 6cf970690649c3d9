/**
 * Fuzzing authorization questions through the evaluate command's validation: mutated questions (and random text)
 * never throw; an accepted question gets an answer; a rejected one exits 2 with one line per problem naming its
 * JSON path (`request.action: required`). Run in-process on `run()` of lib/cli/commands/evaluate.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CliUsageError } from "@/lib/cli/args";
import { run as evaluateCli } from "@/lib/cli/commands/evaluate";
import { evaluate } from "@/lib/policy";
import { checkQuestionInput } from "@/lib/policy/question-schema";
import { expectClearMessage, fuzzParams, fuzzTimeout, jsonFiles, junk, mutated } from "./support";

const QUESTIONS = jsonFiles("lib/policy/__fixtures__")
  .map((f) => (f.value as { question: unknown }).question)
  .filter(Boolean);
const question = fc.oneof(
  { weight: 6, arbitrary: mutated(QUESTIONS) },
  { weight: 1, arbitrary: fc.array(mutated(QUESTIONS), { maxLength: 3 }) },
  { weight: 1, arbitrary: junk },
);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "s3doctor-fuzz-q-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `evaluate --input FILE --json` in this process; returns the exit status and what it wrote. */
async function cli(text: string) {
  const file = join(dir, "q.json");
  writeFileSync(file, text);
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await evaluateCli(["--input", file, "--json"]);
    return { code, out, err };
  } catch (x) {
    // main.ts turns a usage error into exit 2 with its message
    if (x instanceof CliUsageError) return { code: 2, out, err: err + x.message };
    throw x;
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("fuzz: authorization questions", () => {
  it(
    "checkQuestionInput never throws; every problem is `path: message`; accepted questions are answered",
    () => {
      fc.assert(
        fc.property(question, (q) => {
          const check = checkQuestionInput(q);
          if (check.ok) {
            for (const one of Array.isArray(q) ? q : [q]) expect(typeof evaluate(one).decision).toBe("string");
          } else {
            expect(check.problems.length).toBeGreaterThan(0);
            for (const p of check.problems) {
              // starts with the JSON path: the root, an index of a list, or a field of the question
              expect(p).toMatch(
                /^(\(root\)|\[\d+\]|request|principalAccount|resourceAccount|identityPolicies|permissionsBoundary|sessionPolicy|resourcePolicy)[^\n]*: \S/,
              );
              expectClearMessage(p, { maxLength: 2000 });
            }
          }
        }),
        fuzzParams(400),
      );
    },
    fuzzTimeout(400),
  );

  it(
    "the evaluate command exits 0 with JSON answers or 2 with a message naming --input and the path",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 5, arbitrary: question.map((q) => JSON.stringify(q) ?? "null") },
            { weight: 1, arbitrary: fc.string() },
          ),
          async (text) => {
            const r = await cli(text);
            expect([0, 2]).toContain(r.code);
            if (r.code === 0) {
              const answers = JSON.parse(r.out) as unknown;
              for (const a of Array.isArray(answers) ? answers : [answers])
                expect(["allow", "explicit-deny", "implicit-deny", "unknown"]).toContain(
                  (a as { decision: string }).decision,
                );
            } else {
              expect(r.err).toMatch(/^--input: /);
              expectClearMessage(r.err);
            }
          },
        ),
        fuzzParams(100, 0.1),
      );
    },
    fuzzTimeout(100, 0.1, 40),
  );
});
