import type { GroundTruth } from "@/lib/snapshot/schema";
import { askIdentity, identityAllows } from "../identity/identity-question";
import type { CheckId } from "../ids";
import type { CheckContext } from "../types";
import { localizeReason, needs } from "../reasons";
import { defineCheck, l, type Localized } from "../types";

/** Checks whose failure would make each of the import's real calls fail. */
const COMMON: CheckId[] = [
  "identity.explicit-deny",
  "identity.permissions-boundary",
  "access-key.owner",
  "bucket.exists",
  "bucket.policy.deny",
  "bucket.policy.cross-account",
  "bucket.requester-pays",
];
const DECIDING: Record<GroundTruth["call"], CheckId[]> = {
  GetBucketLocation: ["identity.get-bucket-location", ...COMMON],
  ListObjectsV2: ["identity.list-bucket", ...COMMON],
  GetObject: [
    "identity.get-object",
    ...COMMON,
    "identity.kms-decrypt",
    "kms.key-policy",
    "kms.key-state",
    "kms.aws-managed-key",
    "objects.encryption-keys",
    "objects.sse-c",
    "objects.archived",
    "objects.foreign-owner",
  ],
};
const DENIED = /AccessDenied|Forbidden|InvalidAccessKeyId|SignatureDoesNotMatch|InvalidObjectState|KMS\./i;

/** AWS's simulator (identity policies only), compared with the engine on the same request. */
function simulatorDisagreements(ctx: CheckContext): { compared: number; disagreements: Localized[] } | null {
  const { snapshot, derived } = ctx;
  const sims = snapshot.simulation ?? [];
  if (sims.length === 0 || !derived.principal || !derived.identity) return null;
  const all = [...derived.s3Requests, ...derived.kmsRequests];
  const disagreements: Localized[] = [];
  let compared = 0;
  for (const s of sims) {
    const known = all.find((r) => r.action.toLowerCase() === s.action.toLowerCase() && r.resource === s.resource);
    const req =
      known ??
      (all[0] && { ...all[0], action: s.action, resource: s.resource, objectKey: undefined, alsoAs: undefined });
    if (!req) continue;
    const ours = identityAllows(askIdentity(ctx, req));
    if (ours === "unknown") continue;
    compared++;
    if (ours !== (s.decision === "allowed" ? "yes" : "no")) {
      disagreements.push(
        l(
          `${s.action} on ${s.resource}: AWS's simulator says ${s.decision}, this analysis says ${ours === "yes" ? "allowed" : "denied"} (identity policies)`,
          `${s.resource} に対する ${s.action}: AWS のシミュレーターの判定は ${s.decision}、この分析の判定は${ours === "yes" ? "許可" : "拒否"}です（権限ポリシー）`,
        ),
      );
    }
  }
  return { compared, disagreements };
}

/** The import's real calls (made with the import's own key), compared with what the checks concluded. */
function groundTruthDisagreements(ctx: CheckContext): { compared: number; disagreements: Localized[] } | null {
  const truth = ctx.snapshot.groundTruth ?? [];
  if (truth.length === 0) return null;
  const status = new Map(ctx.previous.map((p) => [p.id, p.outcome.status]));
  const disagreements: Localized[] = [];
  let compared = 0;
  for (const t of truth) {
    const ids = DECIDING[t.call].filter((id) => status.has(id));
    if (ids.length === 0) continue;
    const failing = ids.filter((id) => status.get(id) === "fail");
    const open = ids.some((id) => status.get(id) === "warn" || status.get(id) === "unknown");
    const awsDenied = !t.ok && DENIED.test(`${t.code ?? ""} ${t.message ?? ""}`);
    if (!t.ok && !awsDenied) continue; // another error (NoSuchKey, a timeout): says nothing about access
    if (failing.length === 0 && open) continue; // our answer is undecided
    compared++;
    if (t.ok && failing.length > 0) {
      disagreements.push(
        l(
          `${t.call} succeeded for the import's key, but ${failing.join(", ")} predicted a denial`,
          `${t.call} はインポートのキーで成功しましたが、${failing.join("、")} は拒否を予測していました`,
        ),
      );
    } else if (awsDenied && failing.length === 0) {
      const code = t.code ?? "AccessDenied";
      disagreements.push(
        l(
          `${t.call} was denied (${code}${t.message ? `: ${t.message}` : ""}) although no check found a cause: look for an SCP or RCP, a VPC endpoint policy, or a policy not in the snapshot`,
          `${t.call} は拒否されました（${code}${t.message ? `、AWS のメッセージ: 「${t.message}」` : ""}）が、どのチェックも原因を見つけていません。SCP または RCP、VPC エンドポイントポリシー、スナップショットに含まれていないポリシーを確認してください`,
        ),
      );
    }
  }
  return { compared, disagreements };
}

export const awsSimulation = defineCheck({
  id: "aws.simulation",
  step: "summary",
  title: l("AWS's own verdict agrees", "AWS 自身の判定と結果が一致する"),
  run(ctx) {
    const { snapshot } = ctx;
    const sim = simulatorDisagreements(ctx);
    const truth = groundTruthDisagreements(ctx);
    if (!sim && !truth) {
      const reason = snapshot.unavailable?.simulation;
      if (reason) {
        return {
          status: "unknown",
          detail: l(
            `AWS's simulator could not be called (${reason}).`,
            `AWS のシミュレーターを呼び出せませんでした（${localizeReason(reason).ja}）。`,
          ),
          unavailable: needs("iam:SimulatePrincipalPolicy", reason),
        };
      }
      return {
        status: "skipped",
        detail: l(
          "The snapshot holds neither simulator results nor the outcome of the import's own calls.",
          "スナップショットには、シミュレーターの結果もインポート自身の呼び出し結果も含まれていません。",
        ),
      };
    }
    const disagreements = [...(sim?.disagreements ?? []), ...(truth?.disagreements ?? [])];
    const compared = (sim?.compared ?? 0) + (truth?.compared ?? 0);
    if (disagreements.length) {
      return {
        status: "warn",
        title: l("AWS's own verdict disagrees with this analysis", "AWS 自身の判定とこの分析の結果が異なります"),
        detail: l(
          `${disagreements.map((d) => d.en).join("; ")}. AWS's verdict is the one that counts; please report the case.`,
          `${disagreements.map((d) => d.ja).join("。")}。AWS の判定が優先されます。この事例を報告してください。`,
        ),
        evidence: { disagreements: disagreements.map((d) => d.en) },
      };
    }
    if (compared === 0) {
      return {
        status: "unknown",
        detail: l(
          "AWS's answers could not be compared: this analysis left those requests undecided.",
          "この分析ではそれらのリクエストが未判定のため、AWS の判定と比較できませんでした。",
        ),
        unavailable: l("the data the undecided checks name", "未判定のチェックが示すデータ"),
      };
    }
    return {
      status: "pass",
      detail: l(
        `AWS's own answers agree with this analysis on all ${compared} compared requests.`,
        `比較した ${compared} 件のリクエストすべてで、AWS 自身の判定とこの分析の結果が一致しています。`,
      ),
    };
  },
});
