/**
 * What a check asks for when a condition key's value is not known, by where the documents came from: read with
 * diagnosing credentials (live, or the CloudShell bundle: `caller` recorded), the user grants the IAM action that reads
 * it; pasted by hand (the offline form: no `caller`), there are no diagnosing credentials, so the user pastes what
 * settles it, or runs the diagnosis live or with the CloudShell script for what the offline form has no place for.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "@/lib/snapshot/schema";
import { analyzeSnapshot, parseSnapshot } from "./index";

const NOW = new Date("2026-11-28T00:00:00Z");

/** The offline form's snapshot of a working setup (no caller), with a Bucket Key-free key condition. */
function pasted(): Snapshot {
  const raw = JSON.parse(
    readFileSync("tests/fixtures/snapshots/role-kms-context-bucket-arn-objects-not-pasted.json", "utf8"),
  );
  const parsed = parseSnapshot(raw.snapshot ?? raw);
  if (!parsed.ok) throw new Error("fixture");
  const s = structuredClone(parsed.snapshot);
  const grant = s.role!.inlinePolicies!["s3-read"].Statement as Record<string, unknown>[];
  delete grant[2].Condition;
  return s;
}

/** The same documents as a live read would record them. */
function live(s: Snapshot): Snapshot {
  return {
    ...s,
    caller: { accountId: "111122223333", arn: "arn:aws:iam::111122223333:user/diagnose", userId: "AIDAEXAMPLE" },
  } as Snapshot;
}

async function finding(s: Snapshot, id: string) {
  const report = await analyzeSnapshot(s, { now: NOW, locale: "en" });
  const f = report.findings.find((x) => x.id === id);
  if (!f) throw new Error(`${id} not in the report`);
  return f;
}

describe("an unknown value pasted by hand", () => {
  // IAM User Guide, reference_policies_condition-keys.md, aws:RequestedRegion: the Region the request is made to (for
  // S3, the bucket's). A Deny outside the customer's Region decides nothing while that Region is not known.
  it("asks for the bucket's Region in the start form, not for s3:GetBucketLocation", async () => {
    const s = pasted();
    s.target.region = null;
    s.bucket!.region = null;
    s.bucket!.policy = {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "OnlyTokyo",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: ["arn:aws:s3:::tidb-cloud-source-data", "arn:aws:s3:::tidb-cloud-source-data/*"],
          Condition: { StringNotEquals: { "aws:RequestedRegion": "ap-northeast-1" } },
        },
      ],
    };
    const f = await finding(s, "bucket.policy.deny");
    expect(f.status).toBe("unknown");
    expect(f.detail).toContain("Paste the bucket's Region (such as ap-northeast-1) in “Bucket region” to decide it");
    expect(f.detail).toContain("aws s3api get-bucket-location --bucket tidb-cloud-source-data prints it");
    expect(f.translations?.ja?.detail).toContain(
      "バケットのリージョン（ap-northeast-1 など）を「バケットのリージョン」に貼り付けてください",
    );
    for (const text of [f.detail, f.unavailable ?? "", f.translations?.ja?.detail ?? ""]) {
      expect(text).not.toContain("diagnosing credentials");
      expect(text).not.toContain("診断用の認証情報");
    }
    // Read live, the diagnosing credentials would have read it: the IAM action is named.
    const read = await finding(live(s), "bucket.policy.deny");
    expect(read.status).toBe("unknown");
    expect(read.detail).toContain("s3:GetBucketLocation");
    expect(read.detail).toContain("diagnosing credentials");
  });

  // IAM User Guide, reference_policies_condition-keys.md, aws:PrincipalTag: the tags of the role (the offline form has
  // no place for them; a live read or the CloudShell script reads them with iam:ListRoleTags).
  it("says the live diagnosis or the CloudShell script reads the role's tags, not to grant iam:ListRoleTags", async () => {
    const s = pasted();
    const grant = s.role!.inlinePolicies!["s3-read"].Statement as Record<string, unknown>[];
    grant[0].Condition = { StringEquals: { "aws:PrincipalTag/team": "data" } };
    const f = await finding(s, "identity.get-object");
    expect(f.status).toBe("unknown");
    expect(f.detail).toContain(
      "Run the diagnosis live or with the CloudShell script, which read it with iam:ListRoleTags (the offline form has no place for it) to decide it.",
    );
    expect(f.unavailable).toBe("read live or with the CloudShell script (iam:ListRoleTags)");
    const ja = f.translations?.ja;
    expect(ja?.detail).toContain(
      "判定するには、ライブまたは CloudShell スクリプトで診断を実行（iam:ListRoleTags で読み取ります。オフラインの入力にはこの情報の欄がありません）してください。",
    );
    for (const text of [f.detail, f.unavailable ?? "", ja?.detail ?? "", ja?.unavailable ?? ""]) {
      expect(text).not.toContain("diagnosing credentials");
      expect(text).not.toContain("診断用の認証情報");
    }
    const read = await finding(live(s), "identity.get-object");
    expect(read.status).toBe("unknown");
    expect(read.detail).toContain("Allow iam:ListRoleTags to the diagnosing credentials to decide it.");
  });
});
