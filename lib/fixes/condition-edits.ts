/**
 * Edits that correct a statement's condition instead of dropping it: replace or add a value, move a key to the
 * matching *Like operator, or split the statement so that a condition stays with the actions it applies to. Each
 * returns a new document; statement indexes stay stable (a split appends the new statement).
 */
import type { Doc } from "./workspace";

type Statement = Record<string, unknown>;
type Conditions = Record<string, Record<string, unknown>>;

const lower = (s: string) => s.toLowerCase();
const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]).map(String);
const one = (xs: string[]): string | string[] => (xs.length === 1 ? xs[0] : xs);

function edit(doc: Doc, index: number, change: (st: Statement, all: Statement[]) => void): Doc {
  const copy = structuredClone(doc);
  const raw = copy.Statement;
  const statements: Statement[] = Array.isArray(raw)
    ? (raw as Statement[])
    : raw && typeof raw === "object"
      ? [raw as Statement]
      : [];
  copy.Statement = statements;
  if (!copy.Version) copy.Version = "2012-10-17";
  change(statements[index], statements);
  return copy;
}

function keyIn(block: Record<string, unknown> | undefined, key: string): string | undefined {
  return Object.keys(block ?? {}).find((k) => lower(k) === lower(key));
}

/** Condition[operator][key]: every value `from` maps to is replaced (the list keeps its order, without repeats). */
export function replaceConditionValues(
  doc: Doc,
  index: number,
  operator: string,
  key: string,
  replace: (value: string) => string,
): Doc {
  return edit(doc, index, (st) => {
    const block = (st.Condition as Conditions | undefined)?.[operator];
    const k = keyIn(block, key);
    if (!block || !k) return;
    block[k] = one([...new Set(list(block[k]).map(replace))]);
  });
}

/**
 * Moves Condition[from][key] to Condition[to][key] (e.g. StringEquals → StringLike), keeping its values and adding
 * `add`: an exact value means the same under *Like unless it holds a wildcard, which condition values rarely do.
 */
export function moveConditionKey(doc: Doc, index: number, from: string, to: string, key: string, add: string): Doc {
  return edit(doc, index, (st) => {
    const cond = (st.Condition ?? {}) as Conditions;
    const k = keyIn(cond[from], key) ?? key;
    const values = list(cond[from]?.[k]);
    if (cond[from]) {
      delete cond[from][k];
      if (Object.keys(cond[from]).length === 0) delete cond[from];
    }
    const target = (cond[to] ??= {});
    const tk = keyIn(target, key) ?? k;
    target[tk] = one([...new Set([...list(target[tk]), ...values, add])]);
    st.Condition = cond;
  });
}

/**
 * Splits statement `index`: `actions` (as listed in it, or added when a wildcard covers them) move to a new statement
 * on `resources` with the statement's conditions except those on `dropKeys`, which stay where they apply.
 */
export function splitStatement(
  doc: Doc,
  index: number,
  actions: string[],
  resources: string[],
  dropKeys: string[],
  sid: string,
): Doc {
  return edit(doc, index, (st, all) => {
    const listed = list(st.Action);
    const remaining = listed.filter((a) => !actions.some((x) => lower(x) === lower(a)));
    if (remaining.length && remaining.length < listed.length) {
      st.Action = one(remaining);
      // The moved actions' resources leave the statement too, when it names others for what remains.
      const own = list(st.Resource);
      const rest = own.filter((r) => !resources.includes(r));
      if (st.Resource !== undefined && rest.length && rest.length < own.length) st.Resource = one(rest);
    }
    const cond = structuredClone((st.Condition ?? {}) as Conditions);
    for (const [op, block] of Object.entries(cond)) {
      for (const k of Object.keys(block)) if (dropKeys.some((d) => lower(d) === lower(k))) delete block[k];
      if (Object.keys(block).length === 0) delete cond[op];
    }
    const moved: Statement = { Sid: sid, Effect: "Allow", Action: one(actions), Resource: one(resources) };
    if (Object.keys(cond).length) moved.Condition = cond;
    all.push(moved);
  });
}
