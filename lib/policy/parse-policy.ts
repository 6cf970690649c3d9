/**
 * Structural parsing of a policy document. Never throws: each problem comes back as a PolicyIssue with a JSON path.
 * A malformed statement is left out of the parsed policy (it matches nothing); the rest of the policy still counts.
 */
import type { ParsedCondition, ParsedPolicy, ParsedPrincipal, ParsedStatement, PolicyIssue } from "./types";
import { isKnownOperator, splitOperator } from "./conditions/operator-name";

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
const PRINCIPAL_KEYS = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);
const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const q = (v: unknown) => {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + "…" : s;
  } catch {
    return String(v);
  }
};

function err(issues: PolicyIssue[], code: string, path: string, message: string) {
  issues.push({ severity: "error", code, path, message });
}

/** A string or a non-empty array of strings; otherwise an issue. */
function stringList(v: unknown, path: string, issues: PolicyIssue[], code: string): string[] | null {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) {
    if (v.length === 0) {
      err(issues, code, path, `${path} must not be an empty list`);
      return null;
    }
    let ok = true;
    v.forEach((x, i) => {
      if (typeof x !== "string") {
        err(issues, code, `${path}[${i}]`, `${path}[${i}] must be a string, not ${q(x)}`);
        ok = false;
      }
    });
    return ok ? (v as string[]) : null;
  }
  err(issues, code, path, `${path} must be a string or a list of strings`);
  return null;
}

function parsePrincipal(v: unknown, path: string, issues: PolicyIssue[]): ParsedPrincipal | null {
  const p: ParsedPrincipal = { wildcard: false, aws: [], service: [], federated: [], canonicalUser: [] };
  if (v === "*") {
    p.wildcard = true;
    return p;
  }
  if (!isObject(v)) {
    err(
      issues,
      "policy.invalid-principal",
      path,
      `${path} must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}`,
    );
    return null;
  }
  let ok = true;
  for (const k of Object.keys(v)) {
    if (!PRINCIPAL_KEYS.has(k)) {
      err(
        issues,
        "policy.invalid-principal",
        `${path}.${k}`,
        `${path}.${k}: principal type must be one of AWS, Service, Federated, CanonicalUser`,
      );
      ok = false;
      continue;
    }
    const list = stringList(v[k], `${path}.${k}`, issues, "policy.invalid-principal");
    if (!list) {
      ok = false;
      continue;
    }
    if (k === "AWS") {
      for (const [i, a] of list.entries()) {
        if (a === "*") p.wildcard = true;
        else if (!/^\d{12}$/.test(a) && !a.startsWith("arn:")) {
          err(
            issues,
            "policy.invalid-principal",
            `${path}.AWS${Array.isArray(v[k]) ? `[${i}]` : ""}`,
            `${path}.AWS value ${q(a)} must be "*", a 12-digit account id or an ARN`,
          );
          ok = false;
        } else p.aws.push(a);
      }
    } else if (k === "Service") p.service.push(...list);
    else if (k === "Federated") p.federated.push(...list);
    else p.canonicalUser.push(...list);
  }
  return ok ? p : null;
}

function conditionValues(v: unknown, path: string, issues: PolicyIssue[]): string[] | null {
  const one = (x: unknown, p: string): string | null => {
    if (typeof x === "string") return x;
    if (typeof x === "number" || typeof x === "boolean") return String(x);
    err(issues, "policy.invalid-condition", p, `${p} must be a string, number or boolean, not ${q(x)}`);
    return null;
  };
  if (Array.isArray(v)) {
    const out: string[] = [];
    v.forEach((x, i) => {
      const s = one(x, `${path}[${i}]`);
      if (s !== null) out.push(s);
    });
    return out.length === v.length ? out : null;
  }
  const s = one(v, path);
  return s === null ? null : [s];
}

function parseConditions(v: unknown, path: string, issues: PolicyIssue[]): ParsedCondition[] | null {
  if (!isObject(v)) {
    err(
      issues,
      "policy.invalid-condition",
      path,
      `${path} must be an object such as {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}`,
    );
    return null;
  }
  const out: ParsedCondition[] = [];
  let ok = true;
  for (const op of Object.keys(v)) {
    const opPath = `${path}.${op}`;
    const parts = splitOperator(op);
    if (!parts || !isKnownOperator(parts.baseOperator)) {
      err(issues, "policy.unknown-condition-operator", opPath, `${opPath}: "${op}" is not a condition operator`);
      ok = false;
      continue;
    }
    if (parts.baseOperator === "Null" && parts.ifExists) {
      err(issues, "policy.unknown-condition-operator", opPath, `${opPath}: Null cannot be combined with IfExists`);
      ok = false;
      continue;
    }
    const block = v[op];
    if (!isObject(block)) {
      err(issues, "policy.invalid-condition", opPath, `${opPath} must be an object of condition keys and values`);
      ok = false;
      continue;
    }
    for (const key of Object.keys(block)) {
      const values = conditionValues(block[key], `${opPath}.${key}`, issues);
      if (!values) {
        ok = false;
        continue;
      }
      out.push({ operator: op, ...parts, key, values });
    }
  }
  return ok ? out : null;
}

