import { addStatement } from "@/lib/fixes/policy-edits";
import { policyFix } from "@/lib/fixes/make-fix";
import { defineCheck, l } from "../types";
import { askBucket, bucketPolicyPrecondition } from "./bucket-question";
import { missingData, sample, sampleJa } from "../helpers";

const ID = "bucket.policy.cross-account";

export const bucketPolicyCrossAccount = defineCheck({
  id: ID,
  step: "bucket-policy",
  title: l(
    "The bucket policy also allows a principal of another account",
    "別アカウントのプリンシパルをバケットポリシーでも許可している",
  ),
  run(ctx) {
    const { snapshot, derived, fixes } = ctx;
    const p = derived.principal;
    if (p && derived.bucketAccount && p.accountId === derived.bucketAccount) {
      return {
        status: "skipped",
        detail: l("The principal is in the bucket's account.", "プリンシパルはバケットと同じアカウントにあります。"),
      };
    }
    const pre = bucketPolicyPrecondition(ctx);
    if (pre) return pre;
    if (!derived.bucketAccount) {
      // The collector learns the owner from HeadBucket with ExpectedBucketOwner (permission s3:ListBucket).
      return missingData(
        snapshot,
        "bucket.ownerAccountId",
        "s3:ListBucket (HeadBucket with ExpectedBucketOwner)",
        l("The bucket's owner account", "バケットの所有アカウント"),
      );
    }
    const policy = snapshot.bucket!.policy ?? null;
    const denied = derived.s3Requests.filter((r) => {
      if (!policy) return true;
      const a = askBucket(ctx, r, policy);
      return !a.applying.some(
        (s) => s.document === "bucket-policy" && s.effect === "Allow" && s.applies !== "no-match",
      );
    });
    if (denied.length === 0) {
      return {
        status: "pass",
        detail: l(
          `The principal is in account ${p!.accountId}, the bucket in ${derived.bucketAccount}; the bucket policy allows every request of the import.`,
          `プリンシパルはアカウント ${p!.accountId}、バケットは ${derived.bucketAccount} にあり、バケットポリシーがインポートのすべてのリクエストを許可しています。`,
        ),
        evidence: { document: "bucket-policy" },
      };
    }
    const before = fixes.current("bucket-policy", policy);
    const bucketArn = derived.bucketArn!;
    const actions = [...new Set(denied.map((r) => r.action))];
    const bucketActions: string[] = actions.filter((a) => a === "s3:ListBucket" || a === "s3:GetBucketLocation");
    const objectActions = actions.filter((a) => !bucketActions.includes(a));
    let after = before;
    if (bucketActions.length)
      after = addStatement(after, {
        Sid: "TiDBCloudImportCrossAccountBucket",
        Effect: "Allow",
        Principal: { AWS: p!.principalArn },
        Action: bucketActions,
        Resource: bucketArn,
      });
    if (objectActions.length)
      after = addStatement(after, {
        Sid: "TiDBCloudImportCrossAccountObjects",
        Effect: "Allow",
        Principal: { AWS: p!.principalArn },
        Action: objectActions,
        Resource: `${bucketArn}/${derived.target!.folder}*`,
      });
    return {
      status: "fail",
      title: l(
        "The bucket policy does not allow the principal of another account",
        "バケットポリシーが別アカウントのプリンシパルを許可していません",
      ),
      detail: l(
        `${p!.principalArn} is in account ${p!.accountId} and the bucket in ${derived.bucketAccount}: both the identity policy and the bucket policy must allow, and the bucket policy allows none of ${sample(actions)}.`,
        `${p!.principalArn} はアカウント ${p!.accountId}、バケットは ${derived.bucketAccount} にあるため、権限ポリシーとバケットポリシーの両方で許可する必要がありますが、バケットポリシーは ${sampleJa(actions)} を許可していません。`,
      ),
      evidence: { document: "bucket-policy", actions },
      fix: policyFix(fixes, snapshot, ID, "bucket-policy", before, after!),
    };
  },
});
