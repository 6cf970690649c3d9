/**
 * The smallest change to the user's identity policies that grants a denied request, and the name of the mistake.
 * The engine decides (which statements match in action, resource and condition); strings are only inspected to
 * name the mistake once the engine said deny (e.g. "Resource arn:aws:s3:::b/mydata lacks the trailing /*").
 */
import type { Fix } from "@/lib/report/types";
import { addActions, addStatement } from "@/lib/fixes/policy-edits";
import { policyFix } from "@/lib/fixes/make-fix";
import type { Doc } from "@/lib/fixes/workspace";
import { beforeJa, citeText, citeTextJa, statementsOf, type Asked } from "../derive/ask";
import type { NamedPolicy } from "../derive/policies";
import type { ImportRequest } from "../derive/requests";
import type { CheckContext, Localized } from "../types";
import { l } from "../types";
import { correctConditions } from "../condition-fix";
import { askIdentity, currentIdentityPolicies, identityAllows } from "./identity-question";
import { resourceEdit, resourceFor, resourcesOf, sidOf, type Edit, type GrantSpec } from "./resource-edit";

export type { GrantSpec };

/** Chooses one edit of the current identity policies that moves `req` towards allow. */
function chooseEdit(
  ctx: CheckContext,
  req: ImportRequest,
  spec: GrantSpec,
  policies: NamedPolicy[],
  asked: Asked,
  prefer?: string,
): Edit {
  const res = resourceFor(spec, req);
  const byDoc = new Map(policies.map((p) => [p.document, p] as const));
  const allows = asked.statements.filter((s) => s.effect === "Allow" && byDoc.has(s.document));
  const order = <T extends { document: string }>(xs: T[]) =>
    prefer ? [...xs.filter((x) => x.document === prefer), ...xs.filter((x) => x.document !== prefer)] : xs;
  // a. The action is granted, on the wrong Resource: a statement about this bucket (or, for kms:, about other keys).
  // A statement about other buckets is left alone: widening it would grant on the import's bucket under its
  // unrelated conditions.
  const bucketArn = ctx.derived.bucketArn!.toLowerCase();
  const aboutTarget = (document: string, i: number) =>
    req.action.startsWith("kms:") ||
    resourcesOf(byDoc.get(document)!.doc, i).some((r) => {
      const x = r.toLowerCase();
      return x === bucketArn || x.startsWith(`${bucketArn}/`);
    });
  for (const s of order(
    allows.filter((x) => x.action === "match" && x.resource === "no-match" && aboutTarget(x.document, x.statement)),
  )) {
    const e = resourceEdit(ctx, req, spec, byDoc.get(s.document)!, s.statement);
    if (e) return e;
  }
  // b. Action and Resource match, a condition does not: correct the condition (never drop it), if the corrected
  // statement then grants the request. A condition that cannot be corrected leaves a new statement as the last resort.
  let lastResort: Localized | null = null;
  for (const s of order(
    allows.filter((x) => x.action === "match" && x.resource === "match" && x.condition === "no-match"),
  )) {
    const p = byDoc.get(s.document)!;
    const failed = (s.failedConditions ?? []).filter((f) => !f.undecided);
    if (failed.length === 0) continue;
    const c = { document: p.document, statement: s.statement, sid: sidOf(p.doc, s.statement) };
    const at = l(citeText(c), citeTextJa(c));
    const objectActions = spec.actions.filter((a) => a !== "s3:ListBucket" && a.startsWith("s3:"));
    const corrected = correctConditions(
      ctx,
      req,
      p.doc,
      s.statement,
      failed,
      at,
      objectActions.length ? { actions: objectActions, resource: res, sid: spec.sid } : undefined,
    );
    const grants =
      corrected &&
      identityAllows(
        askIdentity(
          ctx,
          req,
          policies.map((x) => (x.document === p.document ? { document: x.document, doc: corrected.after } : x)),
        ),
      ) === "yes";
    if (corrected && grants)
      return { document: p.document, statement: s.statement, after: corrected.after, named: corrected.named };
    const keys = failed.map((f) => `${f.operator} ${f.key}`).join(", ");
    lastResort ??= l(
      `${at.en} allows ${req.action} only when ${keys}, which TiDB Cloud's request does not meet and which cannot be corrected to a value it would meet; as a last resort, a statement without that condition is added beside it (or change the condition yourself and keep the statement).`,
      `${beforeJa(at.ja)}は ${keys} の場合にのみ ${req.action} を許可していますが、TiDB Cloud のリクエストはこれを満たさず、満たす値に修正することもできません。最後の手段として、その条件のないステートメントを横に追加します（条件をご自身で修正してステートメントを残すこともできます）。`,
    );
  }
  // c. A statement already targets the resource: add the missing actions to it.
  const targeting = order(
    allows.filter((x) => x.resource === "match" && x.action === "no-match" && x.condition !== "no-match"),
  );
  for (const s of targeting) {
    const p = byDoc.get(s.document)!;
    const st = statementsOf(p.doc)[s.statement];
    // Never widen a statement on Resource "*", and leave NotAction statements alone.
    if (!st || st.NotAction !== undefined || resourcesOf(p.doc, s.statement).includes("*")) continue;
    const c = { document: p.document, statement: s.statement, sid: sidOf(p.doc, s.statement) };
    return {
      document: p.document,
      statement: s.statement,
      after: addActions(p.doc, s.statement, spec.actions),
      named: l(
        `No statement allows ${req.action}; ${citeText(c)} already targets ${res}: add ${spec.actions.join(", ")} to it.`,
        `${req.action} を許可するステートメントがありません。${beforeJa(citeTextJa(c))}は既に ${res} を対象にしているので、${spec.actions.join("、")} を追加してください。`,
      ),
    };
  }
  // d. A new statement, in the preferred (or first inline, or first) policy, or a new inline policy.
  const mode = ctx.snapshot.target.mode;
  const inlinePrefix = mode === "role" ? "role-policy:" : "user-policy:";
  const host =
    (prefer ? byDoc.get(prefer) : undefined) ??
    policies.find(
      (p) => p.document.startsWith(inlinePrefix) && !p.document.slice(inlinePrefix.length).startsWith("arn:"),
    ) ??
    policies.find((p) => p.document.startsWith(inlinePrefix)) ??
    null;
  const document = host?.document ?? `${inlinePrefix}tidb-cloud-import`;
  const statement = {
    Sid: spec.sid,
    Effect: "Allow",
    Action: spec.actions.length === 1 ? spec.actions[0] : spec.actions,
    Resource: res,
  };
  return {
    document,
    after: addStatement(host?.doc ?? null, statement),
    named: lastResort
      ? l(
          `${lastResort.en} The new statement (Sid ${spec.sid}) goes in ${document}.`,
          `${lastResort.ja}新しいステートメント（Sid ${spec.sid}）は ${document} に追加します。`,
        )
      : l(
          `No identity policy allows ${req.action} on ${res}. Add a statement (Sid ${spec.sid}) to ${document}.`,
          `${res} に対する ${req.action} を許可する権限ポリシーがありません。${document} にステートメント（Sid ${spec.sid}）を追加してください。`,
        ),
  };
}

