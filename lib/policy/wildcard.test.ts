import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wildcardMatch } from "./wildcard";

/** Reference built another way: a regular expression made from the pattern. */
function reference(pattern: string, value: string, ci: boolean): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\/-]/g, "\\$&")
    .replace(/\*/g, "[\\s\\S]*")
    .replace(/\?/g, "[\\s\\S]");
  return new RegExp(`^${re}$`, ci ? "i" : "").test(value);
}

describe("wildcardMatch", () => {
  it.each([
    ["s3:Get*", "s3:GetObject", true],
    ["s3:Get*", "s3:PutObject", false],
    ["s3:GetObjec?", "s3:GetObject", true],
    ["s3:GetObjec?", "s3:GetObjects", false],
    ["*", "", true],
    ["", "", true],
    ["", "a", false],
    ["a*b*c", "aXXbYYc", true],
    ["a*b*c", "aXXcYYb", false],
    ["*/mydata/*", "bucket/mydata/a.csv", true],
    ["arn:aws:s3:::b/*", "arn:aws:s3:::b", false],
    ["**", "anything", true],
    ["?*?", "ab", true],
    ["?*?", "a", false],
  ])("%s against %s is %s", (p, v, expected) => {
    expect(wildcardMatch(p, v)).toBe(expected);
  });

  it("is case-sensitive unless asked", () => {
    expect(wildcardMatch("s3:getobject", "s3:GetObject")).toBe(false);
    expect(wildcardMatch("s3:get*", "S3:GetObject", { caseInsensitive: true })).toBe(true);
  });

  it("agrees with a regular-expression reference on random patterns", () => {
    const pat = fc.string({ unit: fc.constantFrom("a", "b", "/", ":", "*", "?", "."), maxLength: 10 });
    const val = fc.string({ unit: fc.constantFrom("a", "b", "A", "/", ":", ".", "*"), maxLength: 14 });
    fc.assert(
      fc.property(pat, val, fc.boolean(), (p, v, ci) => {
        expect(wildcardMatch(p, v, { caseInsensitive: ci })).toBe(reference(p, v, ci));
      }),
      { seed: 20261128, numRuns: 3000 },
    );
  });

  it("never throws on non-string input", () => {
    expect(wildcardMatch(undefined as unknown as string, "a")).toBe(false);
  });
});
