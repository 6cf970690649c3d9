/** Matching patterns as text (no compiled form) agrees with the compiled matchers, on examples and random input. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileArnPattern } from "../arn";
import { compileWildcard } from "../wildcard";
import { actionPatternMatches, arnPatternMatches } from "./direct";

const SEED = 20261201;

describe("arnPatternMatches", () => {
  it.each([
    ["arn:aws:s3:::b/*", "arn:aws:s3:::b/k.csv", true],
    ["arn:aws:s3:::b/*", "arn:aws:s3:::b", false],
    ["arn:aws:s3:::b*", "arn:aws:s3:::bucket/x", true],
    ["*", "arn:aws:s3:::b", true],
    ["arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:ap-northeast-1:111122223333:key/k1", true],
    // a `*` in the region part does not run into the account part
    ["arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:a:b:111122223333:key/k1", false],
    ["arn:aws:kms:*:*:key/*", "arn:aws:kms:x:y:key/z:w", true],
    ["arn:aws:s3:::b", "arn:aws:s3:::B", false],
    ["arn:aws:iam::*:role/a?c", "arn:aws:iam::1:role/abc", true],
  ])("%s against %s is %s", (p, v, expected) => {
    expect(arnPatternMatches(p, v)).toBe(expected);
    expect(compileArnPattern(p)(v)).toBe(expected);
  });

  it("agrees with compileArnPattern on random ARN-like patterns and values", () => {
    const unit = fc.constantFrom("a", "b", ":", "/", "*", "?", "arn:aws:", "s3:::", "kms:x:1:");
    const pat = fc.string({ unit, maxLength: 9 });
    const val = fc.string({ unit: fc.constantFrom("a", "b", ":", "/", "arn:aws:", "s3:::", "kms:x:1:"), maxLength: 9 });
    fc.assert(
      fc.property(pat, val, (p, v) => {
        expect(arnPatternMatches(p, v)).toBe(compileArnPattern(p)(v));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });
});

describe("actionPatternMatches", () => {
  it.each([
    ["s3:GetObject", "s3:getobject", true],
    ["S3:GETOBJECT", "s3:getobject", true],
    ["s3:Get*", "s3:getobjectversion", true],
    ["s3:Get*", "s3:putobject", false],
    ["*", "kms:decrypt", true],
    ["kms:Decrypt?", "kms:decrypt", false],
    ["s3:GetObjec?", "s3:getobject", true],
  ])("%s against %s is %s", (p, v, expected) => {
    expect(actionPatternMatches(p, v)).toBe(expected);
  });

  it("agrees with the compiled case-insensitive matcher on random patterns", () => {
    const pat = fc.string({ unit: fc.constantFrom("s", "S", "3", ":", "g", "G", "e", "*", "?", "-"), maxLength: 8 });
    const val = fc.string({ unit: fc.constantFrom("s", "3", ":", "g", "e", "-"), maxLength: 8 });
    fc.assert(
      fc.property(pat, val, (p, v) => {
        expect(actionPatternMatches(p, v)).toBe(compileWildcard(p, true)(v));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });
});
