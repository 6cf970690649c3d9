/**
 * ARNs: the one parser (`parseArn` for any ARN; `parsePrincipalArn` for IAM and STS principals, with AWS's rules:
 * the partitions this project reads, a 12-digit account, no region, paths that begin and end with "/" up to 512
 * characters, names of IAM's characters and lengths; rules from the IAM User Guide, "IAM identifiers" and "IAM and
 * AWS STS quotas"), and ARN-pattern matching (segment by segment, as IAM compares ARNs). Used by the engine, the
 * intake checks, the collector, the wizard and `lib/checks/derive`.
 */
import { compileCodes, compileWildcard, type Matcher } from "./wildcard";
import { countLookup } from "./cache-stats";

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits `arn:partition:service:region:account:resource`; null when the text is not an ARN. */
export function parseArn(arn: string): Arn | null {
  if (typeof arn !== "string" || !arn.startsWith("arn:")) return null;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const j = arn.indexOf(":", start);
    if (j < 0) return null;
    parts.push(arn.slice(start, j));
    start = j + 1;
  }
  const resource = arn.slice(start);
  if (!parts[1] || !parts[2]) return null;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource };
}

/** Partitions whose ARNs this project reads: commercial, China, GovCloud (US), European Sovereign Cloud. */
export const PARTITIONS = ["aws", "aws-cn", "aws-us-gov", "aws-eusc"] as const;
type Partition = (typeof PARTITIONS)[number];

type PrincipalArnKind = "role" | "user" | "instance-profile" | "group" | "policy" | "assumed-role" | "root";

export interface PrincipalArn {
  kind: PrincipalArnKind;
  partition: Partition;
  /** 12 digits; "aws" for an AWS managed policy. */
  account: string;
  /** "/" or "/a/b/" (roles, users, instance profiles, groups, policies); "" otherwise. */
  path: string;
  /** Role, user, instance profile, group or policy name; the role's name for a session; "" for root. */
  name: string;
  /** The session name of an assumed-role ARN. */
  sessionName?: string;
  /** The ARN, as given (without surrounding whitespace). */
  arn: string;
}

export type PrincipalArnProblem =
  | "empty"
  | "spaces"
  | "not-arn"
  | "partition"
  | "service"
  | "region"
  | "account"
  | "resource-type"
  | "path"
  | "name-chars"
  | "name-length"
  | "session-name";

export type PrincipalArnResult = { ok: true; value: PrincipalArn } | { ok: false; problem: PrincipalArnProblem };

const NAME_CHARS = /^[\w+=,.@-]+$/;
/** IAM API: a path is "/" or "/", printable ASCII (U+0021–U+007E), "/". */
const PATH = /^\/(?:[\x21-\x7e]*\/)?$/;
const MAX_NAME: Record<Exclude<PrincipalArnKind, "root" | "assumed-role">, number> = {
  role: 64,
  user: 64,
  "instance-profile": 128,
  group: 128,
  policy: 128,
};
const IAM_TYPES = new Set(Object.keys(MAX_NAME));

const isPartition = (p: string): p is Partition => (PARTITIONS as readonly string[]).includes(p);
const isAccountId = (a: string): boolean => /^\d{12}$/.test(a);

/** Parses a principal ARN; the first rule it breaks otherwise. Never throws. */
export function parsePrincipalArn(text: string | null | undefined): PrincipalArnResult {
  const arn = (text ?? "").trim();
  if (!arn) return { ok: false, problem: "empty" };
  if (/\s/.test(arn)) return { ok: false, problem: "spaces" };
  const a = parseArn(arn);
  if (!a) return { ok: false, problem: "not-arn" };
  if (!isPartition(a.partition)) return { ok: false, problem: "partition" };
  if (a.service !== "iam" && a.service !== "sts") return { ok: false, problem: "service" };
  if (a.region !== "") return { ok: false, problem: "region" };
  const partition = a.partition;
  if (a.service === "sts") {
    if (!isAccountId(a.account)) return { ok: false, problem: "account" };
    const m = /^assumed-role\/([^/]*)\/(.*)$/.exec(a.resource);
    if (!m) return { ok: false, problem: "resource-type" };
    const [, name, sessionName] = m;
    if (!name || !NAME_CHARS.test(name)) return { ok: false, problem: "name-chars" };
    if (name.length > 64) return { ok: false, problem: "name-length" };
    if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) return { ok: false, problem: "session-name" };
    return {
      ok: true,
      value: { kind: "assumed-role", partition, account: a.account, path: "", name, sessionName, arn },
    };
  }
  const slash = a.resource.indexOf("/");
  const type = slash < 0 ? a.resource : a.resource.slice(0, slash);
  if (type === "root" && slash < 0) {
    if (!isAccountId(a.account)) return { ok: false, problem: "account" };
    return { ok: true, value: { kind: "root", partition, account: a.account, path: "", name: "", arn } };
  }
  if (!IAM_TYPES.has(type) || slash < 0) return { ok: false, problem: "resource-type" };
  const kind = type as keyof typeof MAX_NAME;
  if (!isAccountId(a.account) && !(kind === "policy" && a.account === "aws")) return { ok: false, problem: "account" };
  const rest = a.resource.slice(slash);
  const last = rest.lastIndexOf("/");
  const path = rest.slice(0, last + 1);
  const name = rest.slice(last + 1);
  if (path.length > 512 || !PATH.test(path)) return { ok: false, problem: "path" };
  if (!name || !NAME_CHARS.test(name)) return { ok: false, problem: "name-chars" };
  if (name.length > MAX_NAME[kind]) return { ok: false, problem: "name-length" };
  return { ok: true, value: { kind, partition, account: a.account, path, name, arn } };
}

