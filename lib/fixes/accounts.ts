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

/** The account that applies a fix to `document`, or null when it is not known. */
export function accountFor(document: string, facts: AccountFacts): FixAccount | null {
  if (PRINCIPAL_DOCS.test(document) && facts.principalAccount) {
    return {
      account: facts.principalAccount,
      who:
        facts.principalKind === "user"
          ? { en: "the IAM user's account", ja: "IAM ユーザーのアカウント" }
          : { en: "the role's account", ja: "ロールのアカウント" },
    };
  }
  if (BUCKET_DOCS.has(document) && facts.bucketAccount)
    return { account: facts.bucketAccount, who: { en: "the bucket owner", ja: "バケット所有者のアカウント" } };
  if (document.startsWith("key-policy:")) {
    const arn = document.slice("key-policy:".length);
    const account = facts.keyAccounts[arn] ?? /^arn:[\w-]+:kms:[\w-]+:(\d{12}):/.exec(arn)?.[1] ?? null;
    if (account) return { account, who: { en: "the key's account", ja: "キーを所有するアカウント" } };
  }
  return null;
}

/** Whether the import spans accounts: the bucket or a key in use is in another account than the principal. */
function spansAccounts(facts: AccountFacts): boolean {
  const p = facts.principalAccount;
  if (!p) return false;
  if (facts.bucketAccount && facts.bucketAccount !== p) return true;
  return Object.values(facts.keyAccounts).some((a) => a && a !== p);
}

/**
 * The fix with the account that runs it: `account`, a first comment line in `cli`, and a note in both languages.
 * Unchanged when the import stays in one account or the account is not known.
 */
export function withAccount(fix: Fix, facts: AccountFacts): { fix: Fix; note: { en: string; ja: string } } | null {
  if (!spansAccounts(facts)) return null;
  const a = accountFor(fix.document, facts);
  if (!a) return null;
  const alternatives = fix.alternatives?.map((alt) => withAccount(alt, facts)?.fix ?? alt);
  return {
    fix: {
      ...fix,
      account: a.account,
      cli: `# Run with credentials of account ${a.account} (${a.who.en})\n${fix.cli}`,
      ...(alternatives ? { alternatives } : {}),
    },
    note: {
      en: `Account ${a.account} (${a.who.en}) makes this change: the bucket or the key is in another account than the ${facts.principalKind === "user" ? "IAM user" : "role"}.`,
      ja: `この変更はアカウント ${a.account}（${a.who.ja}）で行います。バケットまたはキーが${facts.principalKind === "user" ? " IAM ユーザー" : "ロール"}とは別のアカウントにあるためです。`,
    },
  };
}
