/**
 * Walks every JSON case of lib/policy/__fixtures__/<area>/*.json. A file holds one case or a list of cases:
 * { name, rule, question, expected: { decision, matched?, unknownKeys? } }. `rule` names the AWS rule encoded.
 * To reproduce a bug, add a case.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { applyingExplanations, evaluate, evaluateMany } from "./index";
import type { AuthorizationQuestion, Decision } from "./types";
import { parsePolicy } from "./parse-policy";

interface FixtureCase {
  name: string;
  rule: string;
  question: AuthorizationQuestion;
  expected: {
    decision: Decision;
    matched?: { policy: string; statement: number; effect?: string }[];
    unknownKeys?: string[];
  };
}

const root = join(__dirname, "__fixtures__");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : [],
  );
}

const files = walk(root).sort();
const cases = files.flatMap((f) => {
  const data = JSON.parse(readFileSync(f, "utf8")) as FixtureCase | FixtureCase[];
  return (Array.isArray(data) ? data : [data]).map((c) => ({ file: relative(root, f), c }));
});

function statementCount(q: AuthorizationQuestion): number {
  const docs = [
    ...(Array.isArray(q.identityPolicies) ? q.identityPolicies : []),
    q.permissionsBoundary,
    q.sessionPolicy,
    q.resourcePolicy,
  ];
  return docs.reduce<number>(
    (n, d) => n + (d === null || d === undefined ? 0 : (parsePolicy(d).policy?.statements.length ?? 0)),
    0,
  );
}

describe("policy engine fixtures", () => {
  it("has at least 80 cases, each naming the AWS rule it encodes", () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    for (const { file, c } of cases) {
      expect(c.name, file).toBeTruthy();
      expect(c.rule, file).toBeTruthy();
    }
  });

  for (const { file, c } of cases) {
    it(`${file}: ${c.name}`, () => {
      // given the question of the case, when the engine evaluates it
      const answer = evaluate(c.question);
      // then the decision is the one the AWS rule gives
      expect(answer.decision, `${c.rule}\nreason: ${answer.reason}`).toBe(c.expected.decision);
      expect(answer.reason).not.toMatch(/^(could not evaluate|malformed question)/);
      for (const m of c.expected.matched ?? []) {
        expect(answer.matched, `expected ${JSON.stringify(m)} in matched`).toContainEqual(expect.objectContaining(m));
      }
      if (c.expected.matched && c.expected.matched.length === 0)
        expect(answer.matched.filter((x) => !x.undecided)).toEqual([]);
      if (c.expected.unknownKeys) expect([...answer.unknownKeys].sort()).toEqual([...c.expected.unknownKeys].sort());
      // every statement of every policy considered is explained, and the matched ones apply
      const ex = answer.explanations ?? [];
      expect(ex).toHaveLength(statementCount(c.question));
      for (const m of answer.matched) {
        const e = ex.find((x) => x.policy === m.policy && x.statement === m.statement);
        expect(e?.applies, JSON.stringify(m)).toBe(m.undecided ? "unknown" : "match");
      }
    });
  }

  it("answers every case the same when its documents were asked about before (the compiled forms)", () => {
    const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    for (const { file, c } of cases) {
      const q = structuredClone(c.question);
      const first = json(evaluate(q));
      // other resources first, so that the statements of the action are listed and their patterns compiled
      for (const resource of ["arn:aws:s3:::other/k", "arn:aws:s3:::other", c.question.request?.resource])
        evaluate({ ...q, request: { ...q.request, resource } });
      expect(json(evaluate(q)), file).toEqual(first);
    }
  });

  it("explains the statements that apply or may apply without the others, as explanations would", () => {
    for (const { file, c } of cases) {
      const applying = applyingExplanations(evaluate(structuredClone(c.question)));
      const all = evaluate(structuredClone(c.question)).explanations ?? [];
      expect(applying, file).toEqual(all.filter((e) => e.applies !== "no-match"));
    }
  });

  it("evaluateMany answers every case in order", () => {
    const answers = evaluateMany(cases.map(({ c }) => c.question));
    expect(answers.map((a) => a.decision)).toEqual(cases.map(({ c }) => c.expected.decision));
  });
});
