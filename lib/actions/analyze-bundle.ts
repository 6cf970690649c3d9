"use server";

import { z } from "zod";
import { snapshotFromBundle } from "@/lib/aws/from-bundle";
import { analyzeSnapshot } from "@/lib/checks";
import { log } from "@/lib/log";
import { logAction } from "./log-action";
import type { Report } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { err, issuePath, ok, type ActionResult } from "./result";
import { LocaleSchema, StepsSchema } from "./schemas";

const Input = z.object({ bundle: z.unknown(), steps: StepsSchema.optional(), locale: LocaleSchema });

/**
 * The third way in: the bundle the collection script for AWS CloudShell wrote, read as a live run reads the account
 * (lib/aws/from-bundle.ts; no network), then analysed. Returns the snapshot it read too, for the wizard's documents,
 * re-check and sharing. A problem names its JSON path in the bundle ("bundle.calls[3].op").
 */
export async function analyzeBundleAction(raw: unknown): Promise<ActionResult<{ report: Report; snapshot: Snapshot }>> {
  return logAction(
    "wizard.analyze-bundle",
    () => analyze(raw),
    (r) => ({ ok: r.ok, ...(r.ok ? {} : { code: r.error.code, field: r.error.field }) }),
  );
}

async function analyze(raw: unknown): Promise<ActionResult<{ report: Report; snapshot: Snapshot }>> {
  const input = Input.safeParse(raw);
  if (!input.success) {
    const issue = input.error.issues[0];
    return err({
      code: "input.invalid",
      message: `${issuePath(issue.path)}: ${issue.message}`,
      field: issuePath(issue.path),
    });
  }
  try {
    const read = await snapshotFromBundle(input.data.bundle);
    if (!read.ok) {
      const first = read.issues[0];
      const field = `bundle${first.path ? (first.path.startsWith("[") ? first.path : `.${first.path}`) : ""}`;
      return err({ code: "input.invalid", message: `${field}: ${first.message}`, field });
    }
    const report = await analyzeSnapshot(read.snapshot, { steps: input.data.steps, locale: input.data.locale });
    return ok({ report, snapshot: read.snapshot });
  } catch (e) {
    log("error", "wizard.analyze-bundle-failed", { error: e instanceof Error ? e.message : String(e) });
    return err({ code: "internal", message: "The analysis failed unexpectedly. Nothing was stored; try again." });
  }
}
