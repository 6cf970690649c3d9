import { describe, expect, it } from "vitest";
import type { CheckId } from "@/lib/checks/ids";
import type { Finding, Report } from "@/lib/report/types";
import { mergeStepReport, stepChanges } from "./report-merge";

const f = (id: CheckId, step: Finding["step"], status: Finding["status"]): Finding => ({
  id,
  step,
  status,
  title: id,
  detail: "",
});
const rep = (findings: Finding[]): Report => ({
  version: 1,
  target: { mode: "role", bucketUri: "s3://b/f/" },
  findings,
  summary: { pass: 0, fail: 0, warn: 0, unknown: 0, skipped: 0 },
});

describe("mergeStepReport", () => {
  it("replaces only the re-checked step's findings, in place, and recounts the summary", () => {
    const full = rep([
      f("input.bucket-uri", "intake", "pass"),
      f("role.trust.external-id", "assume-role", "fail"),
      f("bucket.policy.deny", "bucket-policy", "pass"),
    ]);
    const partial = rep([f("role.trust.external-id", "assume-role", "pass"), f("input.bucket-uri", "intake", "fail")]);
    const merged = mergeStepReport(full, partial, "assume-role");
    expect(merged.findings.map((x) => `${x.id}=${x.status}`)).toEqual([
      "input.bucket-uri=pass",
      "role.trust.external-id=pass",
      "bucket.policy.deny=pass",
    ]);
    expect(merged.summary).toEqual({ pass: 3, fail: 0, warn: 0, unknown: 0, skipped: 0 });
  });
});

describe("stepChanges", () => {
  it("lists status changes before → after, new and vanished findings", () => {
    const [a, b, c, d] = ["kms.key-policy", "kms.key-state", "objects.sse-c", "objects.archived"] as const;
    const before = rep([f(a, "encryption", "fail"), f(b, "encryption", "pass"), f(c, "encryption", "unknown")]);
    const after = rep([f(a, "encryption", "pass"), f(b, "encryption", "pass"), f(d, "encryption", "warn")]);
    const { changed, unchanged } = stepChanges(before, after, "encryption");
    expect(unchanged).toBe(1);
    expect(changed.map((c) => [c.id, c.before, c.after])).toEqual([
      [a, "fail", "pass"],
      [d, null, "warn"],
      [c, "unknown", null],
    ]);
  });
});