function parseStatement(v: unknown, index: number, path: string, issues: PolicyIssue[]): ParsedStatement | null {
  if (!isObject(v)) {
    err(issues, "policy.invalid-statement", path, `${path} must be an object`);
    return null;
  }
  const before = issues.length;
  for (const k of Object.keys(v)) {
    if (!STATEMENT_KEYS.has(k))
      err(
        issues,
        "policy.unknown-element",
        `${path}.${k}`,
        `${path}.${k} is not a statement element (expected ${[...STATEMENT_KEYS].join(", ")})`,
      );
  }
  const st: ParsedStatement = { index, effect: "Allow", conditions: [] };
  if (v.Sid !== undefined) {
    if (typeof v.Sid === "string") st.sid = v.Sid;
    else err(issues, "policy.invalid-sid", `${path}.Sid`, `${path}.Sid must be a string`);
  }
  if (v.Effect === "Allow" || v.Effect === "Deny") st.effect = v.Effect;
  else if (v.Effect === undefined)
    err(issues, "policy.missing-effect", `${path}.Effect`, `${path}.Effect is required ("Allow" or "Deny")`);
  else
    err(
      issues,
      "policy.invalid-effect",
      `${path}.Effect`,
      `${path}.Effect must be "Allow" or "Deny", not ${q(v.Effect)}`,
    );

  const pair = (a: "Action" | "Resource", na: "NotAction" | "NotResource", required: boolean) => {
    if (v[a] !== undefined && v[na] !== undefined) {
      err(
        issues,
        `policy.both-${a.toLowerCase()}-and-not`,
        `${path}.${na}`,
        `${path} has both ${a} and ${na}; use one`,
      );
      return;
    }
    if (v[a] === undefined && v[na] === undefined) {
      if (required)
        err(issues, `policy.missing-${a.toLowerCase()}`, `${path}.${a}`, `${path}.${a} is required (or ${na})`);
      return;
    }
    const key = v[a] !== undefined ? a : na;
    const list = stringList(v[key], `${path}.${key}`, issues, `policy.invalid-${a.toLowerCase()}`);
    if (!list) return;
    if (a === "Action") {
      list.forEach((x, i) => {
        if (x !== "*" && !/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(x)) {
          const p = Array.isArray(v[key]) ? `${path}.${key}[${i}]` : `${path}.${key}`;
          err(issues, "policy.invalid-action", p, `${p}: ${q(x)} is not an action of the form "service:ActionName"`);
        }
      });
      if (key === "Action") st.action = list;
      else st.notAction = list;
    } else {
      list.forEach((x, i) => {
        if (x !== "*" && !x.startsWith("arn:")) {
          const p = Array.isArray(v[key]) ? `${path}.${key}[${i}]` : `${path}.${key}`;
          err(
            issues,
            "policy.invalid-resource",
            p,
            `${p}: ${q(x)} must be "*" or an ARN (arn:partition:service:region:account:resource)`,
          );
        }
      });
      if (key === "Resource") st.resource = list;
      else st.notResource = list;
    }
  };
  pair("Action", "NotAction", true);
  pair("Resource", "NotResource", false);

  if (v.Principal !== undefined && v.NotPrincipal !== undefined) {
    err(
      issues,
      "policy.both-principal-and-not",
      `${path}.NotPrincipal`,
      `${path} has both Principal and NotPrincipal; use one`,
    );
  } else if (v.Principal !== undefined) {
    st.principal = parsePrincipal(v.Principal, `${path}.Principal`, issues) ?? undefined;
  } else if (v.NotPrincipal !== undefined) {
    st.notPrincipal = parsePrincipal(v.NotPrincipal, `${path}.NotPrincipal`, issues) ?? undefined;
  }
  if (v.Condition !== undefined) {
    const c = parseConditions(v.Condition, `${path}.Condition`, issues);
    if (c) st.conditions = c;
  }
  return issues.length === before ? st : null;
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
