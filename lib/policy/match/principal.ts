/**
 * Principal matching. A role ARN and its session ARNs are one principal: `arn:aws:iam::A:role/path/name` and
 * `arn:aws:sts::A:assumed-role/name/session` match each other either way. `"*"` matches everyone; an account id or
 * `arn:aws:iam::A:root` matches every principal of account A (in a resource policy that means: the account
 * delegates to its identity policies).
 */
import { parseArn } from "../arn";
import type { PrincipalInfo } from "../context";
import type { ParsedPrincipal } from "../types";

/** How a statement's principal matched: 0 none, or the kind of entry that matched. */
export const enum PrincipalMatch {
  None = 0,
  /** The account (root ARN or bare id): delegation to identity policies. */
  Account = 1,
  /** "*", a role ARN naming the caller's role, or another entry: an allow that boundaries and session policies limit. */
  Direct = 2,
  /** The exact IAM user ARN, or the exact role-session ARN: not limited by boundary/session policy (same account). */
  Exact = 3,
}

type Entry =
  | { t: "wild" }
  | { t: "account"; account: string }
  | { t: "role"; account: string; name: string }
  | { t: "session"; account: string; name: string; session: string }
  | { t: "exact"; value: string };

export interface CompiledPrincipal {
  entries: Entry[];
}

function compileEntry(v: string): Entry {
  if (v === "*") return { t: "wild" };
  if (/^\d{12}$/.test(v)) return { t: "account", account: v };
  const a = parseArn(v);
  if (a && a.service === "iam" && a.resource === "root") return { t: "account", account: a.account };
  if (a && a.service === "iam" && a.resource.startsWith("role/")) {
    const pn = a.resource.slice(5);
    return { t: "role", account: a.account, name: pn.slice(pn.lastIndexOf("/") + 1) };
  }
  if (a && a.service === "sts" && a.resource.startsWith("assumed-role/")) {
    const rest = a.resource.slice(13);
    const i = rest.indexOf("/");
    if (i > 0) return { t: "session", account: a.account, name: rest.slice(0, i), session: rest.slice(i + 1) };
  }
  return { t: "exact", value: v };
}

export function compilePrincipal(p: ParsedPrincipal): CompiledPrincipal {
  const entries: Entry[] = [];
  if (p.wildcard) entries.push({ t: "wild" });
  for (const a of p.aws) entries.push(compileEntry(a));
  for (const v of [...p.service, ...p.federated, ...p.canonicalUser]) entries.push({ t: "exact", value: v });
  return { entries };
}

/** The strongest way the principal block matches the request principal. */
export function matchPrincipal(cp: CompiledPrincipal, p: PrincipalInfo): PrincipalMatch {
  let best = PrincipalMatch.None;
  for (const e of cp.entries) {
    let m = PrincipalMatch.None;
    switch (e.t) {
      case "wild":
        m = PrincipalMatch.Direct;
        break;
      case "account":
        if (p.kind !== "service" && p.account === e.account) m = PrincipalMatch.Account;
        break;
      case "role":
        if ((p.kind === "role" || p.kind === "session") && p.account === e.account && p.roleName === e.name)
          m = PrincipalMatch.Direct;
        break;
      case "session":
        if (p.account === e.account && p.roleName === e.name) {
          if (p.kind === "session" && p.sessionName === e.session) m = PrincipalMatch.Exact;
          else if (p.kind === "role") m = PrincipalMatch.Direct;
        }
        break;
      case "exact":
        if (p.arn === e.value) m = p.kind === "user" ? PrincipalMatch.Exact : PrincipalMatch.Direct;
        break;
    }
    if (m > best) best = m;
  }
  return best;
}
