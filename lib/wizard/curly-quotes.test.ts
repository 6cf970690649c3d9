import { describe, expect, it } from "vitest";
import { curlyQuotes } from "./curly-quotes";
import { parseBucketPolicy } from "./parse-pasted";

describe("curlyQuotes", () => {
  it("finds the typographic quotes of pasted JSON and straightens them into a policy that reads", () => {
    const pasted =
      "{ “Version”: “2012-10-17”, “Statement”: [{ „Effect‟: ＂Deny＂, “Principal”: “*”, “Action”: “s3:*”, “Resource”: “arn:aws:s3:::b/*” }] }";
    expect(parseBucketPolicy(pasted).ok).toBe(false);
    const c = curlyQuotes(pasted);
    expect(c?.count).toBe(22);
    expect(parseBucketPolicy(c!.straight)).toMatchObject({ ok: true, value: { Statement: [{ Effect: "Deny" }] } });
  });

  it("leaves JSON alone whose typographic quotes are inside strings, and text without any", () => {
    expect(curlyQuotes('{"Sid": "the “import” role"}')).toBeNull();
    expect(curlyQuotes('{"Sid": "x"}')).toBeNull();
  });
});
