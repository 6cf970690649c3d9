/**
 * Small edits to a user's own policy document. Each returns a new document and changes only what it says.
 * Statement indexes stay stable: edits never remove or reorder statements.
 */
import type { Doc } from "./workspace";

type Statement = Record<string, unknown>;

function cloneStatements(doc: Doc): { doc: Doc; statements: Statement[] } {
  const copy = structuredClone(doc);
  const s = copy.Statement;
  const statements: Statement[] = Array.isArray(s)
    ? (s as Statement[])
    : s && typeof s === "object"
      ? [s as Statement]
      : [];
  copy.Statement = statements;
  if (!copy.Version) copy.Version = "2012-10-17";
  return { doc: copy, statements };
}

function asList(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? [...v] : [v];
}

/** A one-element list becomes a string again, as people write policies. */
function compact(list: unknown[]): unknown {
  return list.length === 1 ? list[0] : list;
}

function emptyPolicy(): Doc {
  return { Version: "2012-10-17", Statement: [] };
}

/** Replaces one value of a statement's Resource (e.g. "arn:aws:s3:::b/mydata" → "arn:aws:s3:::b/mydata/*"). */
export function replaceResource(doc: Doc, index: number, from: string, to: string): Doc {
  const { doc: out, statements } = cloneStatements(doc);
  const st = statements[index];
  st.Resource = compact(asList(st.Resource).map((r) => (r === from ? to : r)));
  return out;
}

/** Adds a value to a statement's Resource list. */
export function addResource(doc: Doc, index: number, arn: string): Doc {
  const { doc: out, statements } = cloneStatements(doc);
  const st = statements[index];
  const list = asList(st.Resource);
  if (!list.includes(arn)) list.push(arn);
  st.Resource = compact(list);
  return out;
}

/** Adds actions to a statement's Action list. */
export function addActions(doc: Doc, index: number, actions: string[]): Doc {
  const { doc: out, statements } = cloneStatements(doc);
  const st = statements[index];
  const list = asList(st.Action);
  for (const a of actions)
    if (!list.some((x) => typeof x === "string" && x.toLowerCase() === a.toLowerCase())) list.push(a);
  st.Action = compact(list);
  return out;
}

export function addStatement(doc: Doc | null, statement: Statement): Doc {
  const { doc: out, statements } = cloneStatements(doc ?? emptyPolicy());
  statements.push(statement);
  return out;
}

/** Replaces one value in a statement's Principal.AWS (`"Principal": "*"` counts as `{ "AWS": "*" }`). */
export function replacePrincipal(doc: Doc, index: number, from: string | null, to: string): Doc {
  const { doc: out, statements } = cloneStatements(doc);
  const st = statements[index];
  const principal = st.Principal && typeof st.Principal === "object" ? (st.Principal as Record<string, unknown>) : {};
  const list = st.Principal === "*" ? ["*"] : asList(principal.AWS);
  const next = from === null ? [...list, to] : list.map((p) => (p === from ? to : p));
  principal.AWS = compact([...new Set(next)]);
  st.Principal = principal;
  return out;
}

/**
 * Makes a statement require `sts:ExternalId` = value: removes the given (wrong) condition entries and sets
 * StringEquals sts:ExternalId, keeping `keep` (other clusters' External IDs) in the list.
 */
export function setExternalId(
  doc: Doc,
  index: number,
  value: string,
  remove: { operator: string; key: string }[],
  keep: string[] = [],
): Doc {
  const { doc: out, statements } = cloneStatements(doc);
  const st = statements[index];
  const cond = (st.Condition && typeof st.Condition === "object" ? st.Condition : {}) as Record<
    string,
    Record<string, unknown>
  >;
  for (const r of remove) {
    const block = cond[r.operator];
    if (!block) continue;
    delete block[r.key];
    if (Object.keys(block).length === 0) delete cond[r.operator];
  }
  const eq = (cond.StringEquals ??= {});
  const existingKey = Object.keys(eq).find((k) => k.toLowerCase() === "sts:externalid");
  if (existingKey && existingKey !== "sts:ExternalId") delete eq[existingKey];
  eq["sts:ExternalId"] = compact([...new Set([...keep, value])]);
  st.Condition = cond;
  return out;
}

