import { describe, expect, it } from "vitest";
import { collectSnapshot, CollectInputError, pickSample, validateCollectInput, type CollectInput } from "./collect";

const good: CollectInput = {
  target: {
    mode: "role",
    bucketUri: "s3://tidb-cloud-source-data/mydata/",
    roleArn: "arn:aws:iam::111122223333:role/tidb-import",
    externalId: "x1",
  },
  credentials: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "secret-value-never-shown" },
};

describe("validateCollectInput", () => {
  it("accepts a well-formed role or access-key target", () => {
    expect(validateCollectInput(good)).toEqual([]);
    expect(
      validateCollectInput({
        ...good,
        target: { mode: "access-key", bucketUri: "s3://b-1/x/", accessKeyId: "AKIAIOSFODNN7EXAMPLE" },
      }),
    ).toEqual([]);
  });

  it("names the field of each problem, and never quotes a credential", () => {
    const problems = validateCollectInput({
      target: {
        mode: "role",
        bucketUri: "https://example.com/x",
        roleArn: "arn:aws:iam::1111:user/bob",
        region: "tokyo",
      },
      credentials: { accessKeyId: "", secretAccessKey: "" },
    });
    expect(problems.map((p) => p.field)).toEqual([
      "target.region",
      "target.bucketUri",
      "target.roleArn",
      "credentials.accessKeyId",
      "credentials.secretAccessKey",
    ]);
    expect(validateCollectInput({ ...good, region: "us-east-1.evil.com" })).toEqual([
      { field: "region", message: '"us-east-1.evil.com" is not an AWS region (e.g. ap-northeast-1)' },
    ]);
  });

  it("never throws, even for input of the wrong shape", () => {
    expect(validateCollectInput({} as CollectInput)).toEqual([{ field: "target", message: "is required" }]);
    expect(validateCollectInput({ target: { mode: "nope" } } as unknown as CollectInput).map((p) => p.field)).toContain(
      "target.mode",
    );
  });

  it("collectSnapshot refuses bad input before any network call, with a typed error", async () => {
    const e = await collectSnapshot({ ...good, region: "moon-1" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CollectInputError);
    expect((e as CollectInputError).field).toBe("region");
    expect(String(e)).not.toContain("secret-value-never-shown");
  });
});

describe("pickSample", () => {
  it("spreads the objects to HEAD over distinct folders", () => {
    const objects = ["d/a1", "d/a2", "d/a3", "d/sub/b1", "d/sub/b2", "d/other/c1"].map((key) => ({ key }));
    expect(pickSample(objects, 3).map((o) => o.key)).toEqual(["d/a1", "d/sub/b1", "d/other/c1"]);
    expect(pickSample(objects, 10)).toHaveLength(6);
    expect(pickSample([], 10)).toEqual([]);
  });
});
