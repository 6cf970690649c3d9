import { describe, expect, it } from "vitest";
import { EMPTY_START, type StartInput } from "./form-types";
import { blocksRun } from "./input-problem";
import { startProblems } from "./validate-start";

const role: StartInput = {
  ...EMPTY_START,
  bucketUri: "s3://tidb-cloud-source-data/mydata/",
  roleArn: "arn:aws:iam::111122223333:role/tidb-import",
  externalId: "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe",
  tidbAccountId: "380838443567",
  region: "ap-northeast-1",
};
const keyMode: StartInput = {
  ...EMPTY_START,
  mode: "access-key",
  bucketUri: role.bucketUri,
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
};
const of = (patch: Partial<StartInput>, base = role) => startProblems({ ...base, ...patch });

describe("a correct start form", () => {
  it("has no problem in either mode", () => {
    expect(startProblems(role)).toEqual({});
    expect(startProblems(keyMode)).toEqual({});
  });

  it("needs the bucket URI in every mode and the role ARN only live (offline it may come from get-role output)", () => {
    expect(of({ bucketUri: " " }).bucketUri).toMatchObject({ code: "required", blocks: "all" });
    expect(of({ roleArn: "" }).roleArn).toMatchObject({ code: "required", blocks: "live" });
    expect(of({ accessKeyId: "" }, keyMode).accessKeyId).toMatchObject({ code: "required", blocks: "all" });
  });
});

describe("the bucket URI, with what was meant", () => {
  it.each([
    ["s3:/tidb-cloud-source-data/mydata/", "bucketUri.single-slash", "s3://tidb-cloud-source-data/mydata/"],
    ["ｓ３：／／tidb-cloud-source-data/mydata/", "fullwidth", "s3://tidb-cloud-source-data/mydata/"],
    ['"s3://tidb-cloud-source-data/mydata/"', "quotes", "s3://tidb-cloud-source-data/mydata/"],
    ["tidb-cloud-source-data/mydata/", "bucketUri.scheme", "s3://tidb-cloud-source-data/mydata/"],
    ["S3://tidb-cloud-source-data/mydata/", "bucketUri.scheme", "s3://tidb-cloud-source-data/mydata/"],
    ["s3://Tidb-Cloud-Source-Data/mydata/", "bucketUri.bucket-name", "s3://tidb-cloud-source-data/mydata/"],
  ])("%s: %s, did you mean %s", (bucketUri, code, suggestion) => {
    expect(of({ bucketUri }).bucketUri).toMatchObject({ code, level: "invalid", blocks: "live", suggestion });
  });

  it("notes spaces inside the folder (S3 allows them, but they are usually a paste mistake)", () => {
    expect(of({ bucketUri: "s3://tidb-cloud-source-data/ mydata/" }).bucketUri).toMatchObject({
      code: "spaces",
      level: "note",
      blocks: "none",
      suggestion: "s3://tidb-cloud-source-data/mydata/",
    });
    expect(of({ bucketUri: "s3://tidb cloud/mydata/" }).bucketUri).toMatchObject({
      code: "spaces",
      level: "invalid",
      blocks: "live",
      suggestion: "s3://tidbcloud/mydata/",
    });
  });

  it("offers the s3:// form of a console or https URL, without refusing it (the reader rewrites it too)", () => {
    const console = "https://ap-northeast-1.console.aws.amazon.com/s3/buckets/tidb-cloud-source-data?prefix=mydata/";
    expect(of({ bucketUri: console }).bucketUri).toMatchObject({
      code: "bucketUri.url",
      level: "note",
      blocks: "none",
      suggestion: "s3://tidb-cloud-source-data/mydata/",
    });
    expect(of({ bucketUri: "https://tidb-cloud-source-data.s3.amazonaws.com/mydata/" }).bucketUri).toMatchObject({
      code: "bucketUri.url",
      suggestion: "s3://tidb-cloud-source-data/mydata/",
    });
  });

  it("asks whether a name without / is a folder, and accepts files and patterns", () => {
    expect(of({ bucketUri: "s3://tidb-cloud-source-data/mydata" }).bucketUri).toMatchObject({
      code: "bucketUri.folder-slash",
      level: "note",
      suggestion: "s3://tidb-cloud-source-data/mydata/",
    });
    expect(of({ bucketUri: "s3://tidb-cloud-source-data/mydata/a.csv" }).bucketUri).toBeUndefined();
    expect(of({ bucketUri: "s3://tidb-cloud-source-data/mydata/*.csv" }).bucketUri).toBeUndefined();
    expect(of({ bucketUri: "s3://tidb-cloud-source-data/" }).bucketUri).toMatchObject({
      code: "bucketUri.no-folder",
      blocks: "none",
    });
  });
});

