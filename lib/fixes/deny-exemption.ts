/**
 * The smallest change to a Deny statement that lets the import through and nothing else: only this principal, only
 * the import's actions, only on this bucket, folder and key. In order of preference:
 * 1. `not-resource` (identity policies): the Deny lists what it leaves alone in NotResource, and the import's
 *    resources are missing there: add them.
 * 2. `action-list`: the Deny names exact actions, and besides the import's reads only actions that write: its
 *    evident purpose is to stop writes, so the reads come out of it.
 * 3. `carve-out`: the Deny keeps applying to everyone else (an `ArnNotEquals aws:PrincipalArn` exception) and is
 *    repeated for this principal without the import's requests: its other actions everywhere (`Action` minus the
 *    import's, or `NotAction` with them), and the import's actions outside the import's resources (`NotResource`).
 *    In a policy attached to this principal alone (an inline policy) the statement itself is narrowed instead.
 * When none can be written exactly (e.g. the import's actions on part of the bucket only), there is no document and
 * the finding says in words what to change. Statement indexes stay stable: statements are changed or appended.
 */
import { wildcardMatch } from "@/lib/policy";
import { accessLevel, actionsWithout } from "./action-sets";
import { addPrincipalArnException } from "./policy-edits";
import type { Doc } from "./workspace";

type Statement = Record<string, unknown>;

/** One kind of request of the import that the Deny hits: its actions and the resource (pattern) they are made on. */
export interface ImportGroup {
  actions: string[];
  /** e.g. the bucket ARN, `arn:aws:s3:::bucket/folder/*`, the key ARN. */
  resource: string;
  /** What resources of this kind the policy can speak about, as a pattern (all objects; this bucket's objects …). */
  universe: string;
  /** What kind of resource the actions are made on. */
  kind: "bucket" | "object" | "key";
  /** For s3:ListBucket: the folder the import lists (s3:prefix); listing another prefix stays denied. */
  listPrefix?: string;
}

export interface ImportScope {
  /** aws:PrincipalArn of the importing principal (the role ARN, or the IAM user's ARN). */
  principalArn: string;
  groups: ImportGroup[];
}

/** inline: attached to this principal only; shared: a managed, group or resource policy that others are subject to. */
export type DocumentReach = "inline" | "shared";

export type Exemption =
  | { after: Doc; how: "not-resource" | "action-list" | "carve-out"; added?: number }
  | { after: null; why: "only-import" | "resources" | "principal-condition" };

const lower = (s: string) => s.toLowerCase();
const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]).map(String);
const one = (xs: string[]): string | string[] => (xs.length === 1 ? xs[0] : xs);

function statementsOf(doc: Doc): Statement[] {
  const s = doc.Statement;
  return Array.isArray(s) ? (s as Statement[]) : s && typeof s === "object" ? [s as Statement] : [];
}

function withStatements(doc: Doc, statements: Statement[]): Doc {
  return { ...structuredClone(doc), Version: doc.Version ?? "2012-10-17", Statement: statements };
}

/** `pattern` (a Resource entry) covers every resource `universe` stands for (a trailing * means any rest). */
function covers(pattern: string, universe: string): boolean {
  if (!universe.endsWith("*")) return wildcardMatch(pattern, universe);
  const stem = universe.slice(0, -1);
  return wildcardMatch(pattern, universe) && wildcardMatch(pattern, stem) && wildcardMatch(pattern, `${stem}zz/pr*be?`);
}

const TYPE: Record<ImportGroup["kind"], RegExp> = {
  bucket: /^arn:[^:]+:s3:::[^/]+$/,
  object: /^arn:[^:]+:s3:::[^/]+\/./,
  key: /^arn:[^:]+:kms:[^:]*:[^:]*:key\/./,
};

