import { describe, expect, it } from "vitest";
import type { Report } from "@/lib/report/types";
import sample from "./__fixtures__/report-role.json";
import { checkReport } from "./report-schema";
import { secretKindOf } from "@/lib/security/secrets";

const parsed = checkReport(sample);
if (!parsed.ok) throw new Error(parsed.message);
const report = parsed.report;
/** A report as untyped JSON, to plant what the schema must refuse. */
type Raw = { findings: Record<string, any>[]; summary: Record<string, number> }; // eslint-disable-line @typescript-eslint/no-explicit-any
// AWS's documented example secret and a token-shaped value: never real credentials.
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const SESSION = "FwoGZXIvYXdzEBAaDHJlYWxseW5vdGF0b2tlbiKCAQ" + "Ab3".repeat(40);
const IQO_SESSION = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ" + "x9Y".repeat(30);

describe("checkReport", () => {
  it("accepts a real report: ARNs, hex External IDs, policies and CLI commands are not secrets", () => {
    const res = checkReport(report);
    expect(res.ok).toBe(true);
  });

  it("keeps fields it does not know (later optional fields survive a share)", () => {
    const res = checkReport({
      ...report,
      snapshotDigest: "abc",
      findings: [{ ...report.findings[0], severity: "high" }, ...report.findings.slice(1)],
    });
    expect(res.ok && res.report.snapshotDigest).toBe("abc");
    expect(res.ok && res.report.findings[0].severity).toBe("high");
  });

  it.each([
    // Each of these was accepted once and then broke a renderer (a 503 from the Markdown export).
    [
      "findings[0].translations.ja.console",
      (r: Raw) => (r.findings[0].translations = { ja: { title: "t", detail: "d", console: "step" } }),
    ],
    ["findings[0].translations.en.title", (r: Raw) => (r.findings[0].translations = { en: { detail: "d" } })],
    [
      "findings[0].translations.ja.notes[0]",
      (r: Raw) => (r.findings[0].translations = { ja: { title: "t", detail: "d", notes: [7] } }),
    ],
    [
      "findings[0].evidence.statement",
      (r: Raw) => (r.findings[0].evidence = { document: "trust-policy", statement: -1 }),
    ],
    ["findings[0].evidence.unknownKeys", (r: Raw) => (r.findings[0].evidence = { unknownKeys: "aws:SourceIp" })],
    ["findings[0].evidence.sid", (r: Raw) => (r.findings[0].evidence = { sid: { S: 1 } })],
    ["findings[0].fix.notes", (r: Raw) => (r.findings[0].fix.notes = "one note")],
    ["findings[0].fix.includesFixesOf[0]", (r: Raw) => (r.findings[0].fix.includesFixesOf = [null])],
    ["findings[0].fix.after", (r: Raw) => (r.findings[0].fix.after = "{}")],
    ["findings[2].id", (r: Raw) => (r.findings[2].id = r.findings[0].id)],
    ["summary.fail", (r: Raw) => (r.summary.fail = 7)],
  ])("refuses a report whose %s a renderer could not draw, naming the path", (path, plant) => {
    const r = structuredClone(sample) as unknown as Raw;
    plant(r);
    expect(checkReport(r)).toMatchObject({ ok: false, code: "invalid-report", path });
  });

  it("names the JSON path of a shape error", () => {
    const bad = structuredClone(report) as unknown as { findings: { step: string }[] };
    bad.findings[2].step = "nowhere";
    const res = checkReport(bad);
    expect(res).toMatchObject({ ok: false, code: "invalid-report", path: "findings[2].step" });
    expect(checkReport({ version: 2 })).toMatchObject({ ok: false, path: "version" });
    expect(checkReport("text")).toMatchObject({ ok: false, code: "invalid-report" });
    expect(checkReport(null)).toMatchObject({ ok: false, code: "invalid-report" });
  });

  it.each([
    ["target.errorMessage", (r: Report) => (r.target.errorMessage = `aws_secret_access_key=${SECRET}`)],
    ["findings[1].detail", (r: Report) => (r.findings[1].detail = `The key ${SECRET} was used.`)],
    [
      "findings[0].fix.after.Statement[0].Sid",
      (r: Report) => ((r.findings[0].fix!.after as { Statement: { Sid: string }[] }).Statement[0].Sid = SECRET),
    ],
    ["findings[3].evidence.note", (r: Report) => (r.findings[3].evidence = { note: `token ${SESSION}` })],
    ["findings[0].title", (r: Report) => (r.findings[0].title = IQO_SESSION)],
    ["target.sessionToken", (r: Report) => ((r.target as Record<string, unknown>).sessionToken = "anything")],
    ["findings[1].evidence.secretAccessKey", (r: Report) => (r.findings[1].evidence = { secretAccessKey: "short" })],
  ])("refuses a secret at %s, naming the path but not the value", (path, plant) => {
    const r = structuredClone(report);
    plant(r);
    const res = checkReport(r);
    expect(res).toMatchObject({ ok: false, code: "secret-detected", path });
    expect(res.ok ? "" : res.message).not.toContain(SECRET);
    expect(res.ok ? "" : res.message).not.toContain("FwoGZXIvYXdzE");
  });

  it("says what is wrong in the share page's language: zod's Japanese words, and which secret it found", () => {
    const broken = { ...report, findings: [{ ...report.findings[0], status: "maybe" }, ...report.findings.slice(1)] };
    const ja = checkReport(broken, "ja");
    expect(ja).toMatchObject({ ok: false, code: "invalid-report", path: "findings[0].status" });
    expect(ja.ok ? "" : ja.message).toMatch(/^findings\[0\]\.status: 無効な/);
    expect(checkReport(broken).ok ? "" : (checkReport(broken) as { message: string }).message).toMatch(/Invalid/);
    const r = structuredClone(report);
    r.findings[0].title = IQO_SESSION;
    expect(checkReport(r, "ja")).toMatchObject({ ok: false, code: "secret-detected", kind: "session-token" });
  });
});

describe("secret shapes", () => {
  it.each([
    SECRET,
    `secret: ${SECRET}`,
    `"${SECRET}"`,
    SESSION,
    IQO_SESSION,
    `AWS_SESSION_TOKEN=${"Zm9vYmFy".repeat(20)}Q1`,
  ])("flags %s", (text) => {
    expect(secretKindOf(text)).not.toBeNull();
  });

  it.each([
    "arn:aws:iam::123456789012:role/service-role/TiDBCloudImportRoleForProduction2024",
    "arn:aws:s3:::acme-tidb-source-data/exports/2026/ABCdefGHIjklMNOpqr0123456789/*",
    "s3://acme-tidb-source-data/Exports2026/ABCdefGHIjklMNOpqr0123456789abcd/",
    "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe",
    "0123456789abcdef0123456789abcdef01234567",
    "AKIAIOSFODNN7EXAMPLE",
    "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "aws iam update-assume-role-policy --role-name tidb-import --policy-document file://trust-policy.json",
    JSON.stringify(sample),
    "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "The trust policy requires sts:ExternalId and s3:GetObject on folder/* for the role",
    "exports/2026/Part0001ABCDEFGHIJabcdefghij0123456.csv",
  ])("does not flag %s", (text) => {
    expect(secretKindOf(text)).toBeNull();
  });
});
