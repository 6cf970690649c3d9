/** `evaluate --input FILE|- [--json] [--explain]`: answers authorization questions with the policy engine. */
import { CliUsageError, parseCliArgs, parseJsonInput, readInput } from "../args";
import { paint as paintIf, useColour as colourWanted } from "../colour";
import { evaluate } from "@/lib/policy";
import { checkQuestionInput } from "@/lib/policy/question-schema";
import type { Answer, AuthorizationQuestion } from "@/lib/policy";

export const usage = `Usage: npm run --silent cli -- evaluate --input FILE|- [--json] [--explain]

Answers one authorization question (or a JSON list of them) with the offline IAM policy engine: no network.

Options:
  --input FILE   the question as JSON ("-" reads standard input); see README, "Authorization question"
  --json         print the answer as JSON (a list for a list of questions)
  --explain      include the per-statement explanations

Exit status: 0 when the question is well formed, whatever the decision (allow, explicit-deny, implicit-deny or
unknown): read the decision from the output. 2 for bad input (the message names the option or the JSON path).`;

function plain(a: Answer, explain: boolean, colour: boolean): string {
  const paint = (code: number, s: string) => paintIf(colour, code, s);
  const c = a.decision === "allow" ? 32 : a.decision === "unknown" ? 33 : 31;
  const lines = [`${paint(c, a.decision.toUpperCase())}: ${a.reason}`];
  for (const m of a.matched) {
    lines.push(
      `  ${m.effect.padEnd(5)} ${m.policy} statement ${m.statement}${m.sid ? ` (Sid ${m.sid})` : ""}${m.undecided ? " [undecided]" : ""}`,
    );
  }
  if (a.unknownKeys.length) lines.push(`  depends on: ${a.unknownKeys.join(", ")}`);
  if (explain) {
    for (const e of a.explanations ?? []) {
      const failed = (e.failedConditions ?? [])
        .map((f) => `${f.operator} ${f.key}${f.undecided ? "?" : ""}`)
        .join("; ");
      lines.push(
        `    ${e.policy} #${e.statement}${e.sid ? ` ${e.sid}` : ""} ${e.effect}: action ${e.action}, resource ${e.resource}, principal ${e.principal}, condition ${e.condition}${failed ? ` (${failed})` : ""} => ${e.applies}`,
      );
    }
  }
  return lines.join("\n");
}

function forJson(a: Answer, explain: boolean) {
  const { decision, reason, matched, unknownKeys } = a;
  return explain
    ? { decision, reason, matched, unknownKeys, explanations: a.explanations ?? [] }
    : { decision, reason, matched, unknownKeys };
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, {
    input: { type: "string" },
    json: { type: "boolean" },
    explain: { type: "boolean" },
  });
  if (!values.input) throw new CliUsageError("--input: required (a file, or - for standard input)");
  const input = parseJsonInput(readInput(values.input, "--input"), "--input");
  const check = checkQuestionInput(input);
  if (!check.ok) {
    process.stderr.write(
      `--input: not a valid authorization question:\n${check.problems.map((p) => `  ${p}`).join("\n")}\n`,
    );
    return 2;
  }
  const many = Array.isArray(input);
  const questions = (many ? input : [input]) as AuthorizationQuestion[];
  const answers = questions.map(evaluate);
  const explain = values.explain === true;
  if (values.json) {
    const out = answers.map((a) => forJson(a, explain));
    process.stdout.write(JSON.stringify(many ? out : out[0], null, 2) + "\n");
  } else {
    const colour = colourWanted();
    process.stdout.write(
      answers.map((a, i) => (many ? `[${i}] ` : "") + plain(a, explain, colour)).join("\n\n") + "\n",
    );
  }
  return 0;
}
