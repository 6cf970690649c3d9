import { describe, expect, it } from "vitest";
import { unavailableReason, type AwsErrorCode } from "@/lib/aws/errors";
import { buildOfflineSnapshot, NOT_PASTED } from "@/lib/wizard/build-snapshot";
import { EMPTY_DOCUMENTS, EMPTY_START } from "@/lib/wizard/form-types";
import { localizeReason, needs } from "./reasons";

const KANA = /[\u3040-\u30ff]/;

describe("localizeReason", () => {
  const codes: [AwsErrorCode, string?, number?][] = [
    ["access-denied", "AccessDenied", 403],
    ["timeout"],
    ["deadline"],
    ["network"],
    ["malformed-response"],
    ["throttled", "ThrottlingException", 400],
    ["throttled"],
    ["server-error", undefined, 503],
    ["server-error", "InternalError", 500],
    ["not-found", "NoSuchBucketPolicy", 404],
  ];
  it.each(codes)("says the collector's %s reason in Japanese, naming the action", (code, awsCode, httpStatus) => {
    const reason = unavailableReason({ code, awsCode, httpStatus, message: "" }, "s3:GetBucketPolicy");
    const r = localizeReason(reason);
    expect(r.en).toBe(reason);
    expect(r.ja).toMatch(KANA);
    expect(r.ja).toContain("s3:GetBucketPolicy");
    if (awsCode) expect(r.ja).toContain(awsCode);
  });

  it("says the offline form's 'not provided' in Japanese, and quotes a reason of another shape as it was recorded", () => {
    expect(localizeReason(NOT_PASTED).ja).toMatch(KANA);
    expect(localizeReason("something else entirely")).toEqual({
      en: "something else entirely",
      ja: "「something else entirely」",
    });
  });

  it("says every reason the offline form records in Japanese (nothing pasted, role and access-key mode)", () => {
    for (const mode of ["role", "access-key"] as const) {
      const start = {
        ...EMPTY_START,
        mode,
        bucketUri: "s3://tidb-cloud-source-data/mydata/",
        roleArn: "arn:aws:iam::111122223333:role/tidb-import",
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      };
      const reasons = Object.values(buildOfflineSnapshot(start, EMPTY_DOCUMENTS).snapshot.unavailable ?? {});
      expect(reasons.length).toBeGreaterThan(0);
      for (const r of reasons) expect(localizeReason(r).ja, r).toMatch(KANA);
    }
  });

  it("needs(): the reason, then the actions", () => {
    expect(needs("kms:DescribeKey", "AccessDenied on kms:DescribeKey")).toEqual({
      en: "AccessDenied on kms:DescribeKey; needs kms:DescribeKey",
      ja: "kms:DescribeKey で AccessDenied。kms:DescribeKey の権限が必要です",
    });
  });
});
