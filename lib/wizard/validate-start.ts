/**
 * The start form, checked as it is typed: the problem of each field, from the checks of the bucket URI
 * (./validate-bucket-uri.ts), the role's fields (./validate-role.ts), the access key ID (./validate-access-key.ts)
 * and the region (./validate-region.ts); what a problem holds, and whether it stops a run: ./input-problem.ts.
 */
import type { StartInput } from "./form-types";
import { invalid, type InputProblem } from "./input-problem";
import { accessKeyIdProblem } from "./validate-access-key";
import { bucketUriProblem } from "./validate-bucket-uri";
import { regionProblem } from "./validate-region";
import { externalIdProblem, roleArnProblem, tidbAccountIdProblem } from "./validate-role";

export type StartField = Exclude<keyof StartInput, "mode">;

/** A pasted error message longer than this is not TiDB Cloud's message (those are a few hundred characters). */
const ERROR_MESSAGE_LIMIT = 10_000;
export type StartProblems = Partial<Record<StartField, InputProblem>>;

/** The problem of each start field, "required" included for the fields a run cannot do without. */
export function startProblems(start: StartInput): StartProblems {
  const role = start.mode === "role";
  const out: StartProblems = {};
  const set = (f: StartField, p: InputProblem | null) => {
    if (p) out[f] = p;
  };
  set("bucketUri", start.bucketUri.trim() ? bucketUriProblem(start.bucketUri) : invalid("required", "all"));
  if (role) {
    // Offline, the role ARN may come from pasted `aws iam get-role` output instead.
    set("roleArn", start.roleArn.trim() ? roleArnProblem(start.roleArn) : invalid("required", "live"));
    set("externalId", externalIdProblem(start.externalId));
    set("tidbAccountId", tidbAccountIdProblem(start.tidbAccountId, start.roleArn));
  } else {
    set("accessKeyId", start.accessKeyId.trim() ? accessKeyIdProblem(start.accessKeyId) : invalid("required", "all"));
  }
  set("region", regionProblem(start.region));
  if (start.errorMessage.length > ERROR_MESSAGE_LIMIT) {
    set(
      "errorMessage",
      invalid("errorMessage.too-long", "all", {
        params: { size: start.errorMessage.length, limit: ERROR_MESSAGE_LIMIT },
      }),
    );
  }
  return out;
}
