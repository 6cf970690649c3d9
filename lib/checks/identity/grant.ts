/**
 * The smallest change to the user's identity policies that grants a denied request, and the name of the mistake.
 * The engine decides (which statements match in action, resource and condition); strings are only inspected to
 * name the mistake once the engine said deny (e.g. "Resource arn:aws:s3:::b/mydata lacks the trailing /*").
 */
import type { Fix } from "@/lib/report/types";
import { addActions, addConditionValue, addResource, addStatement, replaceResource } from "@/lib/fixes/policy-edits";
import { policyFix } from "@/lib/fixes/make-fix";
import type { Doc } from "@/lib/fixes/workspace";
import { citeText, citeTextJa, statementsOf, type Asked } from "../derive/ask";
import type { NamedPolicy } from "../derive/policies";
import type { ImportRequest } from "../derive/requests";
import type { CheckContext, Localized } from "../types";
import { l } from "../types";
import { askIdentity, currentIdentityPolicies, identityAllows } from "./identity-question";

export interface GrantSpec {
  checkId: string;
  /** Actions to add when a statement must be created or extended (e.g. GetObject and GetObjectVersion together). */
  actions: string[];
  /** The Resource to grant: bucket ARN, `<bucket ARN>/<folder>*`, or (per request) the key ARN. */
  resource: string | ((req: ImportRequest) => string);
  /** Sid of a new statement. */
  sid: string;
}

interface Edit {
  document: string;
  after: Doc;
  named: Localized;
  statement?: number;
}

function resourcesOf(doc: Doc, i: number): string[] {
  const r = statementsOf(doc)[i]?.Resource;
  return (Array.isArray(r) ? r : r === undefined ? [] : [r]).map(String);
}

function sidOf(doc: Doc, i: number): string | undefined {
  const s = statementsOf(doc)[i]?.Sid;
  return typeof s === "string" ? s : undefined;
}

function resourceFor(spec: GrantSpec, req: ImportRequest): string {
  return typeof spec.resource === "function" ? spec.resource(req) : spec.resource;
}

