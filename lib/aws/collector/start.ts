import "server-only";
import type { AwsApi } from "./api";
import type { Collection } from "./context";
import { readBucket } from "./read-bucket";
import { readGroundTruth } from "./read-ground-truth";
import { readRole } from "./read-role";
import { readSimulation } from "./read-simulation";
import { readObjectTags } from "./read-tags";
import { readUser } from "./read-user";

/** Row `caller`: who the diagnosing credentials are (the bucket owner is asked about this account too). */
async function readCaller(c: Collection): Promise<void> {
  const r = await c.call("sts:GetCallerIdentity", "intake", [], {});
  if (!r.ok) {
    c.state.unavailable["caller"] = r.reason;
    c.signals.caller.resolve({});
    return;
  }
  if (r.value.Arn && r.value.Account) c.state.caller = { arn: r.value.Arn, accountId: r.value.Account };
  c.signals.caller.resolve({ accountId: r.value.Account, ref: r.ref });
}

/**
 * Starts every reader of the run's rows at once; each starts its dependent reads as soon as their input arrives
 * (the run waits for every branch). `importApi`: the import's own key, for the ground truth.
 */
export function startReaders(c: Collection, importApi?: AwsApi): void {
  c.spawn(readCaller(c));
  const policiesRead = () => c.signals.identityPoliciesRead.resolve();
  if (c.target.mode === "role") {
    if (c.reads.has("role")) c.spawn(readRole(c).finally(policiesRead));
  } else if (c.reads.has("user")) c.spawn(readUser(c).finally(policiesRead));
  c.spawn(readBucket(c).finally(() => c.signals.bucketPolicyRead.resolve()));
  if (c.reads.has("objectTags")) c.spawn(readObjectTags(c));
  if (importApi) c.spawn(readGroundTruth(c, importApi));
  if (c.reads.has("simulation")) c.spawn(readSimulation(c));
}
