/**
 * Which AWS account applies a fix. When the bucket or a key lives in another account than the importing role or user,
 * every command of the report names the account that must run it: the bucket owner changes the bucket policy and the
 * bucket's settings, the key's account its key policy, the principal's account the trust and identity policies.
 */
import type { Fix } from "@/lib/report/types";

export interface AccountFacts {
  /** The importing role's or user's account. */
  principalAccount: string | null;
  principalKind: "role" | "user" | null;
  bucketAccount: string | null;
  /** Account of each KMS key in use, by key ARN. */
  keyAccounts: Record<string, string | null>;
}

export interface FixAccount {
  account: string;
  /** Whose account it is, in both languages (the guide's terms). */
  who: { en: string; ja: string };
}

const PRINCIPAL_DOCS = /^(trust-policy|permissions-boundary|access-key|(role|user|group)-policy:)/;
const BUCKET_DOCS = new Set(["bucket-policy", "object-ownership", "bucket-encryption", "requester-pays"]);

type Who = FixAccount["who"];

/** Whose account changes `document`, in both languages (the guide's terms); null for a document of no known kind. */
function whoChanges(document: string, principalKind: AccountFacts["principalKind"]): Who | null {
  if (PRINCIPAL_DOCS.test(document))
    return principalKind === "user"
      ? { en: "the IAM user's account", ja: "IAM ユーザーのアカウント" }
      : { en: "the role's account", ja: "ロールのアカウント" };
  if (BUCKET_DOCS.has(document)) return { en: "the bucket owner", ja: "バケット所有者のアカウント" };
  if (document.startsWith("key-policy:")) return { en: "the key's account", ja: "キーを所有するアカウント" };
  return null;
}

/** The account that applies a fix to `document`, or null when it is not known. */
export function accountFor(document: string, facts: AccountFacts): FixAccount | null {
  const who = whoChanges(document, facts.principalKind);
  if (!who) return null;
  const arn = document.slice("key-policy:".length);
  const account = PRINCIPAL_DOCS.test(document)
    ? facts.principalAccount
    : BUCKET_DOCS.has(document)
      ? facts.bucketAccount
      : (facts.keyAccounts[arn] ?? /^arn:[\w-]+:kms:[\w-]+:(\d{12}):/.exec(arn)?.[1] ?? null);
  return account ? { account, who } : null;
}

/** Whether the import spans accounts: the bucket or a key in use is in another account than the principal. */
function spansAccounts(facts: AccountFacts): boolean {
  const p = facts.principalAccount;
  if (!p) return false;
  if (facts.bucketAccount && facts.bucketAccount !== p) return true;
  return Object.values(facts.keyAccounts).some((a) => a && a !== p);
}

/** The comment line that starts a command run with another account's credentials, in one language. */
function accountComment(a: FixAccount, lang: "en" | "ja"): string {
  return lang === "ja"
    ? `# アカウント ${a.account}（${a.who.ja}）の認証情報で実行します`
    : `# Run with credentials of account ${a.account} (${a.who.en})`;
}

/**
 * The fix with the account that runs it (`account`, its alternatives' too), and a note in both languages. Unchanged
 * when the import stays in one account or the account is not known. The command's comment line naming the account is
 * written in the report's languages (see cliIn).
 */
export function withAccount(fix: Fix, facts: AccountFacts): { fix: Fix; note: { en: string; ja: string } } | null {
  if (!spansAccounts(facts)) return null;
  const a = accountFor(fix.document, facts);
  if (!a) return null;
  const alternatives = fix.alternatives?.map((alt) => withAccount(alt, facts)?.fix ?? alt);
  return {
    fix: { ...fix, account: a.account, ...(alternatives ? { alternatives } : {}) },
    note: {
      en: `Account ${a.account} (${a.who.en}) makes this change: the bucket or the key is in another account than the ${facts.principalKind === "user" ? "IAM user" : "role"}.`,
      ja: `この変更はアカウント ${a.account}（${a.who.ja}）で行います。バケットまたはキーが${facts.principalKind === "user" ? " IAM ユーザー" : "ロール"}とは別のアカウントにあるためです。`,
    },
  };
}

/**
 * A fix's command in one language: across accounts (`account` set by withAccount), a first comment line names the
 * account that runs it.
 */
export function cliIn(
  fix: { document: string; account?: string; cli: string },
  principalKind: AccountFacts["principalKind"],
  lang: "en" | "ja",
): string {
  const who = fix.account ? whoChanges(fix.document, principalKind) : null;
  return who && fix.account ? `${accountComment({ account: fix.account, who }, lang)}\n${fix.cli}` : fix.cli;
}
