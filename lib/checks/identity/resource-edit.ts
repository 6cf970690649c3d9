/**
 * The grant spec of a per-action check, and the edits of a statement's Resource that name the classic mistakes once
 * the engine said deny (Resource without the trailing /*, GetObject on the bucket ARN, another folder or letter case,
 * a KMS alias ARN), for grant.ts.
 */
import { addResource, replaceResource } from "@/lib/fixes/policy-edits";
import type { Doc } from "@/lib/fixes/workspace";
import { beforeJa, citeText, citeTextJa, statementsOf } from "../derive/ask";
import type { NamedPolicy } from "../derive/policies";
import type { ImportRequest } from "../derive/requests";
import type { CheckId } from "../ids";
import type { CheckContext, Localized } from "../types";
import { l } from "../types";

export interface GrantSpec {
  checkId: CheckId;
  /** Actions to add when a statement must be created or extended (e.g. GetObject and GetObjectVersion together). */
  actions: string[];
  /** The Resource to grant: bucket ARN, `<bucket ARN>/<folder>*`, or (per request) the key ARN. */
  resource: string | ((req: ImportRequest) => string);
  /** Sid of a new statement. */
  sid: string;
}

export interface Edit {
  document: string;
  after: Doc;
  named: Localized;
  statement?: number;
}

export function resourcesOf(doc: Doc, i: number): string[] {
  const r = statementsOf(doc)[i]?.Resource;
  return (Array.isArray(r) ? r : r === undefined ? [] : [r]).map(String);
}

export function sidOf(doc: Doc, i: number): string | undefined {
  const s = statementsOf(doc)[i]?.Sid;
  return typeof s === "string" ? s : undefined;
}

export function resourceFor(spec: GrantSpec, req: ImportRequest): string {
  return typeof spec.resource === "function" ? spec.resource(req) : spec.resource;
}

/** Names what is wrong with a Resource that the engine said does not cover the request, and how to edit it. */
export function resourceEdit(
  ctx: CheckContext,
  req: ImportRequest,
  spec: GrantSpec,
  p: NamedPolicy,
  i: number,
): Edit | null {
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
          `${beforeJa(at.ja)}は ${req.action} をエイリアス ARN ${alias} に許可していますが、Resource のエイリアスではキーの使用は許可されません。キー ARN ${res} を指定してください。`,
        ),
      };
    }
    return {
      document: p.document,
      statement: i,
      after: addResource(p.doc, i, res),
      named: l(
        `${at.en} grants ${req.action} on ${resources.join(", ")}, not on the key ${res}${req.kmsKey && req.kmsKey.objects.length && !req.kmsKey.bucketDefault ? " that encrypts objects copied from another bucket" : ""}.`,
        `${beforeJa(at.ja)}は ${req.action} を ${resources.join("、")} に許可しており、キー ${res}${req.kmsKey && req.kmsKey.objects.length && !req.kmsKey.bucketDefault ? "（別のバケットからコピーされたオブジェクトの暗号化に使われているキー）" : " "}には許可していません。`,
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
          `${at.ja}: Resource ${noStar} の末尾に /* がないため、オブジェクトを指していません。${res} にしてください。`,
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
          `${beforeJa(at.ja)}は ${req.action} をバケット ARN ${bucketArn} に許可していますが、これはバケットを指し、オブジェクトを指しません。${res} を追加してください。`,
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
              `${beforeJa(at.ja)}は ${req.action} を ${caseOnly} に許可していますが、フォルダー ${folder} と大文字・小文字が異なります（S3 のキーは大文字と小文字を区別します）。${res} を追加してください。`,
            )
          : l(
              `${at.en} grants ${req.action} on another folder (${sameBucket.join(", ")}), not on ${folder || "the imported objects"}. Add ${res}.`,
              `${beforeJa(at.ja)}は ${req.action} を別のフォルダー（${sameBucket.join("、")}）に許可しており、${folder || "インポートするオブジェクト"}には許可していません。${res} を追加してください。`,
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
          `${beforeJa(at.ja)}は ${req.action} をオブジェクトの ARN ${objectArn} に許可していますが、${req.action} はバケット ARN ${bucketArn} に対するアクションです。`,
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
      `${beforeJa(at.ja)}は ${req.action} を ${resources.join("、")} に許可しており、${req.resource} は含まれません。${res} を追加してください。`,
    ),
  };
}
