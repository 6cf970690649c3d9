import { describe, expect, it } from "vitest";
import { isValidRegion, partitionOf, REGION_LIST } from "@/lib/policy/regions";
import { iamSigningRegion } from "./regions";

describe("AWS regions", () => {
  it("accepts AWS's regions and nothing that could smuggle a hostname", () => {
    for (const r of ["ap-northeast-1", "us-east-1", "eu-central-2", "cn-north-1", "us-gov-west-1", "ap-southeast-7"])
      expect(isValidRegion(r)).toBe(true);
    for (const r of [
      "AP-NORTHEAST-1",
      "ap-northeast-9",
      "evil.com",
      "us-east-1.evil.com",
      "us-east-1/",
      "",
      " us-east-1",
      null,
      1,
    ]) {
      expect(isValidRegion(r)).toBe(false);
    }
  });
  it("knows each region's partition and where its IAM is signed", () => {
    expect(partitionOf("cn-northwest-1")).toBe("aws-cn");
    expect(iamSigningRegion(partitionOf("cn-northwest-1"))).toBe("cn-north-1");
    expect(iamSigningRegion(partitionOf("ap-northeast-1"))).toBe("us-east-1");
    expect(new Set(REGION_LIST).size).toBe(REGION_LIST.length);
  });
});
