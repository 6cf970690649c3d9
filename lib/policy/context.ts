/**
 * The request context as the engine reads it: condition keys are case-insensitive, values are lists of strings.
 * Keys the asker does not know (unknownKeys) are present with an unknown value.
 */
import { parseArn } from "./arn";
import type { RequestDescription } from "./types";

export interface EvalContext {
  /** Values of a key (lower-cased name); undefined when the key is absent from the request. */
  values(keyLower: string): string[] | undefined;
  /** True when the key's value is unknown to the asker. */
  isUnknown(keyLower: string): boolean;
  /** Original spelling of an unknown key (for answers). */
  unknownName(keyLower: string): string;
}

export interface PrincipalInfo {
  arn: string;
  account: string;
  kind: "user" | "role" | "session" | "root" | "service" | "other";
  /** For a role or a role session: the role name (no path). */
  roleName?: string;
  /** For a session: the session name. */
  sessionName?: string;
  /** For a role: its path and name, e.g. "path/name". */
  rolePathName?: string;
  userName?: string;
  /** Context keys derived from the principal (lower-cased name → value), used when the request lacks them. */
  derived: [string, string[]][];
}

const principalCache = new Map<string, PrincipalInfo>();

/** Classifies the request principal (cached): a role and its sessions are one principal. */
export function describePrincipal(arn: string, fallbackAccount: string): PrincipalInfo {
  const key = `${fallbackAccount}|${arn}`;
  let p = principalCache.get(key);
  if (!p) {
    const base = classify(arn, fallbackAccount) as PrincipalInfo;
    const derived: [string, string[]][] = [];
    if (base.kind !== "service") derived.push(["aws:principalarn", [principalArnForContext(base)]]);
    if (base.account) derived.push(["aws:principalaccount", [base.account]]);
    if (base.userName) derived.push(["aws:username", [base.userName]]);
    const type = base.kind === "session" ? "AssumedRole" : base.kind === "user" ? "User" : base.kind === "root" ? "Account" : undefined;
    if (type) derived.push(["aws:principaltype", [type]]);
    p = { ...base, derived };
    if (principalCache.size > 1000) principalCache.clear();
    principalCache.set(key, p);
  }
  return p;
}

function classify(arn: string, fallbackAccount: string): Omit<PrincipalInfo, "derived"> {
  const a = parseArn(arn);
  if (!a) {
    if (/^\d{12}$/.test(arn)) return { arn: `arn:aws:iam::${arn}:root`, account: arn, kind: "root" };
    return { arn, account: fallbackAccount, kind: arn.endsWith(".amazonaws.com") ? "service" : "other" };
  }
  const account = a.account || fallbackAccount;
  if (a.service === "iam") {
    if (a.resource === "root") return { arn, account, kind: "root" };
    if (a.resource.startsWith("role/")) {
      const pathName = a.resource.slice(5);
      const roleName = pathName.slice(pathName.lastIndexOf("/") + 1);
      return { arn, account, kind: "role", roleName, rolePathName: pathName };
    }
    if (a.resource.startsWith("user/")) {
      const p = a.resource.slice(5);
      return { arn, account, kind: "user", userName: p.slice(p.lastIndexOf("/") + 1) };
    }
  }
  if (a.service === "sts" && a.resource.startsWith("assumed-role/")) {
    const rest = a.resource.slice("assumed-role/".length);
    const slash = rest.indexOf("/");
    const roleName = slash < 0 ? rest : rest.slice(0, slash);
    const sessionName = slash < 0 ? undefined : rest.slice(slash + 1);
    return { arn, account, kind: "session", roleName, sessionName };
  }
  return { arn, account, kind: "other" };
}

/** The role ARN of a principal (a session maps to its role, without path), used for aws:PrincipalArn. */
export function principalArnForContext(p: Omit<PrincipalInfo, "derived">): string {
  if (p.kind === "session") {
    const part = parseArn(p.arn)?.partition ?? "aws";
    return `arn:${part}:iam::${p.account}:role/${p.roleName}`;
  }
  return p.arn;
}

function toList(v: unknown): string[] | undefined {
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  if (typeof v === "number" || typeof v === "boolean") return [String(v)];
  if (Array.isArray(v)) return v.filter((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean").map(String);
  return undefined;
}

class RequestContext implements EvalContext {
  constructor(
    private readonly map: Map<string, string[]>,
    private readonly unknown: Map<string, string> | null,
  ) {}
  values(k: string): string[] | undefined {
    return this.unknown !== null && this.unknown.has(k) ? undefined : this.map.get(k);
  }
  isUnknown(k: string): boolean {
    return this.unknown !== null && this.unknown.has(k);
  }
  unknownName(k: string): string {
    return this.unknown?.get(k) ?? k;
  }
}

/** Builds the context: lower-cased keys, plus aws:PrincipalArn / aws:PrincipalAccount / aws:username / aws:PrincipalType when absent. */
export function buildContext(req: RequestDescription, principal: PrincipalInfo): EvalContext {
  const map = new Map<string, string[]>();
  let unknown: Map<string, string> | null = null;
  const ctx = req && typeof req.context === "object" && req.context !== null ? (req.context as Record<string, unknown>) : null;
  if (ctx) {
    for (const k in ctx) {
      if (!Object.prototype.hasOwnProperty.call(ctx, k)) continue;
      const list = toList(ctx[k]);
      if (list) map.set(k.toLowerCase(), list);
    }
  }
  if (Array.isArray(req?.unknownKeys) && req.unknownKeys.length) {
    unknown = new Map();
    for (const k of req.unknownKeys) if (typeof k === "string") unknown.set(k.toLowerCase(), k);
  }
  for (const [k, v] of principal.derived) {
    if (!map.has(k) && !(unknown && unknown.has(k))) map.set(k, v);
  }
  return new RequestContext(map, unknown);
}