/** Names what is wrong with a Resource that the engine said does not cover the request, and how to edit it. */
function resourceEdit(ctx: CheckContext, req: ImportRequest, spec: GrantSpec, p: NamedPolicy, i: number): Edit | null {
  const res = resourceFor(spec, req);
  const bucketArn = ctx.derived.bucketArn!;
  const folder = ctx.derived.target!.folder;
  const resources = resourcesOf(p.doc, i);
  if (resources.length === 0) return null;
  const c = { document: p.document, statement: i, sid: sidOf(p.doc, i) };
  const at = l(citeText(c), citeTextJa(c));
  if (req.action.startsWith("kms:")) {
    const alias = resources.find((r) => /:alias\//.test(r));
    if (alias) {
      const resolvesHere = (req.kmsKey?.key?.aliases ?? []).some((a) =>
        alias.endsWith(a.startsWith("alias/") ? a : `alias/${a}`),
      );
      return {
        document: p.document,
        statement: i,
        after: resolvesHere ? replaceResource(p.doc, i, alias, res) : addResource(p.doc, i, res),
        named: l(
          `${at.en} grants ${req.action} on the alias ARN ${alias}; an alias in Resource does not authorize the key. Use the key ARN ${res}.`,
          `${at.ja}は ${req.action} をエイリアス ARN ${alias} に許可していますが、Resource のエイリアスではキーの使用は許可されません。キー ARN ${res} を指定してください。`,
        ),
      };
    }
    return {
      document: p.document,
      statement: i,
      after: addResource(p.doc, i, res),
      named: l(
        `${at.en} grants ${req.action} on ${resources.join(", ")}, not on the key ${res}${req.kmsKey && req.kmsKey.objects.length && !req.kmsKey.bucketDefault ? " that encrypts objects copied from another bucket" : ""}.`,
        `${at.ja}は ${req.action} を ${resources.join("、")} に許可しており、キー ${res}${req.kmsKey && req.kmsKey.objects.length && !req.kmsKey.bucketDefault ? "（別のバケットからコピーされたオブジェクトの暗号化に使われているキー）" : ""}には許可していません。`,
      ),
    };
  }
  const objectLevel = !!req.objectKey;
  if (objectLevel) {
    const folderNoSlash = `${bucketArn}/${folder.replace(/\/$/, "")}`;
    const noStar = resources.find((r) => folder && (r === `${bucketArn}/${folder}` || r === folderNoSlash));
    if (noStar) {
      return {
        document: p.document,
        statement: i,
        after: replaceResource(p.doc, i, noStar, res),
        named: l(
          `${at.en}: Resource ${noStar} lacks the trailing /*, so it names no object. Use ${res}.`,
          `${at.ja}：Resource ${noStar} の末尾に /* がないため、オブジェクトを指していません。${res} にしてください。`,
        ),
      };
    }
    if (resources.includes(bucketArn)) {
      return {
        document: p.document,
        statement: i,
        after: addResource(p.doc, i, res),
        named: l(
          `${at.en} grants ${req.action} on the bucket ARN ${bucketArn}, which names the bucket, not its objects. Add ${res}.`,
          `${at.ja}は ${req.action} をバケット ARN ${bucketArn} に許可していますが、これはバケットを指し、オブジェクトを指しません。${res} を追加してください。`,
        ),
      };
    }
    const sameBucket = resources.filter((r) => r.startsWith(`${bucketArn}/`));
    if (sameBucket.length) {
      const caseOnly = sameBucket.find(
        (r) =>
          r.toLowerCase() === res.toLowerCase() || r.toLowerCase().startsWith(`${bucketArn}/${folder}`.toLowerCase()),
      );
      return {
        document: p.document,
        statement: i,
        after: addResource(p.doc, i, res),
        named: caseOnly
          ? l(
              `${at.en} grants ${req.action} on ${caseOnly}, which differs from the folder ${folder} in letter case (S3 keys are case-sensitive). Add ${res}.`,
              `${at.ja}は ${req.action} を ${caseOnly} に許可していますが、フォルダー ${folder} と大文字・小文字が異なります（S3 のキーは大文字と小文字を区別します）。${res} を追加してください。`,
            )
          : l(
              `${at.en} grants ${req.action} on another folder (${sameBucket.join(", ")}), not on ${folder || "the imported objects"}. Add ${res}.`,
              `${at.ja}は ${req.action} を別のフォルダー（${sameBucket.join("、")}）に許可しており、${folder || "インポートするオブジェクト"}には許可していません。${res} を追加してください。`,
            ),
      };
    }
  } else {
    const objectArn = resources.find((r) => r.startsWith(`${bucketArn}/`));
    if (objectArn) {
      return {
        document: p.document,
        statement: i,
        after: addResource(p.doc, i, res),
        named: l(
          `${at.en} grants ${req.action} on ${objectArn}, an object ARN; ${req.action} applies to the bucket ARN ${bucketArn}.`,
          `${at.ja}は ${req.action} をオブジェクトの ARN ${objectArn} に許可していますが、${req.action} はバケット ARN ${bucketArn} に対するアクションです。`,
        ),
      };
    }
  }
  return {
    document: p.document,
    statement: i,
    after: addResource(p.doc, i, res),
    named: l(
      `${at.en} grants ${req.action} on ${resources.join(", ")}, which does not cover ${req.resource}. Add ${res}.`,
      `${at.ja}は ${req.action} を ${resources.join("、")} に許可しており、${req.resource} は含まれません。${res} を追加してください。`,
    ),
  };
}

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
  // b. Action and Resource match, a condition does not: an s3:prefix condition that excludes the folder.
  for (const s of order(
    allows.filter((x) => x.action === "match" && x.resource === "match" && x.condition === "no-match"),
  )) {
    const prefix = (s.failedConditions ?? []).find((f) => f.key.toLowerCase() === "s3:prefix" && !f.undecided);
    if (!prefix || /Not/.test(prefix.operator)) continue;
    const p = byDoc.get(s.document)!;
    const folder = ctx.derived.target!.folder;
    const like = /Like/.test(prefix.operator);
    const value = like ? `${folder}*` : folder;
    const c = { document: p.document, statement: s.statement, sid: sidOf(p.doc, s.statement) };
    const cur = statementsOf(p.doc)[s.statement]?.Condition as Record<string, Record<string, unknown>> | undefined;
    const have =
      cur?.[prefix.operator]?.[
        Object.keys(cur?.[prefix.operator] ?? {}).find((k) => k.toLowerCase() === "s3:prefix") ?? ""
      ];
    return {
      document: p.document,
      statement: s.statement,
      after: addConditionValue(p.doc, s.statement, prefix.operator, "s3:prefix", value),
      named: l(
        `${citeText(c)} allows ${req.action} only when ${prefix.operator} s3:prefix ${JSON.stringify(have)}; TiDB Cloud lists with prefix "${folder}". Add "${value}".`,
        `${citeTextJa(c)}は ${prefix.operator} s3:prefix ${JSON.stringify(have)} の場合にのみ ${req.action} を許可していますが、TiDB Cloud はプレフィックス「${folder}」で一覧を取得します。「${value}」を追加してください。`,
      ),
    };
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
        `${req.action} を許可するステートメントがありません。${citeTextJa(c)}は既に ${res} を対象にしているので、${spec.actions.join("、")} を追加してください。`,
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
    named: l(
      `No identity policy allows ${req.action} on ${res}. Add a statement (Sid ${spec.sid}) to ${document}.`,
      `${res} に対する ${req.action} を許可する権限ポリシーがありません。${document} にステートメント（Sid ${spec.sid}）を追加してください。`,
    ),
  };
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
    const req = failing.find((r) => identityAllows(askIdentity(ctx, r, policies)) === "no");
    if (!req) break;
    const edit = chooseEdit(ctx, req, spec, policies, askIdentity(ctx, req, policies), document);
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
