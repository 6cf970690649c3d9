import { missingData, sample, sampleJa } from "../helpers";
import { defineCheck, l } from "../types";
import { boundaryAllows } from "./boundary-side";
import { askEffective, identityPrecondition } from "./identity-question";
import { addStatement } from "@/lib/fixes/policy-edits";
import { policyFix } from "@/lib/fixes/make-fix";
import { statementsOf } from "../derive/ask";

const ID = "identity.permissions-boundary";

export const identityPermissionsBoundary = defineCheck({
  id: ID,
  step: "identity-policy",
  title: l("The permissions boundary allows every required action", "権限境界が必要なすべてのアクションを許可している"),
  run(ctx) {
    const pre = identityPrecondition(ctx);
    if (pre) return pre;
    const { derived, snapshot, fixes } = ctx;
    const owner = snapshot.target.mode === "role" ? "role" : "user";
    if (derived.identity!.missing[`${owner}.permissionsBoundary`]) {
      return missingData(
        snapshot,
        `${owner}.permissionsBoundary`,
        "iam:GetPolicyVersion",
        l("The permissions boundary", "権限境界"),
      );
    }
    const boundary = derived.identity!.boundary;
    if (!boundary)
      return { status: "skipped", detail: l("No permissions boundary is set.", "権限境界は設定されていません。") };
    const p = derived.principal!;
    const requests = [...derived.s3Requests, ...derived.kmsRequests.filter((r) => r.kmsKey?.manager !== "AWS")];
    // Requests the boundary does not allow, and which nothing else allows: a same-account resource policy that names
    // the IAM user or the session is not limited by the boundary (IAM User Guide, "Policy evaluation logic").
    const lacking = requests.filter((r) => boundaryAllows(ctx, r, boundary) === "no");
    const judge = () => lacking.filter((r) => askEffective(ctx, r).answer.decision !== "allow");
    const missing = judge();
    if (missing.length === 0) {
      return {
        status: "pass",
        detail:
          lacking.length === 0
            ? l(
                "The permissions boundary allows every request of the import.",
                "権限境界はインポートのすべてのリクエストを許可しています。",
              )
            : l(
                `The permissions boundary does not allow ${sample([...new Set(lacking.map((r) => r.action))], 6)}, but the bucket policy grants ${p.principalArn} directly, and within one account a boundary does not limit such a grant.`,
                `権限境界は ${sampleJa([...new Set(lacking.map((r) => r.action))], 6)} を許可していませんが、バケットポリシーが ${p.principalArn} に直接許可しており、同じアカウント内ではこのような許可は権限境界で制限されません。`,
              ),
        evidence: { document: "permissions-boundary" },
      };
    }
    // Fix: one statement per missing (action, resource) family, appended to the boundary.
    const before = fixes.current("permissions-boundary", boundary.doc)!;
    let after = before;
    const bucketArn = derived.bucketArn!;
    const folder = derived.target!.folder;
    const objectActions = [...new Set(missing.filter((r) => r.objectKey).map((r) => r.action))];
    const bucketActions = [
      ...new Set(missing.filter((r) => !r.objectKey && r.action.startsWith("s3:")).map((r) => r.action)),
    ];
    const keyArns = [...new Set(missing.filter((r) => r.action.startsWith("kms:")).map((r) => r.resource))];
    const n = statementsOf(after).length;
    let added = 0;
    const add = (statement: Record<string, unknown>) => {
      after = addStatement(after, statement);
      added++;
    };
    if (bucketActions.length)
      add({ Sid: "TiDBCloudImportBucket", Effect: "Allow", Action: bucketActions, Resource: bucketArn });
    if (objectActions.length)
      add({
        Sid: "TiDBCloudImportObjects",
        Effect: "Allow",
        Action: objectActions,
        Resource: `${bucketArn}/${folder}*`,
      });
    if (keyArns.length)
      add({
        Sid: "TiDBCloudImportKmsDecrypt",
        Effect: "Allow",
        Action: ["kms:Decrypt"],
        Resource: keyArns.length === 1 ? keyArns[0] : keyArns,
      });
    const names = [...new Set(missing.map((r) => r.action))];
    return {
      status: "fail",
      title: l("The permissions boundary does not allow the import", "権限境界がインポートを許可していません"),
      detail: l(
        `The permissions boundary allows none of ${sample(names, 6)} for the import's resources; a boundary limits what the identity policies can grant. Add ${added === 1 ? "a statement" : `${added} statements`} (from statement ${n}).`,
        `権限境界はインポートのリソースに対する ${sampleJa(names, 6)} を許可していません。権限境界は権限ポリシーで付与できる権限を制限します。ステートメントを追加してください（ステートメント ${n} 以降）。`,
      ),
      evidence: { document: "permissions-boundary", missing: names },
      fix: policyFix(fixes, snapshot, ID, "permissions-boundary", before, after),
    };
  },
});
