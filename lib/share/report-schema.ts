import { z } from "zod";
import { ReportSchema } from "@/lib/report/schema";
import type { SecretKind } from "@/lib/security/secrets";
import type { Report } from "@/lib/report/types";
import { formatPath } from "./json-path";
import { findSecret } from "./secret-scan";

/**
 * Validation of a report (v1) received for sharing or loaded from the store, with the report's own schema
 * (lib/report/schema.ts). Pure: used by the API, the store and the tests.
 */

/** Largest report body the API accepts, in bytes. */
export const DEFAULT_MAX_REPORT_BYTES = 512 * 1024;

export type ReportShape = { ok: true; report: Report } | { ok: false; path: string; message: string };

/** Checks the shape only. Never throws; the message starts with the JSON path of the first problem. */
export function parseReport(raw: unknown, locale: "en" | "ja" = "en"): ReportShape {
  // The share page shows the problem in its language (zod's own Japanese messages); the API answers in English.
  const parsed = ReportSchema.safeParse(raw, locale === "ja" ? { error: z.locales.ja().localeError } : undefined);
  if (parsed.success) return { ok: true, report: parsed.data };
  const issue = parsed.error.issues[0];
  const path = formatPath(issue?.path ?? []);
  return { ok: false, path, message: `${path}: ${issue?.message ?? "invalid"}` };
}

export type ReportCheck =
  | { ok: true; report: Report }
  | { ok: false; code: "invalid-report"; path: string; message: string }
  | { ok: false; code: "secret-detected"; path: string; message: string; kind: SecretKind };

/** Checks shape and refuses secrets. Never throws; the message names the JSON path, never the secret. */
export function checkReport(raw: unknown, locale: "en" | "ja" = "en"): ReportCheck {
  const shape = parseReport(raw, locale);
  if (!shape.ok) return { ok: false, code: "invalid-report", path: shape.path, message: shape.message };
  const secret = findSecret(shape.report);
  if (secret) {
    return {
      ok: false,
      code: "secret-detected",
      path: secret.path,
      kind: secret.kind,
      message: `${secret.path}: looks like ${secret.kind === "secret-access-key" ? "an AWS secret access key" : "an AWS session token"}; remove it and share again (reports never hold secrets)`,
    };
  }
  return shape;
}
