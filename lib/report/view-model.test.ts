import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";
import type { Finding, Report, ReportLocale } from "./types";
import { reportModel, type CardModel, type ReportModel } from "./view-model";

const NOW = new Date("2026-11-28T00:00:00Z");

function fixture(name: string): Snapshot {
  const parsed = parseSnapshot(JSON.parse(readFileSync(`tests/fixtures/snapshots/${name}.json`, "utf8")));
  if (!parsed.ok) throw new Error(name);
  return parsed.snapshot;
}

async function modelOf(name: string, locale: ReportLocale = "en"): Promise<{ model: ReportModel; report: Report }> {
  const snapshot = fixture(name);
  const report = await analyzeSnapshot(snapshot, { now: NOW });
  return { model: reportModel(report, { locale, snapshot }), report };
}

const allCards = (m: ReportModel): CardModel[] => m.steps.flatMap((s) => s.cards);

describe("the verdict", () => {
  it.each([
    [
      "role-wrong-external-id",
      "en",
      "fails",
      "The import fails because the trust policy requires another External ID; apply the corrected trust policy.",
    ],
    [
      "role-wrong-external-id",
      "ja",
      "fails",
      "インポートが失敗する原因は「信頼ポリシーの条件に別の外部ID が設定されています」です。修正後の信頼ポリシーを適用してください。",
    ],
    [
      "role-missing-bucket-statement",
      "en",
      "fails",
      "The import fails because s3:ListBucket is not allowed for the import's folder; apply the corrected role policy s3-read. One more problem has to be fixed as well.",
    ],
    [
      "role-missing-bucket-statement",
      "ja",
      "fails",
      "インポートが失敗する原因は「インポートするフォルダーに対する s3:ListBucket が許可されていません」です。修正後のロールのポリシー「s3-read」を適用してください。ほかに 1 件の問題も修正が必要です。",
    ],
    [
      "role-bucket-policy-deny-source-ip",
      "en",
      "likely",
      "The import most likely fails because a Deny in the bucket policy may hit the import: this depends on aws:SourceIp, whose value in TiDB Cloud's requests is not known; apply the corrected bucket policy.",
    ],
    ["role-ok", "en", "clean", "Everything that decides this import is correct."],
    ["role-ok", "ja", "clean", "このインポートを左右する設定はすべて正しく構成されています。"],
    [
      "role-bucket-policy-unavailable",
      "en",
      "open",
      "Nothing found blocks the import; this thing could not be checked: “No Deny in the bucket policy hits the import”.",
    ],
    [
      "role-caller-other-account",
      "en",
      "warnings",
      "Nothing found blocks the import; 1 warning to review: “The diagnosing credentials are from another account”.",
    ],
  ] as const)("%s (%s) is %s: %s", async (name, locale, kind, sentence) => {
    const { model } = await modelOf(name, locale);
    expect(model.verdict.kind).toBe(kind);
    expect(model.verdict.sentence).toBe(sentence);
  });

  it("names the likely cause when nothing fails but a warning can explain the failure, in both languages", async () => {
    for (const name of ["role-bucket-policy-deny-source-ip", "role-trust-source-ip-condition"]) {
      const { model, report } = await modelOf(name, "ja");
      expect(report.summary.fail).toBe(0);
      expect(model.verdict.kind).toBe("likely");
      expect(model.verdict.sentence).toMatch(
        /^インポートが失敗する原因は、おそらく「.+」です。判定は aws:SourceIp の値/,
      );
      // The summary step's own roll-up says the same, not "nothing blocks it".
      const rollup = report.findings.find((f) => f.id === "summary.next-steps")!;
      expect(rollup.status).toBe("warn");
      expect(rollup.translations?.ja?.title).toBe("失敗の原因はおそらく警告の項目です");
    }
  });

  it("lists at most five things that could not be checked, and counts the rest (plural forms from ICU)", async () => {
    const { model } = await modelOf("role-nothing-readable");
    expect(model.verdict.kind).toBe("open");
    expect(model.verdict.sentence).toMatch(/^Nothing found blocks the import; these 24 things could not be checked: /);
    expect(model.verdict.sentence).toMatch(/, and 19 more\.$/);
    expect(model.verdict.about).toHaveLength(24);
  });

  it("keeps names as they are when a title becomes the clause after “because”", () => {
    const report = (title: string): Report => ({
      version: 1,
      target: { mode: "role", bucketUri: "s3://b/f/" },
      findings: [{ id: "input.bucket-uri", step: "intake", status: "fail", title, detail: "" }],
      summary: { pass: 0, fail: 1, warn: 0, unknown: 0, skipped: 0 },
    });
    const cause = (title: string) =>
      reportModel(report(title), { locale: "en" }).verdict.sentence.replace(
        /^The import fails because (.*); .*$/,
        "$1",
      );
    expect(cause("TiDB Cloud cannot assume the role")).toBe("TiDB Cloud cannot assume the role");
    expect(cause("S3 denies it")).toBe("S3 denies it");
    expect(cause("Object Ownership is ObjectWriter")).toBe("Object Ownership is ObjectWriter");
    expect(cause("A Deny blocks it")).toBe("a Deny blocks it");
    expect(cause("Bucket policy denies it")).toBe("bucket policy denies it");
    expect(cause("s3:GetObject is not allowed")).toBe("s3:GetObject is not allowed");
  });
});

