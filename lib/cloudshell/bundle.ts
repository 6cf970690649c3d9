/**
 * The bundle the collection script for AWS CloudShell writes (./script.ts): every read a live run makes, as the AWS
 * CLI answered it. The app replays it through the live collector's own readers (lib/aws/from-bundle.ts), so the
 * analysis is the one a live run would give. Pure: no I/O.
 *
 * {
 *   "format": "s3-access-doctor/bundle", "version": 1,
 *   "createdAt": "2026-01-15T09:00:00Z", "cli": "aws-cli/2.x …", "complete": true,
 *   "target": { Snapshot v1 target: mode, bucketUri, roleArn, externalId, tidbAccountId, accessKeyId, region },
 *   "calls": [
 *     { "op": "iam:GetRole", "input": { "RoleName": "tidb-import" }, "ok": true, "output": { …as the CLI printed… } },
 *     { "op": "kms:DescribeKey", "region": "ap-northeast-1", "input": { "KeyId": "alias/aws/s3" }, "ok": true, … },
 *     { "op": "s3:GetBucketPolicy", "input": { "Bucket": "b" }, "ok": false,
 *       "error": { "code": "NoSuchBucketPolicy", "message": "The bucket policy does not exist" } }
 *   ]
 * }
 *
 * `op` names an operation of lib/reads/operations.ts; `input` is the API's input exactly as sent
 * (--cli-input-json); `region` is recorded for regional calls (KMS); a failed call keeps the AWS error code
 * ("403"/"404"/"400" for a HEAD, which has no body) and message.
 */
import { z } from "zod";
import { OPERATIONS, type OperationName } from "@/lib/reads/operations";
import { formatPath } from "@/lib/snapshot/parse";
import { TargetSchema } from "@/lib/snapshot/schema";
import { BUNDLE_FORMAT } from "./bundle-format";

const OPERATION_NAMES = Object.keys(OPERATIONS) as [OperationName, ...OperationName[]];

const BundleCallSchema = z
  .object({
    op: z.enum(OPERATION_NAMES),
    region: z.string().max(40).optional(),
    input: z.record(z.string(), z.unknown()),
    ok: z.boolean(),
    output: z.unknown().optional(),
    error: z.object({ code: z.string().min(1).max(200), message: z.string().max(4000) }).optional(),
  })
  .refine((c) => (c.ok ? c.error === undefined : c.error !== undefined), {
    message: "a call has an output when ok is true, an error when it is false",
  });
export type BundleCall = z.infer<typeof BundleCallSchema>;

const BundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(1),
  createdAt: z.string().max(64).optional(),
  cli: z.string().max(300).optional(),
  /** false when the script was stopped before it finished. */
  complete: z.boolean().optional(),
  target: TargetSchema,
  calls: z.array(BundleCallSchema).max(10_000),
});
export type Bundle = z.infer<typeof BundleSchema>;

export type ParseBundleResult =
  { ok: true; bundle: Bundle } | { ok: false; issues: { path: string; message: string }[] };

/** Validates raw JSON as a bundle; problems name their JSON path (e.g. "calls[3].op"). Never throws. */
export function parseBundle(raw: unknown): ParseBundleResult {
  const parsed = BundleSchema.safeParse(raw);
  if (parsed.success) return { ok: true, bundle: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}
