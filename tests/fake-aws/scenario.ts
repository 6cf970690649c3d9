import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Snapshot } from "@/lib/snapshot/schema";

/** One of the import's own calls (ground truth in access-key mode). */
export type ImportCallName = "GetBucketLocation" | "ListObjectsV2" | "GetObject";
export type ImportOutcome = "ok" | "AccessDenied" | "InvalidAccessKeyId" | "SignatureDoesNotMatch";

/**
 * A named account configuration served by the fake endpoint. `snapshot` is both what the endpoint serves and what
 * the collector must read back (the integration tests compare the two), so it is written in Snapshot v1 form.
 */
export interface Scenario {
  name: string;
  description: string;
  /** Diagnosing access key ids that select this scenario (see README.md: scenario selection). */
  diagnosingKeys?: string[];
  /** Operations ("s3:GetBucketPolicy", "iam:GetRole", …) the diagnosing credentials may not call: AccessDenied. */
  denied?: string[];
  /** What the import's own key gets for each of the import's calls (absent = "ok"). The fake does not evaluate IAM. */
  importOutcomes?: Partial<Record<ImportCallName, ImportOutcome>>;
  /** Objects in the bucket outside the import's folder (listed by S3 but not part of the snapshot). */
  extraObjects?: { key: string; size?: number; storageClass?: string; ownerCanonicalId?: string }[];
  /** Expected check statuses when the snapshot is analysed (used by the integration tests). */
  expected?: { statuses?: Record<string, string> };
  /**
   * Serve the account of another scenario (the expected `snapshot` then differs from what is served, e.g. because
   * `denied` hides parts of it from the diagnosing credentials).
   */
  serveSnapshotOf?: string;
  /** Load the snapshot from a fixture file instead (path relative to this scenario file). */
  snapshotFile?: string;
  snapshot: Snapshot;
}

const here = dirname(fileURLToPath(import.meta.url));
const SCENARIO_DIR = join(here, "scenarios");

/** Reads every scenario under tests/fake-aws/scenarios (or `dir`). */
export function loadScenarios(dir = SCENARIO_DIR): Map<string, Scenario> {
  const out = new Map<string, Scenario>();
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const path = join(dir, f);
    const s = JSON.parse(readFileSync(path, "utf8")) as Scenario;
    if (s.snapshotFile)
      s.snapshot = JSON.parse(readFileSync(resolve(dirname(path), s.snapshotFile), "utf8")) as Snapshot;
    if (!s.name) s.name = f.replace(/\.json$/, "");
    out.set(s.name, s);
  }
  return out;
}

/** Canonical user id of an account, as the fake endpoint makes them up (64 hex characters). */
export function canonicalIdOf(accountId: string): string {
  return accountId.padStart(64, "c");
}
