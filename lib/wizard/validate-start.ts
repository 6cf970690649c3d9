/**
 * What the wizard checks in the browser before it sends anything. A live run is refused here for every input the
 * server would refuse too, so that a typo never costs the user their pasted credentials (they are cleared after
 * every request). Offline input is judged by the intake checks instead (they explain, with the right form).
 */
import { CredentialsSchema } from "@/lib/actions/schemas";
import { parseBucketUri } from "@/lib/snapshot/bucket-uri";
import type { LiveCredentials, StartInput } from "./form-types";

export const INPUT_PROBLEM_CODES = [
  "required",
  "bucketUri.scheme",
  "bucketUri.bucket-name",
  "credentials.accessKeyId",
  "credentials.secretAccessKey",
  "credentials.sessionToken",
] as const;
type InputProblemCode = (typeof INPUT_PROBLEM_CODES)[number];

export interface InputProblem {
  /** The form field: a key of the start form or of the credentials. */
  field: string;
  code: InputProblemCode;
}

/** Problems of the start form; `live` adds what the live reader refuses (it would not read anything). */
export function startProblems(start: StartInput, live: boolean): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!start.bucketUri.trim()) problems.push({ field: "bucketUri", code: "required" });
  else if (live) {
    const uri = parseBucketUri(start.bucketUri);
    if (!uri.ok && (uri.problem === "scheme" || uri.problem === "bucket-name"))
      problems.push({ field: "bucketUri", code: `bucketUri.${uri.problem}` });
  }
  if (start.mode === "access-key" && !start.accessKeyId.trim())
    problems.push({ field: "accessKeyId", code: "required" });
  return problems;
}

/** Problems of the diagnosing credentials, by the server's own schema; never repeats a value. */
export function credentialProblems(creds: LiveCredentials): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!creds.accessKeyId.trim()) problems.push({ field: "accessKeyId", code: "required" });
  if (!creds.secretAccessKey.trim()) problems.push({ field: "secretAccessKey", code: "required" });
  if (problems.length > 0) return problems;
  const parsed = CredentialsSchema.safeParse(creds);
  if (parsed.success) return [];
  const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  for (const field of ["accessKeyId", "secretAccessKey", "sessionToken"] as const) {
    if (fields.has(field)) problems.push({ field, code: `credentials.${field}` });
  }
  return problems;
}
