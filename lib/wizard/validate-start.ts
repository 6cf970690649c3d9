/**
 * The start form and the live credentials, checked as they are typed: what is wrong with each field, with the value
 * the user most likely meant when there is one ("did you mean"). Pure; the wizard translates the codes.
 *
 * A problem `blocks` a run when sending would be useless: "live" for what the live reader refuses (it would read
 * nothing, and the credentials are cleared after every request), "all" for a secret where an ID belongs (it must
 * not leave the browser). Other problems are shown and left to the intake checks, which explain them in the report.
 */
import { parsePrincipalArn, roleArnFor, accountOfArn, type PrincipalArnProblem } from "@/lib/policy/arn";
import { REGION_LIST } from "@/lib/policy/regions";
import { ACCESS_KEY_ID, accessKeyIdKind, secretKindOf } from "@/lib/security/secrets";
import { parseBucketUri } from "@/lib/snapshot/bucket-uri";
import { STS_EXTERNAL_ID, TIDB_EXTERNAL_ID_PREFIX } from "@/lib/checks/intake/shapes";
import type { LiveCredentials, StartInput } from "./form-types";

type ArnCode = `roleArn.${Exclude<PrincipalArnProblem, "empty" | "spaces">}`;
export const INPUT_PROBLEM_CODES = [
  "required",
  "spaces",
  "fullwidth",
  "quotes",
  "bucketUri.single-slash",
  "bucketUri.scheme",
  "bucketUri.url",
  "bucketUri.bucket-name",
  "bucketUri.no-folder",
  "bucketUri.folder-slash",
  "roleArn.not-role",
  "roleArn.console-url",
  ...(
    [
      "not-arn",
      "partition",
      "service",
      "region",
      "account",
      "resource-type",
      "path",
      "name-chars",
      "name-length",
      "session-name",
    ] as const satisfies readonly Exclude<PrincipalArnProblem, "empty" | "spaces">[]
  ).map((p) => `roleArn.${p}` as ArnCode),
  "externalId.shape",
  "externalId.tidb-length",
  "tidbAccountId.digits",
  "tidbAccountId.own-account",
  "accessKeyId.secret",
  "accessKeyId.shape",
  "accessKeyId.temporary",
  "region.unknown",
  "errorMessage.too-long",
  "credentials.key-is-secret",
  "credentials.key-shape",
  "credentials.secret-is-key-id",
  "credentials.secret-length",
  "credentials.secret-not-40",
  "credentials.token-required",
  "credentials.token-long-term",
  "credentials.token-length",
] as const;
type InputProblemCode = (typeof INPUT_PROBLEM_CODES)[number];

export interface InputProblem {
  code: InputProblemCode;
  /** "invalid" marks the field wrong; a "note" only says something worth knowing. */
  level: "invalid" | "note";
  blocks: "all" | "live" | "none";
  /** The value the user most likely meant: put in the field with one click. */
  suggestion?: string;
  /** The suggestion is a credential: the button never shows it. */
  hidden?: boolean;
  params?: Record<string, string | number>;
}

export type StartField = Exclude<keyof StartInput, "mode">;

/** A pasted error message longer than this is not TiDB Cloud's message (those are a few hundred characters). */
const ERROR_MESSAGE_LIMIT = 10_000;
export type StartProblems = Partial<Record<StartField, InputProblem>>;
export type CredentialProblems = Partial<Record<keyof LiveCredentials, InputProblem>>;

const invalid = (
  code: InputProblemCode,
  blocks: InputProblem["blocks"],
  extra: Partial<InputProblem> = {},
): InputProblem => ({ code, level: "invalid", blocks, ...extra });
const note = (code: InputProblemCode, extra: Partial<InputProblem> = {}): InputProblem => ({
  code,
  level: "note",
  blocks: "none",
  ...extra,
});

