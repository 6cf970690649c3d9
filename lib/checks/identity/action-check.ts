import type { StepId } from "@/lib/report/types";
import { beforeJa, citeText, citeTextJa, type Asked } from "../derive/ask";
import type { ImportRequest } from "../derive/requests";
import { unknownKeysText } from "../derive/unknown-keys";
import { sample, sampleJa } from "../helpers";
import type { CheckId } from "../ids";
import type { Check, CheckContext, Localized, Outcome } from "../types";
import { l } from "../types";
import { boundaryAllows } from "./boundary-side";
import { grantFix, type GrantSpec } from "./grant";
import { askEffective, askIdentity, identityAllows, identityPrecondition } from "./identity-question";

export interface ActionCheckSpec {
  id: CheckId;
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

type Tri = "yes" | "no" | "unknown";

function what(r: ImportRequest): string {
  return r.objectKey ?? r.resource;
}

/**
 * A check that one action of the import is allowed on every resource it touches: the *effective* decision (the
 * identity policies within the permissions boundary, or a same-account bucket policy grant; see askEffective). When
 * it is denied, the finding names the cause: no identity policy grants it (with the smallest grant as the fix), or the
 * permissions boundary does not allow it (identity.permissions-boundary carries that fix).
 */
export function actionCheck<const Id extends CheckId>(spec: ActionCheckSpec & { id: Id }): Check & { id: Id } {
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
      const boundary = ctx.derived.identity!.boundary;
      // The identity side alone and the boundary are asked about only for a request the effective decision denies
      // (they name the cause); an allowed request needs neither.
      const results = requests.map((r) => {
        const effective = askEffective(ctx, r);
        const decision = effective.answer.decision;
        let id: Asked | undefined;
        let identity: Tri | undefined;
        let bounded: Tri | undefined;
        return {
          r,
          effective,
          decision,
          get id(): Asked {
            return (id ??= askIdentity(ctx, r));
          },
          get identity(): Tri {
            return (identity ??= identityAllows(this.id));
          },
          get boundary(): Tri {
            return decision === "allow" ? "yes" : (bounded ??= boundaryAllows(ctx, r, boundary));
          },
        };
      });
      const denied = results.filter((x) => x.decision === "implicit-deny" || x.decision === "explicit-deny");
      const undecided = results.filter((x) => x.decision === "unknown");
      const action = requests[0].action;
      if (denied.length === 0 && undecided.length === 0) return passed(ctx, action, requests, results);
      if (denied.length > 0) {
        const names = denied.map((x) => what(x.r));
        const scope =
          requests.length > 1
            ? l(
                ` (denied on ${denied.length} of ${requests.length}: ${sample(names)})`,
                `（${requests.length} 件中 ${denied.length} 件で拒否: ${sampleJa(names)}）`,
              )
            : l("", "");
        // The boundary is the cause when, without it, the request would be allowed (the identity policies grant it,
        // or a bucket policy grants the role ARN, which the boundary limits).
        const byBoundary = boundary
          ? denied.filter((x) => askEffective(ctx, x.r, false).answer.decision === "allow")
          : [];
        const lacking = denied.filter((x) => !byBoundary.includes(x) && x.identity !== "yes");
        const bounded = denied.filter((x) => x.boundary === "no");
        const boundaryText = bounded.length
          ? l(
              ` The permissions boundary does not allow ${action} either: a boundary sets the maximum permissions whatever the identity policies grant (see identity.permissions-boundary, which carries the corrected boundary).`,
              `権限境界も ${action} を許可していません。権限境界は、権限ポリシーが何を許可していても上限となります（修正後の権限境界は identity.permissions-boundary を参照）。`,
            )
          : l("", "");
        if (lacking.length === 0 && byBoundary.length > 0) {
          const viaBucket = byBoundary[0].identity !== "yes";
          const c = viaBucket
            ? askEffective(ctx, byBoundary[0].r, false).cited.find((m) => m.document === "bucket-policy")
            : byBoundary[0].id.cited.find((m) => m.effect === "Allow");
          return {
            status: spec.missing,
            title: l(`The permissions boundary blocks ${action}`, `権限境界が ${action} を拒否しています`),
            detail: viaBucket
              ? ctx.derived.principal!.kind === "role"
                ? l(
                    `${c ? citeText(c) : "The bucket policy"} grants ${action} to the role (its ARN or "*"), but the permissions boundary does not allow it${scope.en}: such a grant is limited by the role's boundary (only a grant to the session ARN would not be, and TiDB Cloud's session name is not known). Add ${action} to the boundary (identity.permissions-boundary carries the corrected boundary).`,
                    `${c ? beforeJa(citeTextJa(c)) : "バケットポリシー"}はロール（ロール ARN または "*"）に ${action} を許可していますが、権限境界が許可していません${scope.ja}。このような許可はロールの権限境界で制限されます（制限されないのはセッション ARN への許可だけで、TiDB Cloud のセッション名は不明です）。権限境界に ${action} を追加してください（修正後の権限境界は identity.permissions-boundary を参照）。`,
                  )
                : l(
                    `${c ? citeText(c) : "The bucket policy"} grants ${action} to "*", but the permissions boundary does not allow it${scope.en}: such a grant is limited by the user's boundary (a grant naming the user's ARN ${ctx.derived.principal!.principalArn} would not be). Add ${action} to the boundary (identity.permissions-boundary carries the corrected boundary).`,
                    `${c ? beforeJa(citeTextJa(c)) : "バケットポリシー"}は "*" に ${action} を許可していますが、権限境界が許可していません${scope.ja}。このような許可はユーザーの権限境界で制限されます（ユーザーの ARN ${ctx.derived.principal!.principalArn} を指定した許可は制限されません）。権限境界に ${action} を追加してください（修正後の権限境界は identity.permissions-boundary を参照）。`,
                  )
              : l(
                  `${c ? `${citeText(c)} allows ${action}, but the` : "The identity policies allow it, but the"} permissions boundary does not${scope.en}: a boundary sets the maximum permissions, whatever the identity policies grant. Add ${action} to the boundary (identity.permissions-boundary carries the corrected boundary).`,
                  `${c ? `${beforeJa(citeTextJa(c))}は ${action} を許可していますが、` : "権限ポリシーは許可していますが、"}権限境界が許可していません${scope.ja}。権限境界は、権限ポリシーが何を許可していても上限となります。権限境界に ${action} を追加してください（修正後の権限境界は identity.permissions-boundary を参照）。`,
                ),
            evidence: { document: "permissions-boundary", denied: names.slice(0, 20) },
          };
        }
        if (lacking.length === 0) return undecidedOutcome(ctx, action, denied);
        const g = grantFix(
          ctx,
          { checkId: spec.id, ...spec.grant(ctx) },
          lacking.map((x) => x.r),
        );
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
            `${named[0].en.startsWith("No identity policy") && !scope.en ? "" : `No identity policy allows ${action}${scope.en}. `}${named.map((n) => n.en).join(" ")}${boundaryText.en}`,
            `${action} を許可する権限ポリシーがありません${scope.ja}。${named.map((n) => n.ja).join("")}${boundaryText.ja}`,
          ),
          evidence: { ...(g.evidence ?? {}), denied: names.slice(0, 20) },
          ...(g.fix ? { fix: g.fix } : {}),
        };
      }
      return undecidedOutcome(ctx, action, undecided);
    },
  };
}

