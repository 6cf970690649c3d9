/**
 * Replaces a Deny statement's NotPrincipal by the pattern AWS recommends (IAM User Guide, "AWS JSON policy elements:
 * NotPrincipal"): `"Principal": "*"` and an ArnNotEquals condition on aws:PrincipalArn listing the principals the
 * statement exempted, so that it no longer depends on role session names and no longer denies principals that have a
 * permissions boundary. Every exempted principal is kept:
 * - a role, a user or the account root user: its ARN (aws:PrincipalArn of a role session is the role ARN);
 * - a role session ARN: the role ARN (aws:PrincipalArn cannot name one session; the finding says so);
 * - a bare account id: `arn:<partition>:iam::<id>:root`;
 * - a service principal: StringNotEqualsIfExists on aws:PrincipalServiceName.
 * Federated and canonical-user entries cannot be expressed this way: then no edit is offered (null).
 */
import type { Doc } from "./workspace";

type Statement = Record<string, unknown>;

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]).map(String);
const compact = (xs: string[]): string | string[] => (xs.length === 1 ? xs[0] : xs);

export interface NotPrincipalReplacement {
  after: Doc;
  /** The aws:PrincipalArn values the statement now exempts. */
  arns: string[];
  /** Session ARNs that became their role ARN. */
  widenedSessions: string[];
}

/** The exempted principals of a NotPrincipal block as aws:PrincipalArn values, or null when one cannot be. */
function notPrincipalArns(
  notPrincipal: unknown,
  partition = "aws",
): { arns: string[]; services: string[]; widenedSessions: string[] } | null {
  if (notPrincipal === "*") return null;
  const block = notPrincipal && typeof notPrincipal === "object" ? (notPrincipal as Record<string, unknown>) : null;
  if (!block) return null;
  if (block.Federated !== undefined || block.CanonicalUser !== undefined) return null;
  const arns: string[] = [];
  const widenedSessions: string[] = [];
  for (const a of list(block.AWS)) {
    if (a === "*") return null;
    if (/^\d{12}$/.test(a)) arns.push(`arn:${partition}:iam::${a}:root`);
    else {
      const s = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(a);
      if (s) {
        arns.push(`arn:${s[1]}:iam::${s[2]}:role/${s[3]}`);
        widenedSessions.push(a);
      } else arns.push(a);
    }
  }
  return { arns: [...new Set(arns)], services: list(block.Service), widenedSessions };
}

function mergeInto(cond: Record<string, Record<string, unknown>>, operator: string, key: string, values: string[]) {
  const block = (cond[operator] ??= {});
  const existing = Object.keys(block).find((k) => k.toLowerCase() === key.toLowerCase());
  const merged = [...new Set([...list(existing ? block[existing] : undefined), ...values])];
  if (existing && existing !== key) delete block[existing];
  block[key] = compact(merged);
}

/**
 * The statement at `index` (a Deny with NotPrincipal) rewritten as Principal "*" + ArnNotEquals aws:PrincipalArn. An
 * existing ArnNotEquals on aws:PrincipalArn is merged (conditions are ANDed, so two negated lists mean the union of the
 * exemptions, which one list says the same way). Statement indexes do not move.
 */
export function replaceNotPrincipal(doc: Doc, index: number, partition = "aws"): NotPrincipalReplacement | null {
  const copy = structuredClone(doc);
  const raw = copy.Statement;
  const statements: Statement[] = Array.isArray(raw)
    ? (raw as Statement[])
    : raw && typeof raw === "object"
      ? [raw as Statement]
      : [];
  const st = statements[index];
  if (!st || st.NotPrincipal === undefined || st.Effect !== "Deny") return null;
  const exempt = notPrincipalArns(st.NotPrincipal, partition);
  if (!exempt || exempt.arns.length === 0) return null;
  const rebuilt: Statement = {};
  for (const [k, v] of Object.entries(st)) {
    if (k === "NotPrincipal") rebuilt.Principal = "*";
    else rebuilt[k] = v;
  }
  const cond = (rebuilt.Condition && typeof rebuilt.Condition === "object" ? rebuilt.Condition : {}) as Record<
    string,
    Record<string, unknown>
  >;
  mergeInto(cond, "ArnNotEquals", "aws:PrincipalArn", exempt.arns);
  if (exempt.services.length) mergeInto(cond, "StringNotEqualsIfExists", "aws:PrincipalServiceName", exempt.services);
  rebuilt.Condition = cond;
  statements[index] = rebuilt;
  copy.Statement = Array.isArray(raw) ? statements : statements[0];
  if (!copy.Version) copy.Version = "2012-10-17";
  return { after: copy, arns: exempt.arns, widenedSessions: exempt.widenedSessions };
}
