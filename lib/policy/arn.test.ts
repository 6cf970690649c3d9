import { describe, expect, it } from "vitest";
import { parseArn } from "./arn";

describe("parseArn", () => {
  it("splits the six parts, keeping colons and slashes of the resource", () => {
    expect(parseArn("arn:aws:kms:ap-northeast-1:111122223333:key/1234")).toEqual({
      partition: "aws",
      service: "kms",
      region: "ap-northeast-1",
      account: "111122223333",
      resource: "key/1234",
    });
    expect(parseArn("arn:aws:s3:::bucket/a:b/c")).toMatchObject({
      service: "s3",
      region: "",
      account: "",
      resource: "bucket/a:b/c",
    });
    expect(parseArn("arn:aws-cn:sts::111122223333:assumed-role/r/s")?.partition).toBe("aws-cn");
  });

  it("returns null for text that is not an ARN", () => {
    expect(parseArn("s3://bucket/key")).toBeNull();
    expect(parseArn("arn:aws")).toBeNull();
    expect(parseArn("arn::s3:::b")).toBeNull();
    expect(parseArn(42 as unknown as string)).toBeNull();
  });
});