function passed(
  ctx: CheckContext,
  action: string,
  requests: ImportRequest[],
  results: { effective: { cited: { document: string; statement: number; sid?: string; effect: string }[] } }[],
): Outcome {
  const cited = results[0].effective.cited.filter((m) => m.effect === "Allow");
  const viaBucket = cited.find((m) => m.document === "bucket-policy");
  const c = cited.find((m) => m.document !== "bucket-policy" && !m.document.startsWith("assumed-")) ?? null;
  if (!c && viaBucket && ctx.derived.principal) {
    return {
      status: "pass",
      detail: l(
        `No identity policy allows ${action}, but ${citeText(viaBucket)} grants it to this principal (same account), so the request is allowed.`,
        `${action} を許可する権限ポリシーはありませんが、同じアカウントの${beforeJa(citeTextJa(viaBucket))}がこのプリンシパルに許可しているため、リクエストは許可されます。`,
      ),
      evidence: {
        document: "bucket-policy",
        statement: viaBucket.statement,
        ...(viaBucket.sid ? { sid: viaBucket.sid } : {}),
      },
    };
  }
  return {
    status: "pass",
    detail: c
      ? l(
          `${citeText(c)} allows ${action} on ${sample(requests.map(what))}.`,
          `${beforeJa(citeTextJa(c))}が ${sampleJa(requests.map(what))} に対する ${action} を許可しています。`,
        )
      : l(
          `${action} is allowed on ${sample(requests.map(what))}.`,
          `${sampleJa(requests.map(what))} に対する ${action} は許可されています。`,
        ),
    ...(c ? { evidence: { document: c.document, statement: c.statement, ...(c.sid ? { sid: c.sid } : {}) } } : {}),
  };
}

