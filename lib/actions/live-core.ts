import "server-only";
import { z } from "zod";
import { collectSnapshot, CollectInputError } from "@/lib/aws/collect";
import { classifyAwsError } from "@/lib/aws/errors";
import { scrubSecrets } from "@/lib/security/secrets";
import type { ProgressEvent } from "@/lib/aws/run";
import { analyzeSnapshot } from "@/lib/checks";
import { log } from "@/lib/log";
import type { Report } from "@/lib/report/types";
import { SnapshotSchema, TargetSchema, type Snapshot } from "@/lib/snapshot/schema";
import { mergeSnapshots } from "@/lib/snapshot/merge";
import { liveSlots } from "./live-slots";
import { err, issuePath, ok, type ActionError, type ActionResult } from "./result";
import { CredentialsSchema, LocaleSchema, StepsSchema } from "./schemas";

const LiveInput = z.object({
  target: TargetSchema,
  credentials: CredentialsSchema,
  locale: LocaleSchema,
  /** Re-check: read and check only these steps, then merge into `base` (what the earlier run read). */
  only: StepsSchema.optional(),
  base: z.unknown().optional(),
});

/** Whether `raw` is a live request that would make AWS calls (the rate limit counts only those). */
export function isLiveRequest(raw: unknown): boolean {
  return LiveInput.safeParse(raw).success;
}

export interface LiveResult {
  /** What was read (the whole account view after a merge); never holds a credential. */
  snapshot: Snapshot;
  /** The report of the steps that ran (all of them, or `only`). */
  report: Report;
}

/** A failed GetCallerIdentity means the credentials themselves are the problem: say so instead of a report of unknowns. */
function credentialProblem(snapshot: Snapshot): ActionError | null {
  if (snapshot.caller) return null;
  const reason = snapshot.unavailable?.caller ?? "";
  if (/ExpiredToken|RequestExpired/i.test(reason))
    return { code: "aws.expired-token", message: reason, field: "credentials.sessionToken" };
  if (
    /InvalidClientTokenId|InvalidAccessKeyId|SignatureDoesNotMatch|UnrecognizedClient|IncompleteSignature|InvalidToken/i.test(
      reason,
    )
  ) {
    return { code: "aws.invalid-credentials", message: reason, field: "credentials.accessKeyId" };
  }
  if (/Connection error|Timeout|Deadline/i.test(reason)) return { code: "aws.network", message: reason };
  if (/Throttl/i.test(reason)) return { code: "aws.throttled", message: reason };
  return null;
}

const CODE_OF: Record<string, ActionError["code"]> = {
  "expired-token": "aws.expired-token",
  "invalid-credentials": "aws.invalid-credentials",
  "access-denied": "aws.access-denied",
  throttled: "aws.throttled",
  network: "aws.network",
  timeout: "aws.timeout",
  deadline: "aws.timeout",
};

/**
 * Live diagnosis: reads the account with the temporary credentials typed into the form, then analyses it. The
 * credentials serve this one call: never stored, logged, or returned (the result is checked for them).
 * Run by the wizard's streaming route (app/[locale]/wizard/live, which passes `onProgress`).
 */
export async function runLiveDiagnosis(
  raw: unknown,
  onProgress?: (e: ProgressEvent) => void,
): Promise<ActionResult<LiveResult>> {
  const input = LiveInput.safeParse(raw);
  if (!input.success) {
    const issue = input.error.issues[0];
    const field = issuePath(issue.path);
    // zod's messages for these fields never repeat the received value.
    return err({ code: "input.invalid", message: `${field}: ${issue.message}`, field });
  }
  const { credentials } = input.data;
  const secrets = [credentials.secretAccessKey, credentials.sessionToken];
  let base: Snapshot | null = null;
  if (input.data.base !== undefined) {
    const b = SnapshotSchema.safeParse(input.data.base);
    if (!b.success) {
      const field = issuePath(["base", ...b.error.issues[0].path]);
      return err({ code: "input.invalid", message: `${field}: ${b.error.issues[0].message}`, field });
    }
    base = b.data;
  }
  // One of the process's slots for the reads and the analysis (see live-slots.ts): waiting starts no clock.
  return liveSlots().run(() => diagnose(input.data, base, secrets, onProgress));
}

async function diagnose(
  { target, credentials, locale, only }: z.infer<typeof LiveInput>,
  base: Snapshot | null,
  secrets: (string | undefined)[],
  onProgress?: (e: ProgressEvent) => void,
): Promise<ActionResult<LiveResult>> {
  try {
    const fresh = await collectSnapshot({
      target,
      credentials,
      region: target.region ?? undefined,
      only,
      deadlineMs: 25_000,
      onProgress,
      simulate: true,
    });
    const problem = credentialProblem(fresh);
    if (problem) return err({ ...problem, message: scrubSecrets(problem.message, secrets) });
    const snapshot = base ? mergeSnapshots(base, fresh) : fresh;
    const report = await analyzeSnapshot(snapshot, { steps: only, locale });
    const out: LiveResult = { snapshot, report };
    const json = JSON.stringify(out);
    if (secrets.some((s) => s && json.includes(s))) {
      log("error", "wizard.live-result-held-secret");
      return err({ code: "internal", message: "The result was withheld because it contained a credential." });
    }
    return ok(out);
  } catch (e) {
    if (e instanceof CollectInputError) {
      return err({ code: "input.invalid", message: scrubSecrets(e.message, secrets), field: e.field });
    }
    const c = classifyAwsError(e, undefined, secrets);
    log("error", "wizard.live-failed", { code: c.code, awsCode: c.awsCode });
    return err({ code: CODE_OF[c.code] ?? "internal", message: scrubSecrets(c.message, secrets) });
  }
}
