import { OPERATIONS } from "@/lib/reads/operations";
import type { Snapshot } from "@/lib/snapshot/schema";
import type { ImportCallName, ImportOutcome, Scenario } from "@/tests/fake-aws/scenario";

/**
 * Turns a snapshot fixture (tests/fixtures/snapshots) into a fake-AWS scenario: the account it describes is served,
 * every part it marks unavailable ("AccessDenied on s3:GetBucketPolicy") becomes a denial of every operation that
 * needs that IAM action, and its ground truth becomes what the import's own key gets.
 */
export function scenarioFromSnapshot(name: string, snapshot: Snapshot, diagnosingKey: string): Scenario {
  const denied = new Set<string>();
  for (const reason of Object.values(snapshot.unavailable ?? {})) {
    const action = / on ([a-z0-9-]+:[A-Za-z0-9]+)/.exec(reason)?.[1];
    if (!action) continue;
    for (const [op, o] of Object.entries(OPERATIONS)) if (o.action === action) denied.add(op);
  }
  const importOutcomes: Partial<Record<ImportCallName, ImportOutcome>> = {};
  for (const g of snapshot.groundTruth ?? []) {
    importOutcomes[g.call] = g.ok
      ? "ok"
      : g.code === "InvalidAccessKeyId" || g.code === "SignatureDoesNotMatch"
        ? g.code
        : "AccessDenied";
  }
  return {
    name,
    description: `snapshot fixture ${name}`,
    diagnosingKeys: [diagnosingKey],
    denied: [...denied],
    importOutcomes,
    snapshot,
  };
}