describe("the role ARN", () => {
  it.each([
    ["arn:aws:iam::111122223333:user/tidb-import", "roleArn.not-role", "arn:aws:iam::111122223333:role/tidb-import"],
    [
      "arn:aws:sts::111122223333:assumed-role/tidb-import/session-1",
      "roleArn.not-role",
      "arn:aws:iam::111122223333:role/tidb-import",
    ],
    ["arn:aws:iam::111122223333:role/ tidb-import", "spaces", "arn:aws:iam::111122223333:role/tidb-import"],
    ["arn:aws:iam::1111-2222-3333:role/tidb-import", "roleArn.account", "arn:aws:iam::111122223333:role/tidb-import"],
  ])("%s: %s, did you mean %s", (roleArn, code, suggestion) => {
    expect(of({ roleArn }).roleArn).toMatchObject({ code, level: "invalid", blocks: "live", suggestion });
  });

  it("says an IAM console address is not the ARN, naming the role whose Summary shows it", () => {
    for (const roleArn of [
      "https://us-east-1.console.aws.amazon.com/iam/home?region=ap-northeast-1#/roles/details/tidb-import?section=permissions",
      "https://console.aws.amazon.com/iam/home#/roles/tidb-import",
      "https://console.amazonaws.cn/iam/home#/roles/details/tidb%40import",
    ]) {
      expect(of({ roleArn }).roleArn, roleArn).toMatchObject({
        code: "roleArn.console-url",
        level: "invalid",
        blocks: "live",
        params: { name: roleArn.includes("%40") ? "tidb@import" : "tidb-import" },
      });
      // The address holds no account ID: no ARN is made up.
      expect(of({ roleArn }).roleArn?.suggestion).toBeUndefined();
    }
    // Another console page, or a look-alike host, is just not an ARN.
    expect(of({ roleArn: "https://console.aws.amazon.com/iam/home#/users/details/tidb" }).roleArn?.code).toBe(
      "roleArn.not-arn",
    );
    expect(of({ roleArn: "https://console.aws.amazon.com.example.com/iam/home#/roles/x" }).roleArn?.code).toBe(
      "roleArn.not-arn",
    );
  });

  it("says which rule a malformed ARN breaks, when nothing it could have meant is known", () => {
    expect(of({ roleArn: "arn:aws:iam::11112222333:role/tidb-import" }).roleArn?.code).toBe("roleArn.account");
    expect(of({ roleArn: "arn:aws:iam::111122223333:role/" + "r".repeat(65) }).roleArn?.code).toBe(
      "roleArn.name-length",
    );
    expect(of({ roleArn: "arn:aws-gov:iam::111122223333:role/r" }).roleArn?.code).toBe("roleArn.partition");
    expect(of({ roleArn: "tidb-import" }).roleArn?.code).toBe("roleArn.not-arn");
    expect(of({ roleArn: "arn:aws-cn:iam::111122223333:role/path/tidb-import" }).roleArn).toBeUndefined();
  });
});

describe("the External ID and the TiDB Cloud account ID", () => {
  it("flags an External ID STS would refuse, and notes a TiDB Cloud one that was cut off", () => {
    expect(of({ externalId: "has spaces" }).externalId).toMatchObject({ code: "spaces", suggestion: "hasspaces" });
    expect(of({ externalId: "é" }).externalId).toMatchObject({ code: "externalId.shape", blocks: "none" });
    expect(of({ externalId: role.externalId.slice(0, 40) }).externalId).toMatchObject({
      code: "externalId.tidb-length",
      level: "note",
      params: { count: 40 },
    });
  });

  it("wants 12 digits, offering them without separators or full-width forms, and never blocks (the check asks)", () => {
    expect(of({ tidbAccountId: "3808-3844-3567" }).tidbAccountId).toMatchObject({
      code: "tidbAccountId.digits",
      suggestion: "380838443567",
      blocks: "none",
    });
    expect(of({ tidbAccountId: "３８０８３８４４３５６７" }).tidbAccountId?.suggestion).toBe("380838443567");
    expect(of({ tidbAccountId: "arn:aws:iam::380838443567:root" }).tidbAccountId?.suggestion).toBe("380838443567");
    expect(of({ tidbAccountId: "38083844356" }).tidbAccountId).toMatchObject({ params: { count: 11 } });
    expect(of({ tidbAccountId: "111122223333" }).tidbAccountId).toMatchObject({ code: "tidbAccountId.own-account" });
  });
});

describe("the import's access key ID and the region", () => {
  it("never lets a secret through where the key ID belongs, in any mode", () => {
    const p = of({ accessKeyId: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" }, keyMode).accessKeyId;
    expect(p).toMatchObject({ code: "accessKeyId.secret", blocks: "all" });
    expect(p?.suggestion).toBeUndefined();
    expect(blocksRun(p, false)).toBe(true);
  });

  it("notes a temporary key and offers capitals for a lower-case one", () => {
    expect(of({ accessKeyId: "ASIAIOSFODNN7EXAMPLE" }, keyMode).accessKeyId).toMatchObject({ level: "note" });
    expect(of({ accessKeyId: "akiaiosfodnn7example" }, keyMode).accessKeyId).toMatchObject({
      suggestion: "AKIAIOSFODNN7EXAMPLE",
      blocks: "live",
    });
  });

  it.each([
    ["ap-northeast1", "ap-northeast-1"],
    ["AP-NORTHEAST-1", "ap-northeast-1"],
    ["Asia Pacific (Tokyo) ap-northeast-1", "ap-northeast-1"],
    ["us-east-1.evil.com", "us-east-1"],
  ])("region %s is refused for a live run, did you mean %s", (region, suggestion) => {
    expect(of({ region }).region).toMatchObject({ code: "region.unknown", blocks: "live", suggestion });
  });

  it("refuses a region it cannot place, without guessing", () => {
    const p = of({ region: "tokyo" }).region;
    expect(p).toMatchObject({ code: "region.unknown", blocks: "live" });
    expect(p?.suggestion).toBeUndefined();
  });

  it("refuses an error message the size of a log, saying the limit", () => {
    expect(of({ errorMessage: "x".repeat(10_001) }).errorMessage).toMatchObject({
      code: "errorMessage.too-long",
      blocks: "all",
      params: { size: 10_001, limit: 10_000 },
    });
  });
});