describe("the order", () => {
  it("lists failing findings first, then warnings, never the summary's roll-up; each step failing first", async () => {
    const { model } = await modelOf("role-boundary-blocks-get-object");
    expect(model.problems.map((c) => c.status)).toEqual(["fail", "fail", "warn"]);
    expect(model.problems.map((c) => c.id)).not.toContain("summary.next-steps");
    for (const step of model.steps) {
      const rank = step.cards.map((c) => ["fail", "warn", "unknown", "pass", "skipped"].indexOf(c.status));
      expect([...rank].sort((a, b) => a - b)).toEqual(rank);
    }
    expect(allCards(model)).toHaveLength(model.cardCount);
  });
});

describe("one corrected document per policy", () => {
  it("shows the complete document once, with each finding's lines; never the first, incomplete one", async () => {
    const { model, report } = await modelOf("role-missing-bucket-statement");
    const fixed = report.findings.filter((f) => f.fix?.document === "role-policy:s3-read");
    expect(fixed.map((f) => f.id)).toEqual(["identity.list-bucket", "identity.get-bucket-location"]);
    const [first, last] = fixed;
    const shown = allCards(model).filter((c) => c.fix?.corrected);
    expect(shown).toHaveLength(1);
    const doc = shown[0].fix!.corrected!;
    // The complete document: the last fix of the chain, which includes the first one's change.
    expect(doc.json).toBe(JSON.stringify(last.fix!.after, null, 2));
    expect(JSON.stringify(model)).not.toContain(JSON.stringify(JSON.stringify(first.fix!.after, null, 2)));
    // Shown with the first of them in reading order; the other points at it and at its lines.
    expect(shown[0].id).toBe("identity.list-bucket");
    const other = allCards(model).find((c) => c.id === "identity.get-bucket-location")!;
    expect(other.fix!.partOf).toEqual({
      anchor: doc.anchor,
      step: "identity-policy",
      sentence: expect.stringContaining("(lines 21–29)"),
    });
    const lines = doc.json!.split("\n").slice(20, 29).join("\n");
    expect(lines).toContain('"Sid": "TiDBCloudImportBucket"');
    expect(lines).toContain('"s3:GetBucketLocation"');
    expect(doc.changes).toEqual([
      "lines 21–29: s3:ListBucket is not allowed for the import's folder",
      "lines 21–29: s3:GetBucketLocation is not allowed on the bucket",
    ]);
    expect(doc.code!.highlight).toEqual([[20, 28]]);
  });

  it("the document shown, applied, leaves none of its findings failing", async () => {
    const snapshot = fixture("role-missing-bucket-statement");
    const { model } = await modelOf("role-missing-bucket-statement");
    const doc = allCards(model).find((c) => c.fix?.corrected)!.fix!.corrected!;
    const applied: Snapshot = structuredClone(snapshot);
    applied.role!.inlinePolicies!["s3-read"] = JSON.parse(doc.json!);
    const again = await analyzeSnapshot(applied, { now: NOW });
    for (const id of ["identity.list-bucket", "identity.get-bucket-location"])
      expect(again.findings.find((f) => f.id === id)?.status).toBe("pass");
  });

  it("follows includesFixesOf only to earlier fixes of the same document", () => {
    const fix = (document: string, after: object, includesFixesOf?: Finding["id"][]) => ({
      document,
      before: { Version: "2012-10-17", Statement: [] },
      after: { Version: "2012-10-17", Statement: [after] },
      cli: `apply ${document}`,
      ...(includesFixesOf ? { includesFixesOf } : {}),
    });
    const [a, b, c, later] = [
      "identity.list-bucket",
      "bucket.policy.deny",
      "identity.get-object",
      "identity.get-object-version",
    ] as const;
    const finding = (id: Finding["id"], f: Finding["fix"]): Finding => ({
      id,
      step: "identity-policy",
      status: "fail",
      title: id,
      detail: "",
      fix: f,
    });
    const report: Report = {
      version: 1,
      target: { mode: "role", bucketUri: "s3://b/f/" },
      findings: [
        finding(a, fix("role-policy:p", { Sid: "A" })),
        finding(b, fix("bucket-policy", { Sid: "B" }, [a])),
        finding(c, fix("role-policy:p", { Sid: "C" }, [a, later])),
        finding(later, fix("role-policy:p", { Sid: "L" })),
      ],
      summary: { pass: 0, fail: 4, warn: 0, unknown: 0, skipped: 0 },
    };
    const cards = reportModel(report, { locale: "en" }).problems;
    const shownJson = cards.map((c) => (c.fix?.corrected ? JSON.parse(c.fix.corrected.json!).Statement[0].Sid : null));
    // a and c are one chain (shown with a, c's document); b is another document; "later" is after c, so not in it.
    expect(shownJson).toEqual(["C", "B", null, "L"]);
    expect(cards[2].fix!.partOf!.anchor).toBe(cards[0].fix!.corrected!.anchor);
  });
});

