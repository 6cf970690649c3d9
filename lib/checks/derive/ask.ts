import { applyingExplanations, evaluate } from "@/lib/policy";
import type { Answer, StatementExplanation } from "@/lib/policy/types";
import type { PolicyDocument } from "@/lib/snapshot/schema";
import type { NamedPolicy } from "./policies";
import type { ImportRequest } from "./requests";

/** A statement cited by a finding: the catalogue document name, the index and the Sid. */
export interface Cited {
  document: string;
  statement: number;
  sid?: string;
}

export interface ExplainedStatement extends StatementExplanation {
  document: string;
}

export interface Asked {
  answer: Answer;
  /** The statements that decided (matched), by document. */
  cited: (Cited & { effect: "Allow" | "Deny"; undecided?: boolean })[];
  /** Every statement's explanation, by document. */
  statements: ExplainedStatement[];
  /**
   * The explanations of the statements that apply or may apply (`applies` "match" or "unknown"), by document: the
   * same records as in `statements`, without explaining every other statement (most questions only need these).
   */
  applying: ExplainedStatement[];
}

export interface AskInput {
  request: ImportRequest;
  /** ARN the request is made as (session ARN for a role). */
  principal: string;
  principalAccount: string;
  resourceAccount: string;
  identity: NamedPolicy[];
  boundary?: NamedPolicy | null;
  resource?: NamedPolicy | null;
}

/** Statements of a policy document as an array (a single object counts as statement 0). */
export function statementsOf(doc: PolicyDocument | null | undefined): Record<string, unknown>[] {
  const s = doc?.Statement;
  if (Array.isArray(s)) return s.filter((x): x is Record<string, unknown> => !!x && typeof x === "object");
  if (s && typeof s === "object") return [s as Record<string, unknown>];
  return [];
}

function documentOf(input: AskInput, ref: string): NamedPolicy | null {
  if (ref.startsWith("identity:")) return input.identity[Number(ref.slice(9))] ?? null;
  if (ref === "boundary") return input.boundary ?? null;
  if (ref === "resource") return input.resource ?? null;
  return null;
}

const docLists = new WeakMap<NamedPolicy[], PolicyDocument[]>();

/** The documents of a list of named policies (one array per list: the checks ask with the same list again and again). */
function docsOf(policies: NamedPolicy[]): PolicyDocument[] {
  if (policies.length < 4) return policies.map((p) => p.doc);
  let docs = docLists.get(policies);
  if (!docs) {
    docs = policies.map((p) => p.doc);
    docLists.set(policies, docs);
  }
  return docs;
}

/** How bad a decision is for the import: of several requests that must all be allowed, the worst decides. */
const WORST: Record<Answer["decision"], number> = { allow: 0, unknown: 1, "implicit-deny": 2, "explicit-deny": 3 };

/**
 * Asks the policy engine about one request, and names each statement by its catalogue document. A request made in
 * several forms (`alsoAs`: kms:Decrypt for objects with and without an S3 Bucket Key) is answered by the worst of
 * them, with that form's statements.
 */
export function ask(input: AskInput): Asked {
  const first = askOne(input, input.request);
  let worst = first;
  for (const r of input.request.alsoAs ?? []) {
    const a = askOne(input, r);
    if (WORST[a.answer.decision] > WORST[worst.answer.decision]) worst = a;
  }
  return worst;
}

function askOne(input: AskInput, request: ImportRequest): Asked {
  const answer = evaluate({
    request: {
      principal: input.principal,
      action: request.action,
      resource: request.resource,
      context: request.context,
      unknownKeys: request.unknownKeys,
      ...(request.partialContext ? { partialContext: request.partialContext } : {}),
    },
    principalAccount: input.principalAccount,
    resourceAccount: input.resourceAccount,
    identityPolicies: docsOf(input.identity),
    permissionsBoundary: input.boundary?.doc ?? null,
    sessionPolicy: null,
    resourcePolicy: input.resource?.doc ?? null,
  });
  const name = (ref: string) => documentOf(input, ref)?.document ?? ref;
  const sidOf = (ref: string, i: number) => {
    const sid = statementsOf(documentOf(input, ref)?.doc)[i]?.Sid;
    return typeof sid === "string" ? sid : undefined;
  };
  const named = (e: StatementExplanation): ExplainedStatement => ({
    ...e,
    document: name(e.policy),
    sid: e.sid ?? sidOf(e.policy, e.statement),
  });
  let statements: ExplainedStatement[] | undefined;
  let applying: ExplainedStatement[] | undefined;
  return {
    answer,
    cited: answer.matched.map((m) => ({
      document: name(m.policy),
      statement: m.statement,
      sid: m.sid ?? sidOf(m.policy, m.statement),
      effect: m.effect,
      ...(m.undecided ? { undecided: true } : {}),
    })),
    // Explanations cost a pass over every statement: computed only when a check reads them.
    get statements() {
      statements ??= (answer.explanations ?? []).map(named);
      return statements;
    },
    get applying() {
      applying ??= statements
        ? statements.filter((e) => e.applies !== "no-match")
        : applyingExplanations(answer).map(named);
      return applying;
    },
  };
}

/** "role-policy:s3-read statement 1 (Sid \"Objects\")" */
export function citeText(c: Cited): string {
  return `${c.document} statement ${c.statement}${c.sid ? ` (Sid "${c.sid}")` : ""}`;
}

export function citeTextJa(c: Cited): string {
  return `${c.document} のステートメント ${c.statement}${c.sid ? `（Sid "${c.sid}"）` : ""}`;
}

/**
 * Japanese text ahead of a particle: a space after Latin letters or digits (「ステートメント 0 は」), as the Japanese
 * text everywhere else writes, and none after a closing bracket (「（Sid "Objects"）は」).
 */
export function beforeJa(text: string): string {
  return /[A-Za-z0-9"*]$/.test(text) ? `${text} ` : text;
}
