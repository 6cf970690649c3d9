import "server-only";
import type { StepId } from "@/lib/report/types";
import { parsePrincipalArn } from "@/lib/policy/arn";
import { parseBucketUri } from "@/lib/snapshot/bucket-uri";
import { ACCESS_KEY_ID } from "@/lib/security/secrets";
import type { Target } from "@/lib/snapshot/schema";
import type { AwsCredentials } from "./clients";
import { isValidRegion } from "@/lib/policy/regions";
import type { ProgressEvent } from "./run";

export interface CollectInput {
  target: Target;
  /** The diagnosing credentials: used for this run only, never stored or logged. */
  credentials: AwsCredentials;
  /** Region of the bucket when known (defaults to target.region, then us-east-1; S3 follows region redirects). */
  region?: string;
  /** Limit the reads to what the checks of these steps need (the wizard's "Re-check this step"). */
  only?: StepId[];
  /** Access-key mode: the secret of the import's own key, to run the import's calls for the ground truth. */
  importSecret?: string;
  onProgress?: (e: ProgressEvent) => void;
  /** One deadline for the whole run (default 30 s): reads still running then are recorded as unavailable. */
  deadlineMs?: number;
  /** Per-call timeout (default 5 s) and attempts per call (default 3). */
  callTimeoutMs?: number;
  maxAttempts?: number;
  /** How many objects to HEAD for their encryption (default 10). */
  headSample?: number;
  /**
   * Also ask AWS's policy simulator (iam:SimulatePrincipalPolicy) for its verdict on the import's requests, for the
   * aws.simulation check (with the summary step). Off by default.
   */
  simulate?: boolean;
}

/** Invalid input: `field` is the input's JSON path (e.g. "region", "target.roleArn"). */
export class CollectInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "CollectInputError";
  }
}

export interface InputProblem {
  field: string;
  message: string;
}

/** Every problem with a target (and the region asked for), each naming its field; empty when it can be read. */
export function validateTarget(
  t: Target | undefined,
  region?: string | null,
  regionField = "target.region",
): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!t || typeof t !== "object") return [{ field: "target", message: "is required" }];
  if (region !== undefined && region !== null && !isValidRegion(region)) {
    problems.push({
      field: regionField,
      message: `"${String(region).slice(0, 40)}" is not an AWS region (e.g. ap-northeast-1)`,
    });
  }
  const uri = parseBucketUri(t.bucketUri);
  if (!uri.ok && (uri.problem !== "no-folder" || !uri.value)) {
    problems.push({ field: "target.bucketUri", message: uri.message });
  }
  if (t.mode === "role") {
    const role = parsePrincipalArn(t.roleArn);
    if (!role.ok || role.value.kind !== "role") {
      problems.push({
        field: "target.roleArn",
        message: "must be an IAM role ARN such as arn:aws:iam::111122223333:role/tidb-import",
      });
    }
  } else if (t.mode === "access-key") {
    if (!t.accessKeyId || !ACCESS_KEY_ID.test(t.accessKeyId)) {
      problems.push({ field: "target.accessKeyId", message: "must be an access key id such as AKIAIOSFODNN7EXAMPLE" });
    }
  } else {
    problems.push({ field: "target.mode", message: 'must be "role" or "access-key"' });
  }
  return problems;
}

/** Every problem with the input, each naming its field; empty when the input can be collected. Never throws. */
export function validateCollectInput(input: CollectInput): InputProblem[] {
  const t = input?.target;
  if (!t || typeof t !== "object") return [{ field: "target", message: "is required" }];
  const problems = validateTarget(
    t,
    input.region ?? t.region ?? undefined,
    input.region !== undefined ? "region" : "target.region",
  );
  const c = input.credentials;
  if (!c || typeof c.accessKeyId !== "string" || !c.accessKeyId.trim()) {
    problems.push({ field: "credentials.accessKeyId", message: "is required" });
  }
  if (!c || typeof c.secretAccessKey !== "string" || !c.secretAccessKey) {
    problems.push({ field: "credentials.secretAccessKey", message: "is required" });
  }
  if (input.importSecret !== undefined && t.mode !== "access-key") {
    problems.push({ field: "importSecret", message: "is only used in access-key mode" });
  }
  return problems;
}
