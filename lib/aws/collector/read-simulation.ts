import "server-only";
import type { ContextEntry } from "@aws-sdk/client-iam";
import type { Snapshot } from "@/lib/snapshot/schema";
import type { CallRef } from "../run";
import type { Collection } from "./context";
import { pages } from "./pages";
import { describedKeyArns } from "./read-keys";

/**
 * Row `simulation` (only when asked): AWS's policy simulator on the import's requests, each group as soon as its
 * inputs are known: the bucket requests at once (role mode; the user's ARN first in access-key mode), the object
 * requests after the listing, kms:Decrypt once every key in use is known.
 */
export async function readSimulation(c: Collection): Promise<void> {
  let principal: string | undefined;
  let parent: CallRef | undefined;
  if (c.target.mode === "role") principal = c.target.roleArn ?? undefined;
  else {
    const who = await c.signals.userArn.promise;
    principal = who.arn;
    parent = who.ref;
  }
  if (!principal) {
    c.state.simulationFailed = "The principal's ARN is not known, so AWS's simulator could not be asked";
    return;
  }
  const PolicySourceArn = principal;
  const partition = principal.split(":")[1] || "aws";
  const bucketArn = `arn:${partition}:s3:::${c.uri.bucket}`;
  const out: NonNullable<Snapshot["simulation"]> = [];
  const ask = async (ActionNames: string[], ResourceArns: string[], ContextEntries: ContextEntry[]) => {
    const asked = await pages(
      c,
      "iam:SimulatePrincipalPolicy",
      "summary",
      parent,
      (Marker) => ({ PolicySourceArn, ActionNames, ResourceArns, ContextEntries, Marker }),
      (page) => {
        for (const e of page.EvaluationResults ?? []) {
          const d = e.EvalDecision;
          if (
            e.EvalActionName &&
            e.EvalResourceName &&
            (d === "allowed" || d === "explicitDeny" || d === "implicitDeny")
          )
            out.push({ action: e.EvalActionName, resource: e.EvalResourceName, decision: d });
        }
      },
      { subject: ActionNames.join(" ") },
    );
    if (asked.failed) c.state.simulationFailed ??= asked.failed;
  };
  await Promise.all([
    ask(
      ["s3:GetBucketLocation", "s3:ListBucket"],
      [bucketArn],
      [{ ContextKeyName: "s3:prefix", ContextKeyValues: [c.uri.folder], ContextKeyType: "string" }],
    ),
    (async () => {
      await c.signals.listed.promise;
      const keys = (c.state.objects.list ?? []).slice(0, 3).map((o) => `${bucketArn}/${o.key}`);
      if (keys.length === 0) return;
      await ask(c.target.mode === "role" ? ["s3:GetObject", "s3:GetObjectVersion"] : ["s3:GetObject"], keys, []);
    })(),
    (async () => {
      await Promise.all([c.signals.encryptionRead.promise, c.signals.headsDone.promise]);
      const arns = await describedKeyArns(c);
      if (arns.length > 0) await ask(["kms:Decrypt"], arns, []);
    })(),
  ]);
  c.state.simulation = out.sort((a, b) => a.action.localeCompare(b.action) || a.resource.localeCompare(b.resource));
}
