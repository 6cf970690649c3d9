/**
 * Principal matching. A role ARN and its session ARNs are one principal: `arn:aws:iam::A:role/path/name` matches the
 * sessions `arn:aws:sts::A:assumed-role/name/<session>`. `"*"` matches everyone; an account id or
 * `arn:aws:iam::A:root` matches every principal of account A (in a resource policy that means: the account
 * delegates to its identity policies).
 *
 * A request given as a role ARN stands for a session of that role whose name the asker does not know (TiDB Cloud
 * chooses it): a statement naming one session ARN of the role matches it only perhaps (undecided), never surely.
 *
 * NotPrincipal (IAM User Guide, "AWS JSON policy elements: NotPrincipal"): a principal is exempted only when its own
 * ARN is listed: a role session by its assumed-role session ARN (listing the role ARN and the account does not exempt
 * the session; wildcards do not name sessions), a user by its user ARN. A Deny with NotPrincipal always applies to a
 * principal that has a permissions boundary, whatever it lists.
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
function matchPrincipal(cp: CompiledPrincipal, p: PrincipalInfo): PrincipalMatch {
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
        if (p.kind === "session" && p.account === e.account && p.roleName === e.name && p.sessionName === e.session)
          m = PrincipalMatch.Exact;
        break;
      case "exact":
        if (p.arn === e.value) m = p.kind === "user" ? PrincipalMatch.Exact : PrincipalMatch.Direct;
        break;
    }
    if (m > best) best = m;
  }
  return best;
}

/** Characters of a role session name (STS RoleSessionName: 2 to 64 of `[\w+=,.@-]`). */
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/**
 * The block names a session of the request's role while the request's session name is unknown (a role ARN request):
 * whether it is this session is undecided.
 */
function namesUnknownSession(cp: CompiledPrincipal, p: PrincipalInfo): boolean {
  if (p.kind !== "role") return false;
  for (const e of cp.entries)
    if (e.t === "session" && e.account === p.account && e.name === p.roleName && SESSION_NAME.test(e.session))
      return true;
  return false;
}

/** Whether a NotPrincipal block exempts the request principal: 2 surely, 1 depending on the session name, 0 not. */
function notPrincipalExempts(cp: CompiledPrincipal, p: PrincipalInfo): 0 | 1 | 2 {
  for (const e of cp.entries) {
    switch (e.t) {
      case "wild":
        return 2;
      case "account":
        if (p.kind === "root" && p.account === e.account) return 2;
        break;
      case "session":
        if (p.kind === "session" && p.account === e.account && p.roleName === e.name && p.sessionName === e.session)
          return 2;
        break;
      case "exact":
        if (p.arn === e.value) return 2;
        break;
    }
  }
  return namesUnknownSession(cp, p) ? 1 : 0;
}

/** Session-name dependence is reported under this key (the name TiDB Cloud, or any caller, gives AssumeRole). */
export const SESSION_NAME_KEY = "sts:RoleSessionName";

/**
 * How a resource-policy statement's Principal or NotPrincipal applies to the request, packed in one number (this runs
 * for every candidate statement): bits 0-1 the PrincipalMatch, bits 2-3 the certainty (2 sure, 1 undecided, 0 no),
 * bit 4 set when, besides a sure weaker match, the statement may also name this very session (an undecided Exact).
 */
export function principalApplies(
  principal: CompiledPrincipal,
  notPrincipal: boolean,
  deny: boolean,
  p: PrincipalInfo,
  hasBoundary: boolean,
): number {
  if (notPrincipal) {
    // IAM User Guide, NotPrincipal: "will always deny any IAM principal that has a permissions boundary policy attached".
    if (deny && hasBoundary && (p.kind === "user" || p.kind === "role" || p.kind === "session"))
      return PrincipalMatch.Direct | (2 << 2);
    const ex = notPrincipalExempts(principal, p);
    return ex === 2 ? 0 : PrincipalMatch.Direct | ((ex === 1 ? 1 : 2) << 2);
  }
  const m = matchPrincipal(principal, p);
  const maybeSession = m < PrincipalMatch.Exact && namesUnknownSession(principal, p);
  if (m === PrincipalMatch.None) return maybeSession ? PrincipalMatch.Exact | (1 << 2) : 0;
  return m | (2 << 2) | (maybeSession ? 16 : 0);
}

export const appliedMatch = (v: number): PrincipalMatch => (v & 3) as PrincipalMatch;
export const appliedTri = (v: number): 0 | 1 | 2 => ((v >> 2) & 3) as 0 | 1 | 2;
export const appliedMaybeExact = (v: number): boolean => (v & 16) !== 0;
