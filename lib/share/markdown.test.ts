import { describe, expect, it } from "vitest";
import type { Report } from "@/lib/report/types";
import sample from "./__fixtures__/report-role.json";
import { markdownLabels } from "./labels";
import { escapeMarkdown, fenced, reportToMarkdown } from "./markdown";

const report = sample as unknown as Report;

describe("reportToMarkdown", () => {
  it("lists target, findings by step in order, and fixes with JSON and command", () => {
    const md = reportToMarkdown(report, markdownLabels("en"), {
      url: "http://x/r/abc",
      expiresAt: "2026-12-28T00:00:00.000Z",
    });
    expect(md).toMatch(/^# S3 Access Doctor report\n/);
    expect(md).toContain("- Link: <http://x/r/abc>");
    expect(md).toContain("`arn:aws:iam::123456789012:role/tidb-import`");
    const steps = [
      "Can TiDB Cloud assume the role?",
      "What the role or IAM user may do",
      "Bucket policy",
      "Object Ownership",
      "Encryption and KMS keys",
    ];
    const positions = steps.map((s) => md.indexOf(`### ${escapeMarkdown(s)}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain('```json\n{\n  "Version": "2012-10-17"');
    expect(md).toContain(
      "```sh\naws s3api put-bucket-policy --bucket acme-tidb-source-data --policy file://bucket-policy.json\n```",
    );
    expect(md).toContain("#### Fail: A Deny statement in the bucket policy blocks the import");
  });

  it("uses the viewer's language for headings", () => {
    const md = reportToMarkdown(report, markdownLabels("ja"));
    expect(md).toContain("# S3 Access Doctor レポート");
    expect(md).toContain("### バケットポリシー");
  });

  it("turns markup in user text into inert text", () => {
    const r = structuredClone(report);
    r.findings[0].title = "<script>alert(1)</script>";
    r.findings[0].detail = "[click](javascript:alert(1)) <img src=x onerror=alert(1)>";
    const md = reportToMarkdown(r, markdownLabels("en"));
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("<img");
    expect(md).not.toContain("](javascript:");
    expect(md).toContain("&lt;script&gt;");
  });

  it("a backtick run in a command cannot close its fence", () => {
    const block = fenced("echo ```\nrm -rf", "sh");
    expect(block.startsWith("````sh\n")).toBe(true);
    expect(block.endsWith("\n````")).toBe(true);
  });
});
