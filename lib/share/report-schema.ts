import { z } from "zod";
import { STATUSES, STEPS, type Report } from "@/lib/report/types";
import { TargetSchema } from "@/lib/snapshot/schema";
import { formatPath } from "./json-path";
import { findSecret } from "./secret-scan";

/**
 * Validation of a report (v1) received for sharing. Pure: used by the API and by the tests.
 * Objects are loose (unknown fields are kept) so that later optional fields of the report survive a share;
 * every string anywhere in the document is still scanned for secrets.
 */

/** Largest report body the API accepts, in bytes. */
export const DEFAULT_MAX_REPORT_BYTES = 512 * 1024;

const JsonObject = z.record(z.string(), z.unknown());

const FixSchema = z.looseObject({
  document: z.string().max(2048),
  before: JsonObject.nullable(),
  after: JsonObject.nullable(),
  cli: z.string().max(16_384),
  console: z.array(z.string().max(4096)).max(50).optional(),
});

const FindingSchema = z.looseObject({
  id: z.string().min(1).max(200),
  step: z.enum(STEPS),
  status: z.enum(STATUSES),
  title: z.string().max(2000),
  detail: z.string().max(50_000),
  evidence: JsonObject.optional(),
  fix: FixSchema.optional(),
  unavailable: z.string().max(4000).optional(),
});

const SummarySchema = z.object({
  pass: z.number().int().min(0),
  fail: z.number().int().min(0),
  warn: z.number().int().min(0),
  unknown: z.number().int().min(0),
  skipped: z.number().int().min(0),
});

export const ReportSchema = z.looseObject({
  version: z.literal(1),
  target: TargetSchema.loose(),
  findings: z.array(FindingSchema).max(1000),
  summary: SummarySchema,
  generatedAt: z.string().max(100).optional(),
});

export type ReportCheck =
  | { ok: true; report: Report }
  | { ok: false; code: "invalid-report" | "secret-detected"; path: string; message: string };

/** Checks shape and refuses secrets. Never throws; the message names the JSON path, never the secret. */
export function checkReport(raw: unknown): ReportCheck {
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = formatPath(issue?.path ?? []);
    return { ok: false, code: "invalid-report", path, message: `${path}: ${issue?.message ?? "invalid"}` };
  }
  const secret = findSecret(parsed.data);
  if (secret) {
    return {
      ok: false,
      code: "secret-detected",
      path: secret.path,
      message: `${secret.path}: looks like ${secret.kind === "secret-access-key" ? "an AWS secret access key" : "an AWS session token"}; remove it and share again (reports never hold secrets)`,
    };
  }
  return { ok: true, report: parsed.data as unknown as Report };
}