/** The role ARN a principal ARN most likely meant: the same name as a role (a session's role has an unknown path). */
export function roleArnFor(p: PrincipalArn): string | null {
  if (p.kind === "root" || p.kind === "policy" || p.kind === "group" || !isAccountId(p.account)) return null;
  const path = p.kind === "assumed-role" ? "/" : p.path;
  return `arn:${p.partition}:iam::${p.account}:role${path}${p.name}`;
}

/** The 12-digit account of any ARN (IAM, STS, KMS, …), or null. */
export function accountOfArn(arn: string | null | undefined): string | null {
  const a = parseArn((arn ?? "").trim());
  return a && isAccountId(a.account) ? a.account : null;
}

/** A KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>), not an alias ARN. */
export function isKeyArn(arn: string | null | undefined): boolean {
  const a = parseArn((arn ?? "").trim());
  return (
    !!a &&
    isPartition(a.partition) &&
    a.service === "kms" &&
    /^[a-z0-9-]+$/.test(a.region) &&
    isAccountId(a.account) &&
    /^key\/[\w-]+$/.test(a.resource)
  );
}

/** The region of any ARN, or null when it has none (IAM, S3). */
export function regionOfArn(arn: string | null | undefined): string | null {
  const a = parseArn((arn ?? "").trim());
  return a?.region ? a.region : null;
}

function splitSix(s: string): string[] | null {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const j = s.indexOf(":", start);
    if (j < 0) return null;
    parts.push(s.slice(start, j));
    start = j + 1;
  }
  parts.push(s.slice(start));
  return parts;
}

/**
 * Compiles an ARN pattern: each of the six colon-separated parts is matched on its own (a `*` in the region part does
 * not run into the account part). A pattern without six parts (like "*") is matched as a whole string.
 */
const arnCache = new Map<string, Matcher>();

export function compileArnPattern(pattern: string): Matcher {
  let m = arnCache.get(pattern);
  countLookup("arnPatterns", m !== undefined);
  if (!m) {
    m = compileArnPatternRaw(pattern);
    if (arnCache.size > 10_000) arnCache.clear();
    arnCache.set(pattern, m);
  }
  return m;
}

function memo(test: Matcher): Matcher {
  let lastV: string | null = null;
  let lastR = false;
  return (v) => {
    if (v === lastV) return lastR;
    lastR = test(v);
    lastV = v;
    return lastR;
  };
}

function compileArnPatternRaw(pattern: string): Matcher {
  const parts = splitSix(pattern);
  if (!parts) return compileWildcard(pattern);
  if (!pattern.includes("*") && !pattern.includes("?")) return (v) => v === pattern;
  // Wildcards only in the resource part: a whole-string match is the same thing, and allocates nothing.
  if (!/[*?]/.test(parts.slice(0, 5).join(":"))) return compileWildcard(pattern);
  const ms = parts.map((p) => compileWildcard(p));
  return memo((v) => {
    const vs = splitSix(v);
    if (!vs) return false;
    for (let i = 0; i < 6; i++) if (!ms[i](vs[i])) return false;
    return true;
  });
}

/**
 * Same as compileArnPattern, from pre-computed codes (policy variables resolved, `${*}` kept literal). With
 * `strict` (the Arn* condition operators) a pattern that is not a six-part ARN matches nothing, except "*".
 */
export function compileArnCodes(codes: number[], strict = false): Matcher {
  const parts: number[][] = [[]];
  for (const c of codes) {
    if (c === 58 && parts.length < 6) parts.push([]);
    else parts[parts.length - 1].push(c);
  }
  if (parts.length < 6) return !strict || (codes.length === 1 && codes[0] < 0) ? compileCodes(codes) : () => false;
  if (!parts.slice(0, 5).some((p) => p.some((c) => c < 0))) return compileCodes(codes);
  const ms = parts.map((p) => compileCodes(p));
  return (v) => {
    const vs = splitSix(v);
    if (!vs) return false;
    for (let i = 0; i < 6; i++) if (!ms[i](vs[i])) return false;
    return true;
  };
}