/**
 * The decision depends on values not known: `unknown` naming the IAM action when reading the account would settle it
 * (tags) or when only the session name TiDB Cloud chooses decides it; `warn` when it rests on TiDB Cloud's own values
 * (source IP), which an import policy should not depend on.
 */
function undecidedOutcome(
  ctx: CheckContext,
  action: string,
  undecided: { effective: { answer: { unknownKeys: string[] } } }[],
): Outcome {
  const keys = [...new Set(undecided.flatMap((x) => x.effective.answer.unknownKeys))];
  const why = unknownKeysText(ctx.snapshot, keys, action);
  if (why.readable) {
    return {
      status: "unknown",
      title: l(`Whether ${action} is allowed is not known`, `${action} が許可されるかどうかは不明です`),
      detail: l(
        `Whether ${action} is allowed depends on ${why.text.en}. ${why.settle.en}`,
        `${action} が許可されるかどうかは ${why.text.ja} に依存します。${why.settle.ja}`,
      ),
      evidence: { unknownKeys: keys },
      unavailable: why.needed!,
    };
  }
  const session = keys.some((k) => /^(sts:RoleSessionName|aws:userid)$/i.test(k));
  if (session) {
    return {
      status: "unknown",
      title: l(
        `Whether ${action} is allowed depends on TiDB Cloud's session name`,
        `${action} が許可されるかどうかは TiDB Cloud のセッション名に依存します`,
      ),
      detail: l(
        `Whether ${action} is allowed depends on ${why.text.en}. Grant the role itself: name the role ARN ${ctx.derived.principal!.principalArn} (or use aws:PrincipalArn), not one session.`,
        `${action} が許可されるかどうかは ${why.text.ja} に依存します。特定のセッションではなく、ロール ARN ${ctx.derived.principal!.principalArn} を指定して（または aws:PrincipalArn を使って）ロール自体に許可してください。`,
      ),
      evidence: { unknownKeys: keys },
      unavailable: l(
        "TiDB Cloud's role session name, which is not published",
        "TiDB Cloud のロールセッション名（公開されていません）",
      ),
    };
  }
  return {
    status: "warn",
    title: l(
      `${action} depends on values TiDB Cloud's request may not have`,
      `${action} は TiDB Cloud のリクエストにない可能性のある値に依存しています`,
    ),
    detail: l(
      `Whether ${action} is allowed depends on ${why.text.en}. Avoid such conditions on the import's permissions.`,
      `${action} が許可されるかどうかは ${why.text.ja} に依存します。インポートに必要な権限にはこのような条件を付けないでください。`,
    ),
    evidence: { unknownKeys: keys },
  };
}
