import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";

const load = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../tests/fixtures/snapshots/${name}.json`, import.meta.url), "utf8"),
  ) as Snapshot;
const roleOk = load("role-ok");
const withAccount = (tidbAccountId: string | null) => ({ ...roleOk, target: { ...roleOk.target, tidbAccountId } });
const finding = async (s: Snapshot, id: string) => (await analyzeSnapshot(s)).findings.find((f) => f.id === id)!;
/** Every corrected trust policy of a report, as text. */
const trustFixes = async (s: Snapshot) =>
  (await analyzeSnapshot(s)).findings
    .filter((f) => f.fix && JSON.stringify(f.fix).includes("sts:AssumeRole"))
    .map((f) => JSON.stringify(f.fix));

describe("input.tidb-account-id and role.trust.principal: a typo is never turned into a corrected policy", () => {
  it("asks which account is right when the form and a working trust policy differ by a digit or two", async () => {
    const typo = withAccount("380838443576");
    const asked = await finding(typo, "input.tidb-account-id");
    expect(asked.status).toBe("warn");
    expect(asked.title).toBe("Which is TiDB Cloud's account: 380838443567 or 380838443576?");
    const principal = await finding(typo, "role.trust.principal");
    expect(principal.status).toBe("unknown");
    expect(principal.fix).toBeUndefined();
    // No finding offers a trust policy naming the typed account.
    for (const fix of await trustFixes(typo)) expect(fix).not.toContain("380838443576");
  });

  it("asks, and rewrites nothing, when the account typed as TiDB Cloud's is the role's own", async () => {
    const own = withAccount("111122223333");
    expect((await finding(own, "input.tidb-account-id")).status).toBe("warn");
    expect((await finding(own, "role.trust.principal")).status).toBe("unknown");
    for (const fix of await trustFixes(own)) expect(fix).not.toContain("arn:aws:iam::111122223333:root");
  });

  it("still corrects a trust policy that trusts an unrelated account (the classic mistake)", async () => {
    const wrong = load("role-trust-wrong-account");
    expect((await finding(wrong, "input.tidb-account-id")).status).toBe("pass");
    const principal = await finding(wrong, "role.trust.principal");
    expect(principal.status).toBe("fail");
    expect(JSON.stringify(principal.fix)).toContain("arn:aws:iam::380838443567:root");
  });

  it("says how many digits a malformed ID has, and skips a missing one (the guide's account is assumed)", async () => {
    const bad = await finding(withAccount("3808-3844-356"), "input.tidb-account-id");
    expect(bad).toMatchObject({ status: "fail" });
    expect(bad.detail).toContain("has 11 digits");
    expect((await finding(withAccount(null), "input.tidb-account-id")).status).toBe("skipped");
    expect((await finding(roleOk, "input.tidb-account-id")).status).toBe("pass");
  });

  it("asks in Japanese too", async () => {
    const report = await analyzeSnapshot(withAccount("380838443576"), { locale: "ja" });
    const f = report.findings.find((x) => x.id === "input.tidb-account-id")!;
    expect(f.title).toBe("TiDB Cloud のアカウントは 380838443567 と 380838443576 のどちらですか？");
  });
});
