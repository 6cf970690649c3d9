"use server";

import { runLiveDiagnosis, type LiveResult } from "./live-core";
import type { ActionResult } from "./result";

/**
 * Live mode as a server action: validates, reads the account with the pasted temporary credentials, analyses it.
 * The wizard prefers the streaming route (app/[locale]/wizard/live) for per-step progress; both share live-core.
 */
export async function diagnoseLiveAction(raw: unknown): Promise<ActionResult<LiveResult>> {
  return runLiveDiagnosis(raw);
}
