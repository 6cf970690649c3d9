import { describe, expect, it } from "vitest";
import { keyInTarget, parseBucketUri } from "./bucket-uri";

describe("parseBucketUri", () => {
  it("reads a folder, a single file and a file pattern", () => {
    expect(parseBucketUri("s3://tidb-data/mydata/")).toEqual({
      ok: true,
      value: { uri: "s3://tidb-data/mydata/", bucket: "tidb-data", folder: "mydata/", kind: "folder" },
    });
    expect(parseBucketUri("s3://tidb-data/mydata/a.csv")).toMatchObject({
      ok: true,
      value: { folder: "mydata/", kind: "file", key: "mydata/a.csv" },
    });
    expect(parseBucketUri("s3://tidb-data/mydata/*.csv")).toMatchObject({
      ok: true,
      value: { folder: "mydata/", kind: "pattern", key: "mydata/*.csv" },
    });
  });

  it("rewrites console and https URLs to the s3:// form", () => {
    expect(
      parseBucketUri(
        "https://ap-northeast-1.console.aws.amazon.com/s3/buckets/tidb-data?region=ap-northeast-1&prefix=mydata/",
      ),
    ).toMatchObject({
      ok: true,
      value: { uri: "s3://tidb-data/mydata/", rewrittenFrom: expect.stringContaining("console") },
    });
    expect(parseBucketUri("https://tidb-data.s3.ap-northeast-1.amazonaws.com/mydata/")).toMatchObject({
      ok: true,
      value: { bucket: "tidb-data", folder: "mydata/" },
    });
  });

  it("rejects bad schemes, bucket names and a URI without a folder", () => {
    expect(parseBucketUri("s3a://tidb-data/mydata/")).toMatchObject({ ok: false, problem: "scheme" });
    expect(parseBucketUri("s3://TiDB_Data/mydata/")).toMatchObject({ ok: false, problem: "bucket-name" });
    expect(parseBucketUri("s3://tidb-data/")).toMatchObject({ ok: false, problem: "no-folder" });
    expect(parseBucketUri("")).toMatchObject({ ok: false, problem: "empty" });
  });
});

describe("keyInTarget", () => {
  it("matches keys under the folder, the exact file, or the pattern", () => {
    const folder = (parseBucketUri("s3://b1b/mydata/") as { value: Parameters<typeof keyInTarget>[0] }).value;
    expect(keyInTarget(folder, "mydata/a.csv")).toBe(true);
    expect(keyInTarget(folder, "other/a.csv")).toBe(false);
    const pattern = (parseBucketUri("s3://b1b/mydata/*.csv") as { value: Parameters<typeof keyInTarget>[0] }).value;
    expect(keyInTarget(pattern, "mydata/a.csv")).toBe(true);
    expect(keyInTarget(pattern, "mydata/a.parquet")).toBe(false);
  });
});
