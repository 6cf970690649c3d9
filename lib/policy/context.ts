/**
 * The request context as the engine reads it: condition keys are case-insensitive, a value is a string or a list of strings.
 * Keys the asker does not know (unknownKeys) are present with an unknown value.
 */
import { parseArn } from "./arn";
import type { PartialValue, RequestDescription } from "./types";
import { countLookup } from "./cache-stats";

export interface EvalContext {
  /** Value(s) of a key (lower-cased name); undefined when the key is absent from the request. */
  values(keyLower: string): string | string[] | undefined;
  /** True when the key's value is unknown to the asker. */
  isUnknown(keyLower: string): boolean;
  /** Original spelling of an unknown key (for answers). */
  unknownName(keyLower: string): string;
  /** The partly known value of a key (prefix or one of several values), or undefined. */
  partial(keyLower: string): PartialValue | undefined;
  /** An unknown key of a family (`aws:PrincipalTag/*`): whether it is present at all is unknown too. */
  mayBeAbsent(keyLower: string): boolean;
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
  derived: [string, string][];
  /**
   * Keys the principal always carries but whose value its ARN does not tell (lower-cased), unknown unless the request
   * gives them: aws:userid of a role given by its role ARN (a session whose name is not known).
   */
  derivedUnknown: string[];
}

const principalCache = new Map<string, Map<string, PrincipalInfo>>();
let lastArn = "";
let lastAccount = "";
let lastInfo: PrincipalInfo | null = null;

/** Classifies the request principal (cached): a role and its sessions are one principal. */
export function describePrincipal(arn: string, fallbackAccount: string): PrincipalInfo {
  if (lastInfo !== null && arn === lastArn && fallbackAccount === lastAccount) {
    countLookup("principals", true);
    return lastInfo;
  }
  let byArn = principalCache.get(fallbackAccount);
  if (!byArn) {
    if (principalCache.size > 100) principalCache.clear();
    byArn = new Map();
    principalCache.set(fallbackAccount, byArn);
  }
  let p = byArn.get(arn);
  countLookup("principals", p !== undefined);
  if (!p) {
    const base = classify(arn, fallbackAccount) as PrincipalInfo;
    const derived: [string, string][] = [];
    if (base.kind !== "service") derived.push(["aws:principalarn", principalArnForContext(base)]);
    if (base.account) derived.push(["aws:principalaccount", base.account]);
    if (base.userName) derived.push(["aws:username", base.userName]);
    // A role given by its ARN stands for a session of it (roles make requests only through sessions).
    const type =
      base.kind === "session" || base.kind === "role"
        ? "AssumedRole"
        : base.kind === "user"
          ? "User"
          : base.kind === "root"
            ? "Account"
            : undefined;
    if (type) derived.push(["aws:principaltype", type]);
    p = { ...base, derived, derivedUnknown: base.kind === "role" ? ["aws:userid"] : NO_KEYS };
    if (byArn.size > 1000) byArn.clear();
    byArn.set(arn, p);
  }
  lastArn = arn;
  lastAccount = fallbackAccount;
  lastInfo = p;
  return p;
}

function classify(arn: string, fallbackAccount: string): Omit<PrincipalInfo, "derived" | "derivedUnknown"> {
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
function principalArnForContext(p: Omit<PrincipalInfo, "derived" | "derivedUnknown">): string {
  if (p.kind === "session") {
    const part = parseArn(p.arn)?.partition ?? "aws";
    return `arn:${part}:iam::${p.account}:role/${p.roleName}`;
  }
  return p.arn;
}

function toValue(v: unknown): string | string[] | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === "string")) return v as string[];
    return v.filter((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean").map(String);
  }
  return undefined;
}

const NO_KEYS: string[] = [];

/**
 * The context as two small parallel arrays (a request has a handful of keys: a linear search beats building a Map),
 * then the keys derived from the principal.
 */
