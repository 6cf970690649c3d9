/** The wizard opens the step that holds the failing check a pasted message points to (real analyses of fixtures). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import { stepForFindings } from "./step-for-findings";
import { triageErrorMessage } from "./triage-error-message";

async function findings(name: string) {
  const raw = JSON.parse(readFileSync(join(process.cwd(), "tests/fixtures/snapshots", `${name}.json`), "utf8"));
  const parsed = parseSnapshot(raw);
  if (!parsed.ok) throw new Error(name);
  return (await analyzeSnapshot(parsed.snapshot, { now: new Date("2026-11-28T00:00:00Z") })).findings;
}

const KMS_AMBIGUOUS =
  "The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.";
const KMS_JA = "KMS キーへのアクセスが拒否されました。";
const ACCESS_KEY_JA =
  "アクセスキーID 'AKIAIOSFODNN7EXAMPLE'およびシークレットアクセスキー'[redacted]'を使用してソース's3://tidb-cloud-source-data/mydata/'に対するアクセスが拒否されました";

describe("stepForFindings", () => {
  it.each([
    // A KMS message whose failing check is in the permission policies opens them, in either language …
    [KMS_AMBIGUOUS, "role-kms-decrypt-missing", "identity-policy"],
    [KMS_JA, "role-kms-decrypt-missing", "identity-policy"],
    // … and the key policy's step when the key policy is what fails.
    [KMS_AMBIGUOUS, "role-key-policy-without-role", "encryption"],
    [KMS_JA, "role-key-policy-without-role", "encryption"],
    // "Access denied" from TiDB Cloud names no cause: the step of whatever fails.
    [ACCESS_KEY_JA, "access-key-group-policy-missing-slash-star", "identity-policy"],
    ["Access Denied", "role-object-ownership-object-writer", "object-ownership"],
    ["アクセスが拒否されました", "role-key-policy-deny", "encryption"],
    // The role message opens the trust relationship when that is what fails.
    ["指定されたロールを引き受けることができません。", "role-wrong-external-id", "assume-role"],
  ])("%s on %s opens %s", async (message, fixture, step) => {
    const triage = triageErrorMessage(message)!;
    expect(triage).not.toBeNull();
    expect(stepForFindings(triage, await findings(fixture))).toBe(step);
  });

  it("falls back to the step the message points to when none of its checks fails or warns", async () => {
    const triage = triageErrorMessage(KMS_AMBIGUOUS)!;
    expect(stepForFindings(triage, await findings("role-ok"))).toBe("encryption");
    const ja = triageErrorMessage("提供されたロールを仮定できません")!;
    expect(stepForFindings(ja, await findings("role-ok"))).toBe("assume-role");
  });

  it("prefers a failing check to a warning one, in the order the message lists them", () => {
    const [a, b] = ["identity.kms-decrypt", "bucket.policy.deny"] as const;
    const triage = { kind: "kms-access-denied" as const, step: "encryption" as const, checks: [a, b] };
    expect(
      stepForFindings(triage, [
        { id: a, step: "identity-policy", status: "warn" },
        { id: b, step: "bucket-policy", status: "fail" },
      ]),
    ).toBe("bucket-policy");
    expect(stepForFindings(triage, [{ id: a, step: "identity-policy", status: "warn" }])).toBe("identity-policy");
  });
});
