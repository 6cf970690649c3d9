import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";

const userArn = JSON.parse(
  readFileSync(new URL("../../../tests/fixtures/snapshots/role-arn-is-user-arn.json", import.meta.url), "utf8"),
) as Snapshot;

// Each kind of ARN a user may paste instead of a role's, and how the Japanese report names it (as the start form does).
const KINDS: [string, string][] = [
  ["arn:aws:iam::111122223333:user/tidb-importer", "IAM ユーザー"],
  ["arn:aws:iam::111122223333:group/importers", "IAM グループ"],
  ["arn:aws:iam::111122223333:instance-profile/tidb-import", "インスタンスプロファイル"],
  ["arn:aws:iam::111122223333:policy/tidb-import", "ポリシー"],
  ["arn:aws:sts::111122223333:assumed-role/tidb-import/session", "ロールセッション"],
  ["arn:aws:iam::111122223333:root", "アカウントのルートユーザー"],
];

describe("input.role-arn", () => {
  it.each(KINDS)("%s given as the role ARN: the Japanese title names its kind in Japanese", async (arn, kindJa) => {
    const report = await analyzeSnapshot({ ...userArn, target: { ...userArn.target, roleArn: arn } }, { locale: "ja" });
    const f = report.findings.find((x) => x.id === "input.role-arn")!;
    expect(f.status).toBe("fail");
    expect(f.title).toContain(`ではなく${kindJa.startsWith("IAM") ? " " : ""}${kindJa}の ARN`);
    // No English word of the kind ("user", "instance-profile") is left in the sentence.
    expect(f.title.replace(/\bARN\b|\bIAM\b/g, "")).not.toMatch(/[A-Za-z]/);
  });
});