const QUOTED = /^(['"`‘’“”「『])(.*)(['"`‘’“”」』])$/s;

/**
 * The usual ways a pasted value goes wrong, undone one by one: surrounding quotes, full-width characters (a Japanese
 * input method), spaces inside. Returns the cleaned value and why, when it differs.
 */
function cleaned(value: string): { value: string; code: "quotes" | "fullwidth" | "spaces" } | null {
  let v = value.trim();
  let code: "quotes" | "fullwidth" | "spaces" | null = null;
  const q = QUOTED.exec(v);
  if (q) {
    v = q[2].trim();
    code = "quotes";
  }
  const narrow = v.normalize("NFKC");
  if (narrow !== v) {
    v = narrow;
    code ??= "fullwidth";
  }
  const compact = v.replace(/\s+/g, "");
  if (compact !== v) {
    v = compact;
    code ??= "spaces";
  }
  return code ? { value: v, code } : null;
}

/** A problem with a cleaned value as suggestion, when cleaning makes the value acceptable. */
function cleanupFix(value: string, ok: (v: string) => boolean, blocks: InputProblem["blocks"]): InputProblem | null {
  const c = cleaned(value);
  return c && ok(c.value) ? invalid(c.code, blocks, { suggestion: c.value }) : null;
}

function bucketUriProblem(raw: string): InputProblem | null {
  const v = raw.trim();
  if (!v) return null;
  const r = parseBucketUri(v);
  if (r.ok) {
    if (r.value.rewrittenFrom) return note("bucketUri.url", { suggestion: r.value.uri });
    // S3 keys may hold spaces, but one in a pasted URI is usually a mistake.
    if (/\s/.test(v)) {
      const compact = v.replace(/\s+/g, "");
      if (parseBucketUri(compact).ok) return note("spaces", { suggestion: compact });
    }
    const last = (r.value.key ?? "").split("/").pop() ?? "";
    // "s3://bucket/mydata" names one file called mydata; a folder ends with "/".
    if (r.value.kind === "file" && !last.includes(".")) {
      return note("bucketUri.folder-slash", { suggestion: `${r.value.uri}/`, params: { name: last } });
    }
    return null;
  }
  const parses = (u: string) => parseBucketUri(u).ok;
  const fix = cleanupFix(v, parses, "live");
  if (fix) return fix;
  if (/^s3:\/(?!\/)/i.test(v)) {
    const s = `s3://${v.slice(4)}`;
    return invalid("bucketUri.single-slash", "live", parses(s) ? { suggestion: s } : {});
  }
  if (r.problem === "scheme") {
    const withScheme = /^s3:\/\//i.test(v) ? `s3://${v.slice(5)}` : `s3://${v.replace(/^\/+/, "")}`;
    return invalid("bucketUri.scheme", "live", parses(withScheme) ? { suggestion: withScheme } : {});
  }
  if (r.problem === "bucket-name" && r.value) {
    const { bucket, uri } = r.value;
    const lower = uri.replace(`s3://${bucket}`, `s3://${bucket.toLowerCase()}`);
    return invalid("bucketUri.bucket-name", "live", {
      params: { bucket },
      ...(lower !== uri && parses(lower) ? { suggestion: lower } : {}),
    });
  }
  // No folder (s3://bucket/): TiDB Cloud imports from a folder; the live reader still reads the bucket.
  return invalid(r.problem === "no-folder" ? "bucketUri.no-folder" : "bucketUri.scheme", "none");
}

const isRoleArn = (v: string) => {
  const p = parsePrincipalArn(v);
  return p.ok && p.value.kind === "role";
};

/**
 * The role an IAM console address shows (`https://…console.aws.amazon.com/iam/home#/roles/details/NAME?…`, or the
 * older `#/roles/NAME`), or null when the text is not such an address. The address holds no account ID, so no ARN
 * can be made from it.
 */
function roleOfConsoleUrl(v: string): string | null {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return null;
  }
  if (!/(^|\.)console\.(aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)$/.test(url.hostname)) return null;
  const m = /^#\/roles\/(?:details\/)?([\w+=,.@%-]+)(?:[/?]|$)/.exec(url.hash);
  if (!url.pathname.startsWith("/iam") || !m) return null;
  try {
    const name = decodeURIComponent(m[1]);
    return /^[\w+=,.@-]{1,64}$/.test(name) ? name : null;
  } catch {
    return null;
  }
}

function roleArnProblem(raw: string): InputProblem | null {
  const v = raw.trim();
  if (!v) return null;
  const p = parsePrincipalArn(v);
  if (p.ok && p.value.kind === "role") return null;
  const page = roleOfConsoleUrl(v);
  if (page) return invalid("roleArn.console-url", "live", { params: { name: page } });
  const fix = cleanupFix(v, isRoleArn, "live");
  if (fix) return fix;
  if (p.ok) {
    const suggestion = roleArnFor(p.value);
    return invalid("roleArn.not-role", "live", {
      params: { kind: p.value.kind.replace("-", "_") },
      ...(suggestion ? { suggestion } : {}),
    });
  }
  if (p.problem === "account") {
    // An account written with separators, as the console shows it: 1111-2222-3333.
    const parts = v.split(":");
    if (parts.length >= 6) {
      const digits = parts[4].replace(/[\s-]/g, "");
      const s = [...parts.slice(0, 4), digits, ...parts.slice(5)].join(":");
      if (isRoleArn(s)) return invalid("roleArn.account", "live", { suggestion: s });
    }
  }
  return invalid(`roleArn.${p.problem === "empty" || p.problem === "spaces" ? "not-arn" : p.problem}`, "live");
}

function externalIdProblem(raw: string): InputProblem | null {
  const v = raw.trim();
  if (!v) return null;
  if (STS_EXTERNAL_ID.test(v)) {
    if (v.startsWith(TIDB_EXTERNAL_ID_PREFIX) && v.length !== 50 && /^[0-9a-f]+$/.test(v)) {
      return note("externalId.tidb-length", { params: { count: v.length } });
    }
    return null;
  }
  return cleanupFix(v, (c) => STS_EXTERNAL_ID.test(c), "none") ?? invalid("externalId.shape", "none");
}

function tidbAccountIdProblem(raw: string, roleArn: string): InputProblem | null {
  const v = raw.trim();
  if (!v) return null;
  if (/^\d{12}$/.test(v)) {
    const own = accountOfArn(roleArn);
    return own === v ? note("tidbAccountId.own-account") : null;
  }
  const digits = v.normalize("NFKC").replace(/[\s-]/g, "");
  const suggestion = /^\d{12}$/.test(digits) ? digits : (accountOfArn(v) ?? undefined);
  return invalid("tidbAccountId.digits", "none", {
    params: { count: digits.replace(/\D/g, "").length },
    ...(suggestion ? { suggestion } : {}),
  });
}

function accessKeyIdProblem(raw: string): InputProblem | null {
  const v = raw.trim();
  if (!v) return null;
  if (secretKindOf(v)) return invalid("accessKeyId.secret", "all");
  const kind = accessKeyIdKind(v);
  if (kind === "temporary") return note("accessKeyId.temporary");
  if (kind === "long-term") return null;
  const c = cleaned(v)?.value ?? v;
  if (accessKeyIdKind(c.toUpperCase())) {
    return invalid(c === v ? "accessKeyId.shape" : cleaned(v)!.code, ACCESS_KEY_ID.test(v) ? "none" : "live", {
      suggestion: c.toUpperCase(),
    });
  }
  return invalid("accessKeyId.shape", ACCESS_KEY_ID.test(v) ? "none" : "live");
}

/** Edit distance, for a region typed with one or two letters wrong. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

function regionProblem(raw: string): InputProblem | null {
  const v = raw.trim();
  if (!v || REGION_LIST.includes(v)) return null;
  const flat = v.normalize("NFKC").toLowerCase();
  // A console label such as "Asia Pacific (Tokyo) ap-northeast-1" holds the code.
  const inside = REGION_LIST.find((r) => new RegExp(`(^|[^a-z0-9-])${r}($|[^a-z0-9-])`).test(flat));
  const compact = flat.replace(/\s+/g, "");
  const close = REGION_LIST.map((r) => [r, distance(compact, r)] as const)
    .filter(([, n]) => n <= 2)
    .sort((a, b) => a[1] - b[1])[0]?.[0];
  const suggestion = inside ?? (REGION_LIST.includes(compact) ? compact : close);
  return invalid("region.unknown", "live", suggestion ? { suggestion } : {});
}

/** The problem of each start field, "required" included for the fields a run cannot do without. */
export function startProblems(start: StartInput): StartProblems {
  const role = start.mode === "role";
  const out: StartProblems = {};
  const set = (f: StartField, p: InputProblem | null) => {
    if (p) out[f] = p;
  };
  set("bucketUri", start.bucketUri.trim() ? bucketUriProblem(start.bucketUri) : invalid("required", "all"));
  if (role) {
    // Offline, the role ARN may come from pasted `aws iam get-role` output instead.
    set("roleArn", start.roleArn.trim() ? roleArnProblem(start.roleArn) : invalid("required", "live"));
    set("externalId", externalIdProblem(start.externalId));
    set("tidbAccountId", tidbAccountIdProblem(start.tidbAccountId, start.roleArn));
  } else {
    set("accessKeyId", start.accessKeyId.trim() ? accessKeyIdProblem(start.accessKeyId) : invalid("required", "all"));
  }
  set("region", regionProblem(start.region));
  if (start.errorMessage.length > ERROR_MESSAGE_LIMIT) {
    set(
      "errorMessage",
      invalid("errorMessage.too-long", "all", {
        params: { size: start.errorMessage.length, limit: ERROR_MESSAGE_LIMIT },
      }),
    );
  }
  return out;
}

/** The problem of each diagnosing credential (live mode); a suggestion for a secret is never shown. */
export function credentialProblems(creds: LiveCredentials): CredentialProblems {
  const out: CredentialProblems = {};
  const key = creds.accessKeyId.trim();
  const secret = creds.secretAccessKey.trim();
  const token = creds.sessionToken.trim();
  const keyKind = accessKeyIdKind(key);
  if (!key) out.accessKeyId = invalid("required", "live");
  else if (secretKindOf(key)) out.accessKeyId = invalid("credentials.key-is-secret", "live");
  else if (!keyKind) {
    const c = (cleaned(key)?.value ?? key).toUpperCase();
    out.accessKeyId = accessKeyIdKind(c)
      ? invalid(cleaned(key)?.code ?? "credentials.key-shape", "live", { suggestion: c })
      : ACCESS_KEY_ID.test(key)
        ? undefined
        : invalid("credentials.key-shape", "live");
  }
  if (!secret) out.secretAccessKey = invalid("required", "live");
  else if (/\s/.test(secret))
    out.secretAccessKey = invalid("spaces", "live", { suggestion: secret.replace(/\s+/g, ""), hidden: true });
  else if (accessKeyIdKind(secret)) out.secretAccessKey = invalid("credentials.secret-is-key-id", "live");
  else if (secret.length < 16 || secret.length > 256)
    out.secretAccessKey = invalid("credentials.secret-length", "live", { params: { count: secret.length } });
  else if (secret.length !== 40)
    out.secretAccessKey = note("credentials.secret-not-40", { params: { count: secret.length } });
  if (keyKind === "temporary" && !token) out.sessionToken = invalid("credentials.token-required", "live");
  else if (token && /\s/.test(token))
    out.sessionToken = invalid("spaces", "live", { suggestion: token.replace(/\s+/g, ""), hidden: true });
  else if (token.length > 4096) out.sessionToken = invalid("credentials.token-length", "live");
  else if (token && keyKind === "long-term") out.sessionToken = note("credentials.token-long-term");
  return out;
}

/** Whether a problem stops a run from `live` or offline input. */
export function blocksRun(p: InputProblem | undefined, live: boolean): boolean {
  return !!p && (p.blocks === "all" || (live && p.blocks === "live"));
}
