import { describe, expect, it } from "vitest";
import { parsePolicyDocument } from "./policy-document";

const doc = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/a b+c/*" }],
};

describe("parsePolicyDocument", () => {
  it("decodes IAM's URL-encoded documents (RFC 3986), keeping a literal +", () => {
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc);
  });
  it("reads the plain JSON that S3 and KMS return", () => {
    expect(parsePolicyDocument(JSON.stringify(doc))).toEqual(doc);
  });
  it("takes a document the AWS CLI printed already decoded (an object) as is", () => {
    expect(parsePolicyDocument(doc)).toBe(doc);
  });
  it("returns null for anything that is not a JSON object", () => {
    for (const bad of ["", "%E0%A4%A", "[1,2]", "not json", undefined, null, [doc], 42])
      expect(parsePolicyDocument(bad)).toBeNull();
  });
});