class RequestContext implements EvalContext {
  constructor(
    private readonly keys: string[],
    private readonly vals: (string | string[])[],
    private readonly unknownLower: string[],
    private readonly unknownOrig: string[],
    private readonly principal: PrincipalInfo,
    /** Lower-cased families from unknownKeys ("aws:principaltag/"), each with its original spelling. */
    private readonly families: [string, string][],
    private readonly partialKeys: string[],
    private readonly partialVals: PartialValue[],
  ) {}
  values(k: string): string | string[] | undefined {
    const u = this.unknownLower;
    for (let i = 0; i < u.length; i++) if (u[i] === k) return undefined;
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === k) return this.vals[i];
    if (this.families.length && this.inFamily(k)) return undefined;
    const d = this.principal.derived;
    for (let i = 0; i < d.length; i++) if (d[i][0] === k) return d[i][1];
    return undefined;
  }
  isUnknown(k: string): boolean {
    const u = this.unknownLower;
    for (let i = 0; i < u.length; i++) if (u[i] === k) return true;
    if (this.families.length === 0 && this.principal.derivedUnknown.length === 0) return false;
    if (this.keys.includes(k) || this.partialKeys.includes(k)) return false;
    return this.inFamily(k) || this.principal.derivedUnknown.includes(k);
  }
  unknownName(k: string): string {
    const i = this.unknownLower.indexOf(k);
    if (i >= 0) return this.unknownOrig[i];
    for (const [f, orig] of this.families) if (k.startsWith(f)) return orig.slice(0, f.length) + k.slice(f.length);
    return k;
  }
  mayBeAbsent(k: string): boolean {
    if (this.families.length === 0 || this.unknownLower.includes(k)) return false;
    return !this.keys.includes(k) && !this.partialKeys.includes(k) && this.inFamily(k);
  }
  partial(k: string): PartialValue | undefined {
    const p = this.partialKeys;
    for (let i = 0; i < p.length; i++) if (p[i] === k) return this.partialVals[i];
    return undefined;
  }
  private inFamily(k: string): boolean {
    for (const [f] of this.families) if (k.startsWith(f)) return true;
    return false;
  }
}

const NO_FAMILIES: [string, string][] = [];
const NO_PARTIAL: PartialValue[] = [];

function toPartial(v: unknown): PartialValue | undefined {
  if (!v || typeof v !== "object") return undefined;
  const o = v as Record<string, unknown>;
  const absent = o.orAbsent === true ? { orAbsent: true } : null;
  if (typeof o.prefix === "string") return absent ? { prefix: o.prefix, ...absent } : { prefix: o.prefix };
  if (Array.isArray(o.oneOf)) {
    const oneOf = o.oneOf.filter((x): x is string => typeof x === "string");
    return oneOf.length ? (absent ? { oneOf, ...absent } : { oneOf }) : undefined;
  }
  return undefined;
}

/** Builds the context: lower-cased keys, plus aws:PrincipalArn / aws:PrincipalAccount / aws:username / aws:PrincipalType when absent. */
export function buildContext(req: RequestDescription, principal: PrincipalInfo): EvalContext {
  const keys: string[] = [];
  const vals: (string | string[])[] = [];
  const ctx =
    req && typeof req.context === "object" && req.context !== null ? (req.context as Record<string, unknown>) : null;
  if (ctx) {
    for (const k in ctx) {
      if (!Object.prototype.hasOwnProperty.call(ctx, k)) continue;
      const v = toValue(ctx[k]);
      if (v !== undefined) {
        keys.push(k.toLowerCase());
        vals.push(v);
      }
    }
  }
  let unknownLower = NO_KEYS;
  let unknownOrig = NO_KEYS;
  let families = NO_FAMILIES;
  if (Array.isArray(req?.unknownKeys) && req.unknownKeys.length) {
    unknownLower = [];
    unknownOrig = [];
    for (const k of req.unknownKeys) {
      if (typeof k !== "string") continue;
      if (k.endsWith("/*")) {
        if (families === NO_FAMILIES) families = [];
        families.push([k.slice(0, -1).toLowerCase(), k.slice(0, -1)]);
        continue;
      }
      unknownLower.push(k.toLowerCase());
      unknownOrig.push(k);
    }
  }
  let partialKeys = NO_KEYS;
  let partialVals = NO_PARTIAL;
  const pc = req?.partialContext;
  if (pc && typeof pc === "object") {
    for (const k in pc) {
      if (!Object.prototype.hasOwnProperty.call(pc, k)) continue;
      const v = toPartial(pc[k]);
      if (!v) continue;
      if (partialKeys === NO_KEYS) {
        partialKeys = [];
        partialVals = [];
      }
      partialKeys.push(k.toLowerCase());
      partialVals.push(v);
    }
  }
  return new RequestContext(keys, vals, unknownLower, unknownOrig, principal, families, partialKeys, partialVals);
}
