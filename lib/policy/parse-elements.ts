/**
 * The elements of a statement (Principal, Condition) and the shared helpers of parse-policy.ts: each problem becomes
 * a PolicyIssue with a JSON path; nothing throws.
 */
import type { ParsedCondition, ParsedPrincipal, PolicyIssue } from "./types";
import { knownOperator } from "./conditions/operator-name";

const PRINCIPAL_KEYS = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
export const q = (v: unknown) => {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + "…" : s;
  } catch {
    return String(v);
  }
};

export function err(issues: PolicyIssue[], code: string, path: string, message: string) {
  issues.push({ severity: "error", code, path, message });
}

/** A string or a non-empty array of strings; otherwise an issue. */
export function stringList(v: unknown, path: string, issues: PolicyIssue[], code: string): string[] | null {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) {
    if (v.length === 0) {
      err(issues, code, path, `${path} must not be an empty list`);
      return null;
    }
    let ok = true;
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] !== "string") {
        err(issues, code, `${path}[${i}]`, `${path}[${i}] must be a string, not ${q(v[i])}`);
        ok = false;
      }
    }
    return ok ? (v as string[]) : null;
  }
  err(issues, code, path, `${path} must be a string or a list of strings`);
  return null;
}

export function parsePrincipal(v: unknown, path: string, issues: PolicyIssue[]): ParsedPrincipal | null {
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

/** One condition value as text; null (with an issue at `path`, or at `path[i]` when i >= 0) when it is not a scalar. */
function conditionValue(x: unknown, path: string, i: number, issues: PolicyIssue[]): string | null {
  if (typeof x === "string") return x;
  if (typeof x === "number" || typeof x === "boolean") return String(x);
  const p = i < 0 ? path : `${path}[${i}]`;
  err(issues, "policy.invalid-condition", p, `${p} must be a string, number or boolean, not ${q(x)}`);
  return null;
}

function conditionValues(v: unknown, path: string, issues: PolicyIssue[]): string[] | null {
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (let i = 0; i < v.length; i++) {
      const s = conditionValue(v[i], path, i, issues);
      if (s !== null) out.push(s);
    }
    return out.length === v.length ? out : null;
  }
  const s = conditionValue(v, path, -1, issues);
  return s === null ? null : [s];
}

export function parseConditions(v: unknown, path: string, issues: PolicyIssue[]): ParsedCondition[] | null {
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
    const parts = knownOperator(op);
    if (!parts) {
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
      out.push({
        operator: op,
        qualifier: parts.qualifier,
        baseOperator: parts.baseOperator,
        ifExists: parts.ifExists,
        key,
        values,
      });
    }
  }
  return ok ? out : null;
}
