import { describe, expect, it } from "vitest";
import { accountFor, cliIn, withAccount, type AccountFacts } from "./accounts";

const KEY = "arn:aws:kms:ap-northeast-1:444455556666:key/1f2e3d4c-5b6a-4789-8abc-0123456789ab";
const facts = (over: Partial<AccountFacts> = {}): AccountFacts => ({
  principalAccount: "111122223333",
  principalKind: "role",
  bucketAccount: "111122223333",
  keyAccounts: { [KEY]: "444455556666" },
  ...over,
});
const fix = (document: string) => ({ document, before: null, after: {}, cli: "aws do-it" });

describe("which account applies a fix", () => {
  it("names the bucket owner for the bucket's documents, the key's account for its key policy, the principal's for the rest", () => {
    const f = facts({ bucketAccount: "999988887777" });
    expect(accountFor("bucket-policy", f)?.account).toBe("999988887777");
    expect(accountFor("object-ownership", f)?.account).toBe("999988887777");
    expect(accountFor("bucket-encryption", f)?.account).toBe("999988887777");
    expect(accountFor(`key-policy:${KEY}`, f)?.account).toBe("444455556666");
    expect(accountFor("trust-policy", f)?.account).toBe("111122223333");
    expect(accountFor("role-policy:s3-read", f)?.account).toBe("111122223333");
    expect(accountFor("permissions-boundary", f)?.account).toBe("111122223333");
  });

  it("across accounts, the command starts with a comment naming the account in the report's language, and a note says it in both", () => {
    const named = withAccount(fix(`key-policy:${KEY}`), facts())!;
    expect(named.fix.account).toBe("444455556666");
    expect(named.fix.cli).toBe("aws do-it");
    expect(cliIn(named.fix, "role", "en")).toBe(
      "# Run with credentials of account 444455556666 (the key's account)\naws do-it",
    );
    expect(cliIn(named.fix, "role", "ja")).toBe(
      "# アカウント 444455556666（キーを所有するアカウント）の認証情報で実行します\naws do-it",
    );
    const user = withAccount(fix("user-policy:s3-read"), facts({ principalKind: "user" }))!.fix;
    expect(cliIn(user, "user", "ja")).toBe(
      "# アカウント 111122223333（IAM ユーザーのアカウント）の認証情報で実行します\naws do-it",
    );
    expect(cliIn(fix("bucket-policy"), "role", "ja")).toBe("aws do-it");
    expect(named.note.en).toContain("Account 444455556666 (the key's account) makes this change");
    expect(named.note.ja).toContain("アカウント 444455556666（キーを所有するアカウント）");
    expect(withAccount(fix("role-policy:s3-read"), facts())!.fix.account).toBe("111122223333");
  });

  it("leaves fixes alone when the bucket and every key are in the principal's account", () => {
    expect(withAccount(fix("bucket-policy"), facts({ keyAccounts: {} }))).toBeNull();
  });
});