/** The Resource entry `r` is within `inner` (a literal, or a literal prefix and a trailing *). */
function within(r: string, inner: string): boolean {
  if (!/[*?]/.test(inner)) return r === inner;
  const m = /^([^*?]*)\*$/.exec(inner);
  if (!m) return false;
  const literal = /^[^*?]*/.exec(r)![0];
  return literal.startsWith(m[1]);
}

/**
 * The Resource entry `r` covers a resource of the group's kind other than the import's: some instance of it (each
 * wildcard read as nothing, a word, or a path) is of that kind and outside the import's resource.
 */
function coversOthers(r: string, g: ImportGroup): boolean {
  if (r === "*") return true;
  if (within(r, g.resource)) return false;
  return ["", "x", "x/y"].some((fill) => {
    const instance = r.replace(/\*/g, fill).replace(/\?/g, "x");
    return TYPE[g.kind].test(instance) && !wildcardMatch(g.resource, instance);
  });
}

function sidBase(st: Statement, index: number): string {
  const sid = typeof st.Sid === "string" ? st.Sid.replace(/[^A-Za-z0-9]/g, "") : "";
  return sid || `Statement${index}`;
}

type Conditions = Record<string, Record<string, unknown>> | undefined;

/** A statement of the carve-out with its conditions (and, for the listing one, `StringNotLike s3:prefix`). */
function withPrefix(e: Statement, cond: Conditions): Statement {
  const { prefix, ...rest } = e;
  if (typeof prefix !== "string") return cond ? { ...rest, Condition: cond } : rest;
  const c = structuredClone(cond ?? {});
  // StringNotLike [a, b] holds when the value matches neither: merging into an existing list is the AND of both.
  const block = (c.StringNotLike ??= {});
  const key = Object.keys(block).find((k) => lower(k) === "s3:prefix") ?? "s3:prefix";
  block[key] = one([...new Set([...list(block[key]), prefix])]);
  return { ...rest, Condition: c };
}

/** The statement's conditions plus `ArnEquals aws:PrincipalArn`, or null when that key is taken by its operators. */
function forPrincipal(st: Statement, principalArn: string): Conditions | null {
  const cond = structuredClone((st.Condition ?? {}) as Record<string, Record<string, unknown>>);
  for (const op of ["ArnEquals", "ArnLike", "StringEquals"]) {
    const block = cond[op] ?? {};
    if (Object.keys(block).some((k) => lower(k) === "aws:principalarn")) continue;
    cond[op] = { ...block, "aws:PrincipalArn": principalArn };
    return cond;
  }
  return null;
}

/**
 * The corrected document for a Deny statement `index` that hits the import's requests in `scope` (every group given
 * is hit by it), or why none can be written.
 */