describe("evidence", () => {
  it("marks the deciding statement in the current document", async () => {
    const { model } = await modelOf("role-getobject-missing-slash-star");
    const card = model.problems.find((c) => c.id === "identity.get-object")!;
    expect(card.evidence!.heading).toMatch(/^The statement that decided: Statement 0 /);
    const code = card.evidence!.code!;
    const [from, to] = code.highlight[0];
    expect(
      code.text
        .split("\n")
        .slice(from, to + 1)
        .join("\n"),
    ).toContain('"arn:aws:s3:::tidb-cloud-source-data/mydata"');
  });
});

describe("a fix's alternative", () => {
  it("is shown after the fix, with its corrected document and command, in the report's language", async () => {
    const { model, report } = await modelOf("role-kms-decrypt-missing", "ja");
    const alt = report.findings.find((f) => f.id === "identity.kms-decrypt")!.fix!.alternatives![0];
    const card = allCards(model).find((c) => c.id === "identity.kms-decrypt")!;
    expect(card.fix!.alternatives).toEqual([
      {
        heading: `または、代わりに使える修正後のドキュメント: ${alt.document}`,
        json: JSON.stringify(alt.after, null, 2),
        code: {
          text: JSON.stringify(alt.after, null, 2),
          label: `または、代わりに使える修正後のドキュメント: ${alt.document}`,
          highlight: [],
        },
        cli: alt.cli,
        infra: [
          expect.objectContaining({
            kind: "terraform",
            heading: "Terraform: aws_kms_key_policy",
            text: alt.terraform!.code,
          }),
          expect.objectContaining({
            kind: "cloudformation",
            heading: "CloudFormation: AWS::KMS::Key ImportKey",
            text: alt.cloudformation!.code,
          }),
        ],
        stack: null,
      },
    ]);
    // the note that says what it does and which account makes each change, in Japanese
    expect(card.fix!.notes.join("")).toContain("キーユーザーに追加");
  });
});
