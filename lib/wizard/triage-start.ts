/** The wizard's reading of a pasted TiDB Cloud error message: which step it points to, what it fills in. */
import type { Finding } from "@/lib/report/types";
import { stepForFindings, triageErrorMessage } from "@/lib/triage";
import { redactPastedErrorMessage } from "./build-snapshot";
import type { StartInput } from "./form-types";
import type { StepId } from "./steps";

/** Reads the pasted error message: the step it points to, and the form with what it names filled in. */
export function triageStart(s: StartInput): { step: StepId | null; start: StartInput } {
  if (!s.errorMessage.trim()) return { step: null, start: s };
  const tri = triageErrorMessage(s.errorMessage);
  // TiDB Cloud's access-key message echoes the secret access key: drop it from the form at once.
  const redacted = redactPastedErrorMessage(s.errorMessage);
  const cleaned = redacted === s.errorMessage ? s : { ...s, errorMessage: redacted };
  if (!tri) return { step: null, start: cleaned };
  const next = { ...cleaned };
  if (tri.roleArn && !next.roleArn.trim()) next.roleArn = tri.roleArn;
  if (tri.bucketUri && !next.bucketUri.trim()) next.bucketUri = tri.bucketUri;
  if (tri.accessKeyId && !next.accessKeyId.trim()) next.accessKeyId = tri.accessKeyId;
  if (tri.kind === "tidb-access-key" && !next.roleArn.trim()) next.mode = "access-key";
  if (tri.kind === "tidb-assume-role") next.mode = "role";
  return { step: tri.step, start: next };
}

/**
 * The step to open once a run has produced these findings: the step holding the failing (else warning) check the
 * pasted message points to, else the step the message alone names (null without a recognised message).
 */
export function stepAfterRun(s: StartInput, findings: readonly Finding[]): StepId | null {
  const tri = s.errorMessage.trim() ? triageErrorMessage(s.errorMessage) : null;
  return tri ? stepForFindings(tri, findings) : null;
}
