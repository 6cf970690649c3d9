import type { StepId } from "@/lib/report/types";
import { ask, citeText, citeTextJa } from "../derive/ask";
import type { ImportRequest } from "../derive/requests";
import { sample, sampleJa } from "../helpers";
import type { Check, CheckContext, Localized, Outcome } from "../types";
import { l } from "../types";
import { grantFix, type GrantSpec } from "./grant";
import { askIdentity, identityAllows, identityPrecondition } from "./identity-question";

export interface ActionCheckSpec {
  id: string;
  step: StepId;
  title: Localized;
  /** Requests this check judges. */
  requests(ctx: CheckContext): ImportRequest[];
  grant(ctx: CheckContext): Omit<GrantSpec, "checkId">;
  /** Status when the action is not granted (warn for the recommended-only GetObjectVersion). */
  missing: "fail" | "warn";
  /** Why it is skipped, when it does not apply (null when it applies). */
  skip?(ctx: CheckContext): Outcome | null;
  /** Title when not granted. */
  deniedTitle: Localized;
}

function what(r: ImportRequest): string {
  return r.objectKey ?? r.resource;
}

/** A check that the identity policies grant one action of the import on every resource it touches. */
export function actionCheck(spec: ActionCheckSpec): Check {
  return {
    id: spec.id,
    step: spec.step,
    title: spec.title,
    run(ctx): Outcome {
      const skip = spec.skip?.(ctx);
      if (skip) return skip;
      const pre = identityPrecondition(ctx);
      if (pre) return pre;
      const requests = spec.requests(ctx);
      if (requests.length === 0)
        return { status: "skipped", detail: l("Nothing to check.", "確認する対象がありません。") };
      const results = requests.map((r) => ({ r, a: askIdentity(ctx, r) }));
      const denied = results.filter((x) => identityAllows(x.a) === "no");
      const undecided = results.filter((x) => identityAllows(x.a) === "unknown");
      const action = requests[0].action;
      if (denied.length === 0 && undecided.length === 0) {
        const c =
          results[0].a.cited.find((m) => m.effect === "Allow") ??
          results[0].a.statements.find((s) => s.effect === "Allow" && s.applies === "match");
        return {
          status: "pass",
          detail: c
            ? l(
                `${citeText(c)} allows ${action} on ${sample(requests.map(what))}.`,
                `${citeTextJa(c)}が ${sampleJa(requests.map(what))} に対する ${action} を許可しています。`,
              )
            : l(
                `${action} is allowed on ${sample(requests.map(what))}.`,
                `${sampleJa(requests.map(what))} に対する ${action} は許可されています。`,
              ),
          ...(c
            ? { evidence: { document: c.document, statement: c.statement, ...(c.sid ? { sid: c.sid } : {}) } }
            : {}),
        };
      }
      // Same account: a bucket policy Allow also grants the request.
      const p = ctx.derived.principal!;
      const bucketPolicy = ctx.snapshot.bucket?.policy;
      if (
        denied.length > 0 &&
        bucketPolicy &&
        !action.startsWith("kms:") &&
        (ctx.derived.bucketAccount ?? p.accountId) === p.accountId
      ) {
        const viaBucket = denied.every(
          (x) =>
            ask({
              request: x.r,
              principal: p.requestArn,
              principalAccount: p.accountId,
              resourceAccount: p.accountId,
              identity: ctx.derived.identity!.policies,
              resource: { document: "bucket-policy", doc: bucketPolicy },
            }).answer.decision === "allow",
        );
        if (viaBucket && undecided.length === 0) {
          return {
            status: "pass",
            detail: l(
              `No identity policy allows ${action}, but the bucket policy grants it to this principal (same account), so the request is allowed.`,
              `${action} を許可する権限ポリシーはありませんが、同じアカウントのバケットポリシーがこのプリンシパルに許可しているため、リクエストは許可されます。`,
            ),
            evidence: { document: "bucket-policy" },
          };
        }
      }
      if (denied.length > 0) {
        const g = grantFix(
          ctx,
          { checkId: spec.id, ...spec.grant(ctx) },
          denied.map((x) => x.r),
        );
        const names = denied.map((x) => what(x.r));
        const scope =
          requests.length > 1
            ? l(
                ` (denied on ${denied.length} of ${requests.length}: ${sample(names)})`,
                `（${requests.length} 件中 ${denied.length} 件で拒否：${sampleJa(names)}）`,
              )
            : l("", "");
        const named = g.named.length
          ? g.named
          : [
              l(
                "The fixes of earlier findings in this report also correct this.",
                "このレポートの前の指摘の修正で、この問題も解消されます。",
              ),
            ];
        return {
          status: spec.missing,
          title: spec.deniedTitle,
          detail: l(
            `${named[0].en.startsWith("No identity policy") && !scope.en ? "" : `No identity policy allows ${action}${scope.en}. `}${named.map((n) => n.en).join(" ")}`,
            `${action} を許可する権限ポリシーがありません${scope.ja}。${named.map((n) => n.ja).join("")}`,
          ),
          evidence: { ...(g.evidence ?? {}), denied: names.slice(0, 20) },
          ...(g.fix ? { fix: g.fix } : {}),
        };
      }
      const keys = [...new Set(undecided.flatMap((x) => x.a.answer.unknownKeys))];
      return {
        status: "warn",
        title: l(
          `${action} depends on values TiDB Cloud's request may not have`,
          `${action} は TiDB Cloud のリクエストにない可能性のある値に依存しています`,
        ),
        detail: l(
          `Whether ${action} is allowed depends on ${keys.join(", ") || "an unknown value"} (for example TiDB Cloud's source IP, which is not known). Avoid such conditions on the import's permissions.`,
          `${action} が許可されるかどうかは ${keys.join("、") || "不明な値"} に依存します（たとえば TiDB Cloud の送信元 IP は不明です）。インポートに必要な権限にはこのような条件を付けないでください。`,
        ),
        evidence: { unknownKeys: keys },
      };
    },
  };
}
