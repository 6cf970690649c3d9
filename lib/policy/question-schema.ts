/**
 * zod schema of the authorization question (interface contract "Authorization question"), for the command line and
 * any other boundary that receives a question as JSON. evaluate() itself accepts anything and never throws.
 */
import { z } from "zod";

const contextValue = z.union([z.string(), z.array(z.string())]);

const questionSchema = z.object({
  request: z.object({
    principal: z.string().min(1),
    action: z.string().regex(/^[^:\s]+:[^:\s]+$/, 'must be "service:Action", e.g. "s3:GetObject"'),
    resource: z.string().min(1),
    context: z.record(z.string(), contextValue).optional(),
    unknownKeys: z.array(z.string()).optional(),
    partialContext: z
      .record(
        z.string(),
        z.union([
          z.object({ prefix: z.string(), orAbsent: z.boolean().optional() }).strict(),
          z.object({ oneOf: z.array(z.string()).min(1), orAbsent: z.boolean().optional() }).strict(),
        ]),
      )
      .optional(),
  }),
  principalAccount: z.string().min(1),
  resourceAccount: z.string().min(1),
  identityPolicies: z.array(z.unknown()),
  permissionsBoundary: z.unknown().optional(),
  sessionPolicy: z.unknown().optional(),
  resourcePolicy: z.unknown().optional(),
});

/** Formats a path like ["request", "action"] or [0, "request"] as `request.action` / `[0].request`. */
function formatPath(path: readonly PropertyKey[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || "(root)";
}

/** Validates a question or a list of questions; the problems name their JSON path (`request.action: required`). */
export function checkQuestionInput(input: unknown): { ok: true } | { ok: false; problems: string[] } {
  const schema = Array.isArray(input) ? z.array(questionSchema) : questionSchema;
  const r = schema.safeParse(input);
  if (r.success) return { ok: true };
  const problems = r.error.issues.map((i) => {
    const missing = i.code === "invalid_type" && /received undefined/.test(i.message);
    return `${formatPath(i.path)}: ${missing ? "required" : i.message}`;
  });
  return { ok: false, problems };
}
