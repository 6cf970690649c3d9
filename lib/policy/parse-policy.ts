/**
 * Structural parsing of a policy document. Never throws: each problem comes back as a PolicyIssue with a JSON path.
 * A malformed statement is left out of the parsed policy (it matches nothing); the rest of the policy still counts.
 */
import { err, isObject, parseConditions, parsePrincipal, q, stringList } from "./parse-elements";
import type { ParsedPolicy, ParsedStatement, PolicyIssue } from "./types";

const STATEMENT_KEYS = new Set([
  "Sid",
  "Effect",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Principal",
  "NotPrincipal",
  "Condition",
]);
const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);

/** `service:ActionName` (letters, digits and `-`; `*` and `?` in the name), as /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/. */
function isActionName(x: string): boolean {
  const colon = x.indexOf(":");
  if (colon < 1 || colon === x.length - 1) return false;
  for (let i = 0; i < x.length; i++) {
    if (i === colon) continue;
    const c = x.charCodeAt(i);
    const ok =
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      (i < colon ? c === 45 : c === 42 || c === 63);
    if (!ok) return false;
  }
  return true;
}

/**
 * Action/NotAction (`a` "Action") or Resource/NotResource (`a` "Resource") of a statement, given their values (each
 * element is read once: statements come in many shapes, and reading an element by a computed name is slow).
 */
function parsePair(
  st: ParsedStatement,
  path: string,
  issues: PolicyIssue[],
  a: "Action" | "Resource",
  value: unknown,
  notValue: unknown,
) {
  const na = a === "Action" ? "NotAction" : "NotResource";
  if (value !== undefined && notValue !== undefined) {
    err(issues, `policy.both-${a.toLowerCase()}-and-not`, `${path}.${na}`, `${path} has both ${a} and ${na}; use one`);
    return;
  }
  if (value === undefined && notValue === undefined) {
    if (a === "Action") err(issues, "policy.missing-action", `${path}.Action`, `${path}.Action is required (or ${na})`);
    return;
  }
  const key = value !== undefined ? a : na;
  const v = value !== undefined ? value : notValue;
  const list = stringList(v, `${path}.${key}`, issues, `policy.invalid-${a.toLowerCase()}`);
  if (!list) return;
  const isList = Array.isArray(v);
  if (a === "Action") {
    for (let i = 0; i < list.length; i++) {
      const x = list[i];
      if (x !== "*" && !isActionName(x)) {
        const p = isList ? `${path}.${key}[${i}]` : `${path}.${key}`;
        err(issues, "policy.invalid-action", p, `${p}: ${q(x)} is not an action of the form "service:ActionName"`);
      }
    }
    if (key === "Action") st.action = list;
    else st.notAction = list;
  } else {
    for (let i = 0; i < list.length; i++) {
      const x = list[i];
      if (x !== "*" && !x.startsWith("arn:")) {
        const p = isList ? `${path}.${key}[${i}]` : `${path}.${key}`;
        err(
          issues,
          "policy.invalid-resource",
          p,
          `${p}: ${q(x)} must be "*" or an ARN (arn:partition:service:region:account:resource)`,
        );
      }
    }
    if (key === "Resource") st.resource = list;
    else st.notResource = list;
  }
}

