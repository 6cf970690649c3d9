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
}

/** Classifies the request principal: a role and its sessions are one principal. */
export function describePrincipal(arn: string, fallbackAccount: string): PrincipalInfo {
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
export function principalArnForContext(p: PrincipalInfo): string {
  if (p.kind === "session") {
    const part = parseArn(p.arn)?.partition ?? "aws";
    return `arn:${part}:iam::${p.account}:role/${p.roleName}`;
  }
  return p.arn;
}

function toList(v: unknown): string[] | undefined {
  if (typeof v === "string") return [v];
  if (typeof v === "number" || typeof v === "boolean") return [String(v)];
  if (Array.isArray(v)) return v.filter((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean").map(String);
  return undefined;
}

/** Builds the context: lower-cased keys, plus aws:PrincipalArn / aws:PrincipalAccount / aws:username / aws:PrincipalType when absent. */
export function buildContext(req: RequestDescription, principal: PrincipalInfo): EvalContext {
  const map = new Map<string, string[]>();
  const unknown = new Map<string, string>();
  const ctx = req && typeof req.context === "object" && req.context !== null ? req.context : {};
  for (const k of Object.keys(ctx)) {
    const list = toList((ctx as Record<string, unknown>)[k]);
    if (list) map.set(k.toLowerCase(), list);
  }
  if (Array.isArray(req?.unknownKeys)) {
    for (const k of req.unknownKeys) if (typeof k === "string") unknown.set(k.toLowerCase(), k);
  }
  const derive = (k: string, v: string | undefined) => {
    if (v !== undefined && !map.has(k) && !unknown.has(k)) map.set(k, [v]);
  };
  derive("aws:principalarn", principal.kind === "service" ? undefined : principalArnForContext(principal));
  derive("aws:principalaccount", principal.account || undefined);
  derive("aws:username", principal.userName);
  derive(
    "aws:principaltype",
    principal.kind === "session" ? "AssumedRole" : principal.kind === "user" ? "User" : principal.kind === "root" ? "Account" : undefined,
  );
  return {
    values: (k) => (unknown.has(k) ? undefined : map.get(k)),
    isUnknown: (k) => unknown.has(k),
    unknownName: (k) => unknown.get(k) ?? k,
  };
}
