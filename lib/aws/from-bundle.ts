import "server-only";
import { parseBundle, type Bundle } from "@/lib/cloudshell/bundle";
import type { Snapshot } from "@/lib/snapshot/schema";
import { collectWith } from "./collect";
import { validateTarget } from "./collect-input";
import { bundleApi } from "./collector/bundle-api";

export type FromBundleResult =
  { ok: true; snapshot: Snapshot } | { ok: false; issues: { path: string; message: string }[] };

/**
 * A bundle written by the collection script for AWS CloudShell, read into a Snapshot v1 by the live collector's own
 * readers (each call answered from the bundle), so the analysis is the one a live run of the same account gives.
 * Problems name their JSON path in the bundle. Never throws for bad input.
 */
export async function snapshotFromBundle(raw: unknown): Promise<FromBundleResult> {
  const parsed = parseBundle(raw);
  if (!parsed.ok) return parsed;
  const bundle: Bundle = parsed.bundle;
  const problems = validateTarget(bundle.target, bundle.target.region);
  if (problems.length > 0) return { ok: false, issues: problems.map((p) => ({ path: p.field, message: p.message })) };
  const snapshot = await collectWith(bundleApi(bundle.calls), {
    target: bundle.target,
    simulate: bundle.calls.some((c) => c.op === "iam:SimulatePrincipalPolicy"),
  });
  return { ok: true, snapshot };
}
