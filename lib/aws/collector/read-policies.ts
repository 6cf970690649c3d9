import "server-only";
import type { CallRef } from "../run";
import { parsePolicyDocument } from "../policy-document";
import type { ApiInput, ApiOutput } from "./api";
import type { Collection, PolicyRead } from "./context";

/** A managed policy's default version (GetPolicy, then GetPolicyVersion); each ARN is read once per run. */
export function readManagedPolicy(c: Collection, arn: string, parent: CallRef | undefined): Promise<PolicyRead> {
  let p = c.managed.get(arn);
  if (!p) {
    p = (async (): Promise<PolicyRead> => {
      const pol = await c.call("iam:GetPolicy", "identity-policy", [parent], { PolicyArn: arn }, { subject: arn });
      if (!pol.ok) return { ok: false, reason: pol.reason };
      const versionId = pol.value.Policy?.DefaultVersionId;
      if (!versionId) return { ok: false, reason: `No default version in iam:GetPolicy for ${arn}` };
      const ver = await c.call(
        "iam:GetPolicyVersion",
        "identity-policy",
        [pol.ref],
        { PolicyArn: arn, VersionId: versionId },
        { subject: arn },
      );
      if (!ver.ok) return { ok: false, reason: ver.reason };
      const doc = parsePolicyDocument(ver.value.PolicyVersion?.Document);
      if (!doc) return { ok: false, reason: `Unreadable policy document from iam:GetPolicyVersion (${arn})` };
      return { ok: true, doc, ref: ver.ref };
    })();
    c.managed.set(arn, p);
  }
  return p;
}

type InlineOp = "iam:GetRolePolicy" | "iam:GetUserPolicy" | "iam:GetGroupPolicy";

/** One inline policy document of a role, user or group. */
export async function readInlinePolicy<O extends InlineOp>(
  c: Collection,
  op: O,
  input: ApiInput<O> & { PolicyName: string },
  parent: CallRef,
): Promise<PolicyRead> {
  const r = await c.call(op, "identity-policy", [parent], input, { subject: input.PolicyName });
  if (!r.ok) return { ok: false, reason: r.reason };
  const doc = parsePolicyDocument((r.value as ApiOutput<InlineOp>).PolicyDocument);
  return doc ? { ok: true, doc } : { ok: false, reason: `Unreadable policy document from ${op}` };
}
