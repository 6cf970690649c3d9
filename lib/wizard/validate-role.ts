/**
 * The role mode's fields: the role ARN (or the IAM console address pasted instead), the External ID and the TiDB Cloud
 * account ID.
 */
import { parsePrincipalArn, roleArnFor, accountOfArn } from "@/lib/policy/arn";
import { STS_EXTERNAL_ID, TIDB_EXTERNAL_ID_PREFIX } from "@/lib/checks/intake/shapes";
import { cleanupFix, invalid, note, type InputProblem } from "./input-problem";

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

export function roleArnProblem(raw: string): InputProblem | null {
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

export function externalIdProblem(raw: string): InputProblem | null {
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

export function tidbAccountIdProblem(raw: string, roleArn: string): InputProblem | null {
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