const NEGATED_ARN_OPERATORS = ["ArnNotEquals", "ArnNotLike", "StringNotEquals", "StringNotLike"];

/**
 * Exempts a principal from a Deny statement: the statement applies only when aws:PrincipalArn is not the given ARN.
 * When the statement already has such an exception list (ArnNotEquals/ArnNotLike/StringNotEquals/StringNotLike on
 * aws:PrincipalArn), the ARN is added to it.
 */
export function addPrincipalArnException(doc: Doc, index: number, principalArn: string): Doc {
  const { doc: out, statements } = cloneStatements(doc);
  const st = statements[index];
  const cond = (st.Condition && typeof st.Condition === "object" ? st.Condition : {}) as Record<
    string,
    Record<string, unknown>
  >;
  for (const op of NEGATED_ARN_OPERATORS) {
    const block = cond[op];
    if (!block) continue;
    const key = Object.keys(block).find((k) => k.toLowerCase() === "aws:principalarn");
    if (key) {
      const list = asList(block[key]);
      if (!list.includes(principalArn)) list.push(principalArn);
      block[key] = compact(list);
      st.Condition = cond;
      return out;
    }
  }
  const block = (cond.ArnNotEquals ??= {});
  block["aws:PrincipalArn"] = principalArn;
  st.Condition = cond;
  return out;
}

/** Adds a value to Condition[operator][key] (creating the entry when absent). */
export function addConditionValue(doc: Doc, index: number, operator: string, key: string, value: string): Doc {
  const { doc: out, statements } = cloneStatements(doc);
  const st = statements[index];
  const cond = (st.Condition && typeof st.Condition === "object" ? st.Condition : {}) as Record<
    string,
    Record<string, unknown>
  >;
  const block = (cond[operator] ??= {});
  const k = Object.keys(block).find((x) => x.toLowerCase() === key.toLowerCase()) ?? key;
  const list = asList(block[k]);
  if (!list.includes(value)) list.push(value);
  block[k] = compact(list);
  st.Condition = cond;
  return out;
}

/** Removes condition entries from a statement (empty operator blocks and an empty Condition go too). */
export function removeConditions(doc: Doc, index: number, entries: { operator: string; key: string }[]): Doc {
  const { doc: out, statements } = cloneStatements(doc);
  const st = statements[index];
  const cond = (st.Condition && typeof st.Condition === "object" ? st.Condition : {}) as Record<
    string,
    Record<string, unknown>
  >;
  for (const e of entries) {
    const block = cond[e.operator];
    if (!block) continue;
    const k = Object.keys(block).find((x) => x.toLowerCase() === e.key.toLowerCase());
    if (k) delete block[k];
    if (Object.keys(block).length === 0) delete cond[e.operator];
  }
  if (Object.keys(cond).length === 0) delete st.Condition;
  else st.Condition = cond;
  return out;
}

/**
 * Exempts a principal from a Deny by a negated condition on `key` (e.g. aws:PrincipalAccount for a trust policy
 * where the caller's ARN is not known), merged into an existing negated list on that key.
 */
export function addDenyException(
  doc: Doc,
  index: number,
  key: string,
  value: string,
  operator = "StringNotEquals",
): Doc {
  const { doc: out, statements } = cloneStatements(doc);
  const st = statements[index];
  const cond = (st.Condition && typeof st.Condition === "object" ? st.Condition : {}) as Record<
    string,
    Record<string, unknown>
  >;
  for (const op of NEGATED_ARN_OPERATORS) {
    const block = cond[op];
    const k = block && Object.keys(block).find((x) => x.toLowerCase() === key.toLowerCase());
    if (block && k) {
      const list = asList(block[k]);
      if (!list.includes(value)) list.push(value);
      block[k] = compact(list);
      st.Condition = cond;
      return out;
    }
  }
  (cond[operator] ??= {})[key] = value;
  st.Condition = cond;
  return out;
}
