/** Test helper: evaluates one condition block against a context, as the engine does, and names the result. */
import { buildContext, describePrincipal } from "../../context";
import { parsePolicy } from "../../parse-policy";
import type { MatchResult } from "../../types";
import { compileCondition, evalConditions } from "../index";

const NAMES: MatchResult[] = ["no-match", "unknown", "match"];

export function check(
  condition: Record<string, Record<string, unknown>>,
  context: Record<string, string | string[]> = {},
  unknownKeys: string[] = [],
  principal = "arn:aws:iam::111122223333:user/importer",
): MatchResult {
  const { policy, issues } = parsePolicy({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: condition }],
  });
  if (!policy || issues.length) throw new Error(`bad test condition: ${JSON.stringify(issues)}`);
  const ctx = buildContext(
    { principal, action: "s3:GetObject", resource: "*", context, unknownKeys },
    describePrincipal(principal, "111122223333"),
  );
  const compiled = policy.statements[0].conditions.map((c) => compileCondition(c, true));
  return NAMES[evalConditions(compiled, ctx, null)];
}
