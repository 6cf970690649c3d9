/**
 * kms:EncryptionContext:aws:s3:arn as S3 passes it, per object (Amazon S3 User Guide, doc_source/bucket-key.md: the
 * bucket's ARN for an object written with an S3 Bucket Key, the object's ARN otherwise; objects already in the bucket
 * when the Bucket Key is turned on do not use it): the requests derived from a snapshot, and the words of the finding
 * when the objects did not say.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "@/lib/snapshot/schema";
import { derive } from "./derive/derived";
import type { ImportRequest } from "./derive/requests";
import { analyzeSnapshot, parseSnapshot } from "./index";

const NOW = new Date("2026-11-28T00:00:00Z");
const B = "arn:aws:s3:::tidb-cloud-source-data";
const K = "kms:EncryptionContext:aws:s3:arn";

function roleOk(bucketKey: boolean | null, flags: (boolean | undefined)[]): Snapshot {
  const parsed = parseSnapshot(JSON.parse(readFileSync("tests/fixtures/snapshots/role-ok.json", "utf8")));
  if (!parsed.ok) throw new Error("role-ok");
  const s = structuredClone(parsed.snapshot);
  s.bucket!.encryption!.bucketKeyEnabled = bucketKey;
  s.objects = s.objects!.map((o, i) => (flags[i] === undefined ? o : { ...o, bucketKeyEnabled: flags[i] }));
  return s;
}

function fixture(name: string): Snapshot {
  const parsed = parseSnapshot(JSON.parse(readFileSync(`tests/fixtures/snapshots/${name}.json`, "utf8")));
  if (!parsed.ok) throw new Error(name);
  return structuredClone(parsed.snapshot);
}

/** Each form of the key's kms:Decrypt: the exact context, or the values it may have. */
function contexts(s: Snapshot): (string | string[])[] {
  const [req] = derive(s, NOW).kmsRequests;
  return [req, ...(req.alsoAs ?? [])].map((r: ImportRequest) => {
    const p = r.partialContext?.[K];
    return p && "oneOf" in p ? p.oneOf : (r.context[K] as string);
  });
}