/** The first request the identity policies do not grant, with the engine's answer. */
function firstDenied(
  ctx: CheckContext,
  requests: ImportRequest[],
  policies: NamedPolicy[],
): { req: ImportRequest; asked: Asked } | null {
  for (const req of requests) {
    const asked = askIdentity(ctx, req, policies);
    if (identityAllows(asked) === "no") return { req, asked };
  }
  return null;
}

export interface GrantResult {
  fix?: Fix;
  /** What was wrong, named per edit (the first one is the headline). */
  named: Localized[];
  evidence?: { document: string; statement?: number; sid?: string };
}

/**
 * Edits the identity policies (as corrected so far) until every request in `failing` is granted, within one
 * document; returns the fix, or no fix when earlier fixes already grant them.
 */
export function grantFix(ctx: CheckContext, spec: GrantSpec, failing: ImportRequest[]): GrantResult {
  let policies = currentIdentityPolicies(ctx);
  const named: Localized[] = [];
  let document: string | undefined;
  let before: Doc | null = null;
  let evidence: GrantResult["evidence"];
  for (let round = 0; round < 8; round++) {
    const denied = firstDenied(ctx, failing, policies);
    if (!denied) break;
    const { req, asked } = denied;
    const edit = chooseEdit(ctx, req, spec, policies, asked, document);
    if (document && edit.document !== document) break;
    if (!document) {
      document = edit.document;
      before = policies.find((p) => p.document === edit.document)?.doc ?? null;
      const doc = policies.find((p) => p.document === edit.document)?.doc;
      evidence = {
        document: edit.document,
        ...(edit.statement !== undefined
          ? {
              statement: edit.statement,
              ...(doc && sidOf(doc, edit.statement) ? { sid: sidOf(doc, edit.statement) } : {}),
            }
          : {}),
      };
    }
    named.push(edit.named);
    const exists = policies.some((p) => p.document === edit.document);
    policies = exists
      ? policies.map((p) => (p.document === edit.document ? { document: p.document, doc: edit.after } : p))
      : [...policies, { document: edit.document, doc: edit.after }];
  }
  if (!document) return { named };
  const after = policies.find((p) => p.document === document)!.doc;
  return { fix: policyFix(ctx.fixes, ctx.snapshot, spec.checkId, document, before, after), named, evidence };
}
