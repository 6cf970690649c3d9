import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { globPrefixMatch, patternCodes, wildcardMatch } from "./wildcard";

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

describe("globPrefixMatch (a value known only by its prefix, e.g. aws:userid AROA…: + session name)", () => {
  it.each([
    ["AROAID:*", "AROAID:", 2],
    ["AROAOTHER:*", "AROAID:", 0],
    ["AROAID:tidb-*", "AROAID:", 1],
    ["AROAID:", "AROAID:", 0],
    ["*", "x", 2],
    ["AROA*", "AROAID:", 2],
    ["AROAID:?", "AROAID:", 1],
  ] as const)("%s against %s… is %s", (p, prefix, expected) => {
    expect(globPrefixMatch(patternCodes(p), prefix)).toBe(expected);
  });

  it("agrees with matching every continuation: 2 → all match, 0 → none match", () => {
    const chars = fc.constantFrom("a", "b", ":", "*", "?");
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 6 }).map((a) => a.join("")),
        fc.array(fc.constantFrom("a", "b", ":"), { maxLength: 4 }).map((a) => a.join("")),
        fc.array(fc.array(fc.constantFrom("a", "b", ":"), { minLength: 1, maxLength: 5 }), { minLength: 8 }),
        (pattern, prefix, suffixes) => {
          const r = globPrefixMatch(patternCodes(pattern), prefix);
          const got = suffixes.map((s) => reference(pattern, prefix + s.join(""), false));
          if (r === 2) expect(got.every(Boolean)).toBe(true);
          if (r === 0) expect(got.some(Boolean)).toBe(false);
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });
});