describe("the encryption context of kms:Decrypt, per object", () => {
  it("is the bucket's ARN only when every object says it was written with an S3 Bucket Key", () => {
    expect(contexts(roleOk(true, [true, true]))).toEqual([B]);
    expect(contexts(roleOk(false, [true, true]))).toEqual([B]);
  });

  it("is the object's ARN when the objects were written without one, whatever the bucket's default says now", () => {
    expect(contexts(roleOk(true, [false, false]))).toEqual([`${B}/mydata/db.tbl.000000001.csv`]);
  });

  it("is both, each a request of its own, when some objects use one and some do not", () => {
    expect(contexts(roleOk(false, [true, false]))).toEqual([B, `${B}/mydata/db.tbl.000000002.csv`]);
  });

  it("may be either when the bucket's Bucket Key is on and the objects did not say (they may predate it)", () => {
    expect(contexts(roleOk(true, [undefined, undefined]))).toEqual([[B, `${B}/mydata/db.tbl.000000001.csv`]]);
    // one object known to use it, the other not known: the bucket's ARN, and either for the other
    expect(contexts(roleOk(true, [true, undefined]))).toEqual([B, [B, `${B}/mydata/db.tbl.000000002.csv`]]);
  });

  it("is the object's ARN when the bucket's Bucket Key is off (or not known) and the objects did not say", () => {
    expect(contexts(roleOk(false, [undefined, undefined]))).toEqual([`${B}/mydata/db.tbl.000000001.csv`]);
    expect(contexts(roleOk(null, [undefined, undefined]))).toEqual([`${B}/mydata/db.tbl.000000001.csv`]);
    // no object known at all: a representative object under the folder, never the bucket's ARN
    const none = roleOk(false, []);
    none.objects = [];
    expect(contexts(none)).toEqual([`${B}/mydata/sample.csv`]);
  });

  it("says, in English and Japanese, that S3 Bucket Keys decide it and that reading the objects settles it", async () => {
    const report = await analyzeSnapshot(fixture("role-kms-context-bucket-arn-objects-unread"), {
      now: NOW,
      locale: "en",
    });
    const f = report.findings.find((x) => x.id === "identity.kms-decrypt")!;
    expect(f.status).toBe("unknown");
    expect(f.detail).toContain("S3 Bucket Key");
    expect(f.detail).toContain("s3:HeadObject");
    expect(f.unavailable).toContain("s3:GetObject");
    const ja = f.translations?.ja?.detail ?? "";
    expect(ja).toContain("S3 バケットキー");
    expect(ja).toContain("s3:HeadObject（必要な権限は s3:GetObject）");
    expect(f.detail).toContain("Allow s3:GetObject to the diagnosing credentials to decide it.");
  });

  // Pasted offline, no diagnosing credentials read anything: granting s3:GetObject settles nothing, pasting an
  // object's HEAD does (Amazon S3 User Guide, doc_source/viewing-bucket-key-settings.md: aws s3api head-object).
  it("offline, asks for the pasted output of aws s3api head-object for a data file and its BucketKeyEnabled field, in English and Japanese", async () => {
    const report = await analyzeSnapshot(fixture("role-kms-context-bucket-arn-objects-not-pasted"), {
      now: NOW,
      locale: "en",
    });
    const f = report.findings.find((x) => x.id === "identity.kms-decrypt")!;
    expect(f.status).toBe("unknown");
    expect(f.detail).toContain("S3 Bucket Key");
    expect(f.detail).toContain(
      "Paste the output of aws s3api head-object --bucket tidb-cloud-source-data --key mydata/db.tbl.000000001.csv for a data file of the import",
    );
    expect(f.detail).toContain(
      "in “Objects under the folder” to decide it: its BucketKeyEnabled field is true for an object written with an S3 Bucket Key",
    );
    expect(f.unavailable).toContain("aws s3api head-object --bucket tidb-cloud-source-data");
    for (const text of [f.detail, f.unavailable ?? ""]) {
      expect(text).not.toContain("s3:GetObject");
      expect(text).not.toContain("diagnosing credentials");
    }
    const ja = f.translations?.ja;
    expect(ja?.detail).toContain("S3 バケットキー");
    expect(ja?.detail).toContain(
      "判定するには、インポート対象のデータファイルについての aws s3api head-object --bucket tidb-cloud-source-data --key mydata/db.tbl.000000001.csv の出力",
    );
    expect(ja?.detail).toContain(
      "の出力を「フォルダー内のオブジェクト」に貼り付けてください（S3 バケットキーを使って書き込まれたオブジェクトでは BucketKeyEnabled フィールドが true",
    );
    for (const text of [ja?.detail ?? "", ja?.unavailable ?? ""]) {
      expect(text).not.toContain("s3:GetObject");
      expect(text).not.toContain("診断用の認証情報");
    }
  });

  it("offline with no object pasted, names the folder a data file is taken from; the key policy says the same", async () => {
    const s = fixture("role-kms-context-bucket-arn-objects-not-pasted");
    delete s.objects;
    s.unavailable = {
      objects:
        "not provided: paste the output of aws s3api list-objects-v2 and head-object, or use the CloudShell script or live mode",
    };
    // The condition on the bucket's ARN moves from the role's policy to the key policy.
    const KEY = Object.keys(s.keys!)[0];
    const grant = s.role!.inlinePolicies!["s3-read"].Statement as Record<string, unknown>[];
    const condition = grant[2].Condition;
    delete grant[2].Condition;
    s.keys![KEY].policy = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:role/tidb-import" },
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: condition,
        },
      ],
    };
    const report = await analyzeSnapshot(s, { now: NOW, locale: "en" });
    const f = report.findings.find((x) => x.id === "kms.key-policy")!;
    expect(f.status).toBe("unknown");
    const command = "aws s3api head-object --bucket tidb-cloud-source-data --key <key>";
    expect(f.unavailable).toContain(
      `the output of ${command} for a data file under s3://tidb-cloud-source-data/mydata/`,
    );
    expect(f.unavailable).not.toContain("s3:GetObject");
    expect(f.translations?.ja?.unavailable).toContain(
      `s3://tidb-cloud-source-data/mydata/ 以下のデータファイルについての ${command} の出力`,
    );
    expect(f.translations?.ja?.unavailable).toContain("「フォルダー内のオブジェクト」に貼り付けます");
  });
});
