"use server";

import { z } from "zod";
import { analyzeSnapshot } from "@/lib/checks";
import { log } from "@/lib/log";
import { logAction } from "./log-action";
import type { Report } from "@/lib/report/types";
import { SnapshotSchema } from "@/lib/snapshot/schema";
import { err, issuePath, ok, type ActionResult } from "./result";
import { LocaleSchema, StepsSchema } from "./schemas";

const Input = z.object({ snapshot: z.unknown(), steps: StepsSchema.optional(), locale: LocaleSchema });

/**
 * Offline mode and every re-analysis: analyses a snapshot (pasted documents, or what live mode read) with no
 * network. `steps` limits the analysis to those steps (the wizard's "Re-check this step").
 */
export async function analyzeSnapshotAction(raw: unknown): Promise<ActionResult<{ report: Report }>> {
  return logAction(
    "wizard.analyze",
    () => analyze(raw),
    (r) => ({ ok: r.ok, ...(r.ok ? {} : { code: r.error.code, field: r.error.field }) }),
  );
}

async function analyze(raw: unknown): Promise<ActionResult<{ report: Report }>> {
  const input = Input.safeParse(raw);
  if (!input.success) {
    const issue = input.error.issues[0];
    return err({
      code: "input.invalid",
      message: `${issuePath(issue.path)}: ${issue.message}`,
      field: issuePath(issue.path),
    });
  }
  // A pasted snapshot's problem is shown under its box: in the page's language (zod's own Japanese messages).
  const snapshot = SnapshotSchema.safeParse(
    input.data.snapshot,
    input.data.locale === "ja" ? { error: z.locales.ja().localeError } : undefined,
  );
  if (!snapshot.success) {
    const issue = snapshot.error.issues[0];
    const field = issuePath(["snapshot", ...issue.path]);
    return err({ code: "input.invalid", message: `${field}: ${issue.message}`, field });
  }
  try {
    const report = await analyzeSnapshot(snapshot.data, { steps: input.data.steps, locale: input.data.locale });
    return ok({ report });
  } catch (e) {
    log("error", "wizard.analyze-failed", { error: e instanceof Error ? e.message : String(e) });
    return err({ code: "internal", message: "The analysis failed unexpectedly. Nothing was stored; try again." });
  }
}
