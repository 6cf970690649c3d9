"use server";

import { logAction } from "./log-action";
import { runLiveDiagnosis, type LiveResult } from "./live-core";
import type { ActionResult } from "./result";

/**
 * Live mode as a server action: validates, reads the account with the pasted temporary credentials, analyses it.
 * The wizard prefers the streaming route (app/[locale]/wizard/live) for per-step progress; both share live-core.
 */
export async function diagnoseLiveAction(raw: unknown): Promise<ActionResult<LiveResult>> {
  return logAction(
    "wizard.live-action",
    () => runLiveDiagnosis(raw),
    (r) => ({ ok: r.ok, ...(r.ok ? {} : { code: r.error.code }) }),
  );
}
