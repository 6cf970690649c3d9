import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Report } from "@/lib/report/types";
import sample from "./__fixtures__/report-role.json";
import { redactReport } from "./redact";

const report = sample as unknown as Report;
const ORIGINALS = [
  "123456789012",
  "acme-tidb-source-data",
  "exports",
  "orders",
  "1234abcd-12ab-34cd-56ef-1234567890ab",
  "acme-import",
  "a79c22fa5740944bf8bb32e4a0c4e3fe",
  "A79C22FA5740944BF8BB32E4A0C4E3FE",
];

describe("redactReport", () => {
  it("leaves no account id, bucket, object key, key id or External ID of the original anywhere", () => {
    const json = JSON.stringify(redactReport(report).report);
    for (const s of ORIGINALS) expect(json).not.toContain(s);
  });

  it("keeps the TiDB Cloud account id and the report's structure and statuses", () => {
    const { report: r } = redactReport(report);
    expect(r.target.tidbAccountId).toBe("380838443567");
    expect(JSON.stringify(r.findings[0].fix?.after)).toContain("arn:aws:iam::380838443567:root");
    expect(r.findings.map((f) => [f.id, f.step, f.status])).toEqual(
      report.findings.map((f) => [f.id, f.step, f.status]),
    );
    expect(r.summary).toEqual(report.summary);
  });

  it("uses one placeholder per value everywhere, and ARNs and URIs keep their shape", () => {
    const { report: r, replacements } = redactReport(report);
    const account = replacements.find((x) => x.original === "123456789012")!.placeholder;
    const bucket = replacements.find((x) => x.original === "acme-tidb-source-data")!.placeholder;
    expect(account).toMatch(/^\d{12}$/);
    expect(r.target.roleArn).toBe(`arn:aws:iam::${account}:role/tidb-import`);
    expect(r.target.bucketUri).toMatch(new RegExp(`^s3://${bucket}/[\\w-]+/[\\w-]+/$`));
    const folder = r.target.bucketUri.slice(`s3://${bucket}/`.length);
    expect(r.findings[1].detail).toContain(`arn:aws:s3:::${bucket}/${folder}*.`);
    expect(r.findings[2].detail).toContain(`bucket policy of ${bucket} denies`);
    expect(r.findings[2].evidence?.objects).toEqual([`${folder}object-1.csv`]);
    expect(r.target.errorMessage).toContain(`arn:aws:s3:::${bucket}/${folder}object-1.csv`);
    expect(r.findings[2].fix?.cli).toBe(
      `aws s3api put-bucket-policy --bucket ${bucket} --policy file://bucket-policy.json`,
    );
    expect(r.findings[3].detail).toMatch(
      new RegExp(`arn:aws:kms:ap-northeast-1:${account}:key/[0-9a-f-]{36} \\(alias/key-1\\)`),
    );
  });

  it("keeps a TiDB-shaped External ID TiDB-shaped and a case-only difference visible", () => {
    const { report: r } = redactReport(report);
    const id = r.target.externalId!;
    expect(id).toMatch(/^696e6672612d617069[0-9a-f]{32}$/);
    expect(r.findings[0].detail).toContain(`"${id.toUpperCase()}"`);
    expect(r.findings[0].detail).toContain(`"${id}"`);
  });

  it("redacts access key ids keeping their AKIA/ASIA prefix", () => {
    const r = structuredClone(report);
    r.target = { ...r.target, mode: "access-key", roleArn: null, accessKeyId: "ASIAY34FZKBOKMUTVV7A" };
    r.findings[1].detail = "Key ASIAY34FZKBOKMUTVV7A is temporary; AKIAIOSFODNN7EXAMPLE is not.";
    const { report: out } = redactReport(r);
    expect(out.target.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(out.findings[1].detail).toContain(out.target.accessKeyId!);
    expect(JSON.stringify(out)).not.toContain("Y34FZKBOKMUTVV7A");
    expect(JSON.stringify(out)).not.toContain("IOSFODNN7EXAMPLE");
  });

  it("redacts s3:prefix values, with or without a slash, as folders, and leaves the same word alone in prose", () => {
    const r = structuredClone(report);
    r.target.bucketUri = "s3://acme-tidb-source-data/quarterly/";
    r.findings[1].detail =
      'It allows listing only when StringEquals s3:prefix "quarterly", and TiDB Cloud lists with prefix "quarterly/". ' +
      "「hidden-area」も許可されています。The import reads every file.";
    r.findings[1].fix = {
      ...r.findings[0].fix!,
      after: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "s3:ListBucket",
            Resource: "arn:aws:s3:::acme-tidb-source-data",
            Condition: {
              StringLike: { "s3:prefix": ["quarterly", "quarterly/*", "hidden-area", "import", "2024/q1"] },
            },
          },
        ],
      },
    };
    const { report: out } = redactReport(r);
    const json = JSON.stringify(out);
    for (const s of ["quarterly", "hidden-area", "2024/q1"]) expect(json).not.toContain(s);
    const folder = out.target.bucketUri.split("/")[3];
    expect(folder).toMatch(/^folder-\d+$/);
    const prefixes = (
      out.findings[1].fix!.after as { Statement: { Condition: Record<string, Record<string, string[]>> }[] }
    ).Statement[0].Condition.StringLike["s3:prefix"];
    // The same folder gets the same placeholder with or without its slash; a bare prefix is a folder, not a file.
    expect(prefixes.slice(0, 2)).toEqual([folder, `${folder}/*`]);
    expect(prefixes[2]).toMatch(/^folder-\d+$/);
    expect(out.findings[1].detail).toContain(`s3:prefix "${folder}", and TiDB Cloud lists with prefix "${folder}/"`);
    expect(out.findings[1].detail).toContain(`「${prefixes[2]}」も許可されています`);
    // "import" is replaced where it is the value, not in the sentence that uses the word.
    expect(prefixes[3]).toMatch(/^folder-\d+$/);
    expect(out.findings[1].detail).toContain("The import reads every file.");
  });

  it("is deterministic", () => {
    expect(redactReport(report)).toEqual(redactReport(report));
  });

  it("never leaves a planted account id or bucket name, wherever it is written (canary)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{11}$/),
        fc.stringMatching(/^[a-z][a-z0-9-]{4,20}[a-z0-9]$/),
        fc.constantFrom("detail", "title", "errorMessage", "cli"),
        (account, bucket, where) => {
          fc.pre(account !== "380838443567" && !/^(\d)\1+$/.test(account));
          const r = structuredClone(report);
          r.target.bucketUri = `s3://${bucket}/data/`;
          const text = `User arn:aws:iam::${account}:user/x cannot read s3://${bucket}/data/a.csv in bucket ${bucket} (account ${account}).`;
          if (where === "errorMessage") r.target.errorMessage = text;
          else if (where === "cli") r.findings[0].fix!.cli = text;
          else r.findings[1][where] = text;
          const json = JSON.stringify(redactReport(r).report);
          return !json.includes(account) && !new RegExp(`(?<![a-z0-9-])${bucket}(?![a-z0-9-])`).test(json);
        },
      ),
      { numRuns: 200 },
    );
  });
});