function parseStatement(v: unknown, index: number, path: string, issues: PolicyIssue[]): ParsedStatement | null {
  if (!isObject(v)) {
    err(issues, "policy.invalid-statement", path, `${path} must be an object`);
    return null;
  }
  const before = issues.length;
  const { Sid, Effect, Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition } = v;
  const known =
    +(Sid !== undefined) +
    +(Effect !== undefined) +
    +(Action !== undefined) +
    +(NotAction !== undefined) +
    +(Resource !== undefined) +
    +(NotResource !== undefined) +
    +(Principal !== undefined) +
    +(NotPrincipal !== undefined) +
    +(Condition !== undefined);
  // Only when there are more elements than the known ones present: which are unknown.
  const keys = Object.keys(v);
  if (keys.length !== known) {
    for (const k of keys) {
      if (!STATEMENT_KEYS.has(k))
        err(
          issues,
          "policy.unknown-element",
          `${path}.${k}`,
          `${path}.${k} is not a statement element (expected ${[...STATEMENT_KEYS].join(", ")})`,
        );
    }
  }
  const st: ParsedStatement = { index, effect: "Allow", conditions: [] };
  if (Sid !== undefined) {
    if (typeof Sid === "string") st.sid = Sid;
    else err(issues, "policy.invalid-sid", `${path}.Sid`, `${path}.Sid must be a string`);
  }
  if (Effect === "Allow" || Effect === "Deny") st.effect = Effect;
  else if (Effect === undefined)
    err(issues, "policy.missing-effect", `${path}.Effect`, `${path}.Effect is required ("Allow" or "Deny")`);
  else
    err(
      issues,
      "policy.invalid-effect",
      `${path}.Effect`,
      `${path}.Effect must be "Allow" or "Deny", not ${q(Effect)}`,
    );

  parsePair(st, path, issues, "Action", Action, NotAction);
  parsePair(st, path, issues, "Resource", Resource, NotResource);

  if (Principal !== undefined && NotPrincipal !== undefined) {
    err(
      issues,
      "policy.both-principal-and-not",
      `${path}.NotPrincipal`,
      `${path} has both Principal and NotPrincipal; use one`,
    );
  } else if (Principal !== undefined) {
    st.principal = parsePrincipal(Principal, `${path}.Principal`, issues) ?? undefined;
  } else if (NotPrincipal !== undefined) {
    st.notPrincipal = parsePrincipal(NotPrincipal, `${path}.NotPrincipal`, issues) ?? undefined;
  }
  if (Condition !== undefined) {
    const c = parseConditions(Condition, `${path}.Condition`, issues);
    if (c) st.conditions = c;
  }
  return issues.length === before ? st : null;
}

const scratch: PolicyIssue[] = [];

/**
 * One statement, as parsePolicy parses it: null when it is malformed (then it matches nothing). For the engine, which
 * parses only the statements that can apply to a request; the issues are not kept.
 */
export function parseOneStatement(v: unknown, index: number): ParsedStatement | null {
  const st = parseStatement(v, index, "Statement", scratch);
  scratch.length = 0;
  return st;
}

/**
 * A document as the engine first sees it: its statements as written (not yet parsed) and whether policy variables
 * apply ("Version": "2012-10-17"). null when it is not a policy object (then nothing matches).
 */
export function rawPolicy(doc: unknown): { statements: unknown[]; variables: boolean } | null {
  let d = doc;
  if (typeof d === "string") {
    try {
      d = JSON.parse(d);
    } catch {
      return null;
    }
  }
  if (!isObject(d)) return null;
  const s = d.Statement;
  return { statements: Array.isArray(s) ? s : isObject(s) ? [s] : [], variables: d.Version === "2012-10-17" };
}

/** Parses a policy document (an object, or JSON text of one). Never throws. */
export function parsePolicy(doc: unknown): { policy: ParsedPolicy | null; issues: PolicyIssue[] } {
  const issues: PolicyIssue[] = [];
  let d = doc;
  if (typeof d === "string") {
    try {
      d = JSON.parse(d);
    } catch (e) {
      err(
        issues,
        "policy.invalid-json",
        "",
        `The policy is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
      );
      return { policy: null, issues };
    }
  }
  if (!isObject(d)) {
    err(issues, "policy.not-an-object", "", "The policy must be a JSON object with a Statement element");
    return { policy: null, issues };
  }
  const policy: ParsedPolicy = { statements: [] };
  for (const k of Object.keys(d)) {
    if (k !== "Version" && k !== "Id" && k !== "Statement")
      err(issues, "policy.unknown-element", k, `${k} is not a policy element (expected Version, Id, Statement)`);
  }
  if (d.Version !== undefined) {
    if (typeof d.Version === "string" && VERSIONS.has(d.Version)) policy.version = d.Version;
    else
      err(
        issues,
        "policy.invalid-version",
        "Version",
        `Version must be "2012-10-17" (or the older "2008-10-17"), not ${q(d.Version)}`,
      );
  }
  if (d.Id !== undefined) {
    if (typeof d.Id === "string") policy.id = d.Id;
    else err(issues, "policy.invalid-id", "Id", "Id must be a string");
  }
  const s = d.Statement;
  if (s === undefined) err(issues, "policy.missing-statement", "Statement", "Statement is required");
  else if (Array.isArray(s)) {
    s.forEach((x, i) => {
      const st = parseStatement(x, i, `Statement[${i}]`, issues);
      if (st) policy.statements.push(st);
    });
  } else if (isObject(s)) {
    const st = parseStatement(s, 0, "Statement", issues);
    if (st) policy.statements.push(st);
  } else err(issues, "policy.invalid-statement", "Statement", "Statement must be an object or a list of objects");
  return { policy, issues };
}
