import "server-only";
import type { Target } from "@/lib/snapshot/schema";

/** The options `diagnose` and `collect` share (command line names, as in the interface contract). */
export interface LiveTargetOptions {
  "bucket-uri"?: string;
  "role-arn"?: string;
  "external-id"?: string;
  "tidb-account-id"?: string;
  "access-key-id"?: string;
  region?: string;
  "error-message"?: string;
}

/** Builds the target from command-line options; returns the problem (naming the option) when they don't fit. */
export function targetFromOptions(o: LiveTargetOptions): { ok: true; target: Target } | { ok: false; message: string } {
  if (!o["bucket-uri"]) return { ok: false, message: "--bucket-uri: required (e.g. s3://bucket/folder/)" };
  const role = Boolean(o["role-arn"]);
  const key = Boolean(o["access-key-id"]);
  if (role === key) return { ok: false, message: "give either --role-arn (with --external-id) or --access-key-id" };
  if (role && !o["external-id"]) return { ok: false, message: "--external-id: required with --role-arn" };
  return {
    ok: true,
    target: {
      mode: role ? "role" : "access-key",
      bucketUri: o["bucket-uri"],
      roleArn: o["role-arn"] ?? null,
      externalId: o["external-id"] ?? null,
      tidbAccountId: o["tidb-account-id"] ?? null,
      accessKeyId: o["access-key-id"] ?? null,
      region: o.region ?? null,
      errorMessage: o["error-message"] ?? null,
    },
  };
}

/** Maps a CollectInputError field to the command-line option that holds it. */
export function optionForField(field: string): string {
  const map: Record<string, string> = {
    region: "--region",
    "target.region": "--region",
    "target.bucketUri": "--bucket-uri",
    "target.roleArn": "--role-arn",
    "target.accessKeyId": "--access-key-id",
    "target.externalId": "--external-id",
    importSecret: "--import-secret-env",
  };
  return map[field] ?? field;
}