export async function exemptImportFromDeny(
  doc: Doc,
  index: number,
  scope: ImportScope,
  reach: DocumentReach,
  kind: "identity" | "resource",
): Promise<Exemption> {
  const statements = structuredClone(statementsOf(doc));
  const st = statements[index];
  const importActions = [...new Set(scope.groups.flatMap((g) => g.actions))];
  const resources = [...new Set(scope.groups.map((g) => g.resource))];

  // 1. NotResource without the import's resources (an identity policy's allow-list of resources).
  if (kind === "identity" && st.NotResource !== undefined) {
    statements[index] = { ...st, NotResource: one([...new Set([...list(st.NotResource), ...resources])]) };
    return { after: withStatements(doc, statements), how: "not-resource" };
  }

  // 2. Exact actions, the import's reads among writes only, no condition: the reads do not belong there.
  if (st.Action !== undefined && st.Condition === undefined && !list(st.Action).some((a) => /[*?]/.test(a))) {
    const named = list(st.Action);
    const others = named.filter((a) => !importActions.some((i) => lower(i) === lower(a)));
    if (others.length > 0 && others.length < named.length) {
      const levels = await Promise.all(others.map(accessLevel));
      if (levels.every((lv) => lv !== null && !/^(Read|List)$/.test(lv))) {
        statements[index] = { ...st, Action: one(others) };
        return { after: withStatements(doc, statements), how: "action-list" };
      }
    }
  }

  // 3. Carve out the import's requests for this principal.
  const base = sidBase(st, index);
  const shape = (extra: Statement): Statement => {
    const out: Statement = {};
    for (const [k, v] of Object.entries(st))
      if (!["Sid", "Action", "NotAction", "Resource", "NotResource", "Condition"].includes(k))
        out[k] = structuredClone(v);
    return { Sid: extra.Sid, Effect: "Deny", ...out, ...extra };
  };
  // The principal's other actions, wherever the Deny applied.
  let otherActions: Statement | null = null;
  const where =
    st.Resource !== undefined
      ? { Resource: st.Resource }
      : st.NotResource !== undefined
        ? { NotResource: st.NotResource }
        : {};
  if (st.NotAction !== undefined) {
    otherActions = { NotAction: one([...new Set([...list(st.NotAction), ...importActions])]), ...where };
  } else {
    const named = list(st.Action);
    // In a resource policy only its own service's actions are ever asked about: "s3:*" minus the import's is NotAction.
    const wholeService =
      kind === "resource" &&
      named.some((a) => a === "*" || /^[a-z0-9-]+:\*$/i.test(a)) &&
      named.every((a) => a === "*" || /^[a-z0-9-]+:\*$/i.test(a) || importActions.some((i) => lower(i) === lower(a)));
    const rest = wholeService ? ("everything" as const) : await actionsWithout(named, importActions);
    if (rest === "everything") otherActions = { NotAction: one(importActions), ...where };
    else if (rest.length) otherActions = { Action: one(rest), ...where };
  }
  // The import's actions on resources other than the import's, where the Deny covers some.
  const elsewhere: Statement[] = [];
  const resourceList = list(st.Resource);
  for (const g of scope.groups) {
    const reachesOthers = st.Resource === undefined || resourceList.some((r) => coversOthers(r, g));
    if (!reachesOthers) continue;
    if (st.NotResource !== undefined || !resourceList.some((r) => covers(r, g.universe)))
      return { after: null, why: "resources" };
    elsewhere.push({ Action: one(g.actions), NotResource: g.resource });
  }
  // Listing stays denied outside the import's folder.
  const listing = scope.groups.find((g) => g.listPrefix && g.actions.includes("s3:ListBucket"));
  const otherPrefixes: Statement | null = listing
    ? { Action: "s3:ListBucket", Resource: listing.resource, prefix: `${listing.listPrefix}*` }
    : null;
  const extras: Statement[] = [];
  if (otherActions) extras.push({ Sid: `${base}ImportPrincipalOtherActions`, ...otherActions });
  if (otherPrefixes) extras.push({ Sid: `${base}ImportPrincipalOtherPrefixes`, ...otherPrefixes });
  elsewhere.forEach((e, i) =>
    extras.push({ Sid: `${base}ImportPrincipalOtherResources${elsewhere.length > 1 ? i + 1 : ""}`, ...e }),
  );

  if (reach === "inline") {
    // Attached to this principal alone: the statement itself becomes the narrower Deny.
    if (extras.length === 0) return { after: null, why: "only-import" };
    const [first, ...more] = extras.map((e) => shape(withPrefix(e, structuredClone(st.Condition) as Conditions)));
    const { Sid: _sid, ...body } = first;
    statements[index] = st.Sid !== undefined ? { Sid: st.Sid, ...body } : body;
    return { after: withStatements(doc, [...statements, ...more]), how: "carve-out" };
  }
  let after = addPrincipalArnException(withStatements(doc, statements), index, scope.principalArn);
  const added: Statement[] = [];
  for (const e of extras) {
    const cond = forPrincipal(st, scope.principalArn);
    if (!cond) return { after: null, why: "principal-condition" };
    added.push(shape(withPrefix(e, cond)));
  }
  after = withStatements(after, [...statementsOf(after), ...added]);
  return { after, how: "carve-out", added: added.length };
}
