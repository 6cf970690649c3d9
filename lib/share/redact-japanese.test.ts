/**
 * Redaction and Japanese text (issue 12, §5): Japanese writes no space after a path (「mydata/を指します。」), so the
 * text that follows a path must never be taken for part of an object key, and no placeholder may stand for anything
 * but a real path.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import type { Report } from "@/lib/report/types";
import { redactDocument, redactReport } from "./redact";

const NON_ASCII = /[^\t\n\r -~]+/g;
/** The Japanese of a text, in order: what redaction must leave alone when no key holds Japanese. */
const japaneseOf = (text: string) => (text.match(NON_ASCII) ?? []).join("|");

/** Every string value inside a JSON value (not its field names). */
function stringsOf(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === "object") return Object.values(v).flatMap(stringsOf);
  return [];
}

describe("redaction of Japanese text", () => {
  it("「mydata/を指します。」 keeps its Japanese; only the folder is replaced", () => {
    const doc = {
      target: { bucketUri: "s3://acme-data/mydata/" },
      detail: "s3://acme-data/mydata/ はバケット acme-data のフォルダー mydata/を指します。",
      quoted: "「mydata/を指します。」",
      resource: "arn:aws:s3:::acme-data/mydata/*に対する s3:GetObject が許可されていません。",
    };
    const { value, replacements } = redactDocument(doc, { bucketUris: [doc.target.bucketUri] });
    expect(value.quoted).toBe("「folder-1/を指します。」");
    expect(value.detail).toBe(
      "s3://example-bucket-1/folder-1/ はバケット example-bucket-1 のフォルダー folder-1/を指します。",
    );
    expect(value.resource).toBe("arn:aws:s3:::example-bucket-1/folder-1/*に対する s3:GetObject が許可されていません。");
    expect(replacements.filter((r) => r.kind === "object-key")).toEqual([
      { kind: "object-key", original: "mydata/", placeholder: "folder-1/" },
      { kind: "object-key", original: "mydata/*", placeholder: "folder-1/*" },
    ]);
  });

  it("a key that holds Japanese, known as a whole (a listed object, a policy's Resource), is replaced completely in prose", () => {
    const doc = {
      target: { bucketUri: "s3://acme-data/売上/" },
      objects: ["売上/2026年/うりあげ.csv"],
      policy: { Resource: "arn:aws:s3:::acme-data/売上/*" },
      detail:
        "オブジェクト 売上/2026年/うりあげ.csvの所有者は別のアカウントです。s3://acme-data/売上/2026年/うりあげ.csvを確認してください。",
    };
    const { value } = redactDocument(doc, { bucketUris: [doc.target.bucketUri] });
    const json = JSON.stringify(value);
    for (const secret of ["売上", "うりあげ", "2026年", "acme-data"]) expect(json).not.toContain(secret);
    expect(value.detail).toBe(
      "オブジェクト folder-1/folder-2/object-1.csvの所有者は別のアカウントです。s3://example-bucket-1/folder-1/folder-2/object-1.csvを確認してください。",
    );
  });

  it("never takes the Japanese after a path for a key, and invents no key (any sentence glued to any known path)", () => {
    const folder = fc.stringMatching(/^[a-z][a-z0-9_-]{2,12}$/);
    const file = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}\.(csv|parquet|sql)$/);
    const TAILS = [
      "を指します。",
      "に対する s3:GetObject が許可されていません。",
      "の所有者は別のアカウントです。",
      "は存在しません」",
      "、",
      "）を確認してください。",
      "。",
    ];
    const tail = fc.constantFrom(...TAILS);
    // Text the test writes itself (the sentences, the extensions, the placeholders): a folder named like a piece of it
    // ("bject" is in "s3:GetObject", "csv" in "object-1.csv") would be found there without any leak.
    const written = [...TAILS, ".csv .parquet .sql", "example-bucket-1 folder-1 object-1", "s3://"].join(" ");
    fc.assert(
      fc.property(
        folder.filter((f) => !written.includes(f)),
        file,
        tail,
        tail,
        (f, name, t1, t2) => {
          const key = `${f}/${name}`;
          const doc = {
            target: { bucketUri: `s3://acme-data/${f}/` },
            objects: [key],
            detail: `フォルダー ${f}/${t1}オブジェクト ${key}${t2}s3://acme-data/${key}${t1}`,
          };
          const { value, replacements } = redactDocument(doc, { bucketUris: [doc.target.bucketUri] });
          const real = new Set([`${f}/`, key]);
          const keys = replacements.filter((r) => r.kind === "object-key").map((r) => r.original);
          return (
            keys.every((k) => real.has(k)) &&
            japaneseOf(value.detail) === japaneseOf(doc.detail) &&
            // The placeholders themselves may contain a short folder name ("er-" is in "folder-1"): look past them. Only
            // the values are searched: a field's name ("ail" is in "detail") is not a leak.
            !stringsOf(value)
              .join("\n")
              .replace(/(?:example-bucket|folder|object)-\d+/g, "")
              .includes(f)
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a folder whose name is part of a field's name (ail, in detail) is still replaced", () => {
    const doc = {
      target: { bucketUri: "s3://acme-data/ail/" },
      objects: ["ail/0.sql"],
      detail: "フォルダー ail/を指します。オブジェクト ail/0.sqlを指します。s3://acme-data/ail/0.sqlを指します。",
    };
    const { value } = redactDocument(doc, { bucketUris: [doc.target.bucketUri] });
    expect(stringsOf(value).join("\n")).not.toContain("ail");
    expect(japaneseOf(value.detail)).toBe(japaneseOf(doc.detail));
  });

  it("a folder whose name is part of a placeholder word (er-) is still replaced", () => {
    const doc = {
      target: { bucketUri: "s3://acme-data/er-/" },
      objects: ["er-/0.parquet"],
      detail: "オブジェクト er-/0.parquetを指します。",
    };
    const { value } = redactDocument(doc, { bucketUris: [doc.target.bucketUri] });
    expect(value.detail).toBe("オブジェクト folder-1/object-1.parquetを指します。");
  });
});

describe("redaction of every Japanese fixture report", () => {
  const dir = join(process.cwd(), "tests/fixtures/snapshots");
  const names = readdirSync(dir).filter((n) => n.endsWith(".json") && !n.endsWith(".expected.json"));

  it.each(names)("%s: the Japanese text is unchanged and every key placeholder stands for a real path", async (n) => {
    const parsed = parseSnapshot(JSON.parse(readFileSync(join(dir, n), "utf8")));
    if (!parsed.ok) throw new Error(n);
    const report: Report = await analyzeSnapshot(parsed.snapshot, { locale: "ja", now: new Date("2026-11-28") });
    const { report: out, replacements } = redactReport(report);
    report.findings.forEach((f, i) => {
      expect(japaneseOf(out.findings[i].detail)).toBe(japaneseOf(f.detail));
      expect(japaneseOf(out.findings[i].title)).toBe(japaneseOf(f.title));
    });
    // A key placeholder's original never holds Japanese (no fixture key does) nor prose punctuation.
    const keys = replacements.filter((r) => r.kind === "object-key").map((r) => r.original);
    expect(keys.filter((k) => /[^\t\n\r -~]/.test(k) || /[。、」）]/.test(k))).toEqual([]);
  });
});
