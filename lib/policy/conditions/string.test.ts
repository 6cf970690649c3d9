import { describe, expect, it } from "vitest";
import { check } from "./__fixtures__/check";

// [operator, policy values, context value (undefined = key absent), expected]
const table: [string, unknown, string | string[] | undefined, string][] = [
  ["StringEquals", "vpce-1", "vpce-1", "match"],
  ["StringEquals", "vpce-1", "VPCE-1", "no-match"],
  ["StringEquals", ["vpce-1", "vpce-2"], "vpce-2", "match"],
  ["StringEquals", "vpce-1", undefined, "no-match"],
  ["StringEquals", "a*", "abc", "no-match"],
  ["StringNotEquals", "vpce-1", "vpce-2", "match"],
  ["StringNotEquals", ["vpce-1", "vpce-2"], "vpce-2", "no-match"],
  ["StringNotEquals", "vpce-1", undefined, "match"],
  ["StringEqualsIgnoreCase", "Data", "dATA", "match"],
  ["StringNotEqualsIgnoreCase", "Data", "dATA", "no-match"],
  ["StringLike", "mydata/*", "mydata/2026/a.csv", "match"],
  ["StringLike", "mydata/*", "mydata", "no-match"],
  ["StringLike", "my?ata/", "mydata/", "match"],
  ["StringLike", ["", "mydata/*"], "", "match"],
  ["StringNotLike", "secret/*", "mydata/", "match"],
  ["StringNotLike", "secret/*", "secret/x", "no-match"],
  ["StringLikeIfExists", "mydata/*", undefined, "match"],
  ["StringLikeIfExists", "mydata/*", "other/", "no-match"],
  ["StringEquals", 123, "123", "match"],
];

describe("string condition operators", () => {
  it.each(table)("%s %j against %j is %s", (op, values, ctxValue, expected) => {
    const context: Record<string, string | string[]> = ctxValue === undefined ? {} : { "s3:prefix": ctxValue };
    expect(check({ [op]: { "s3:prefix": values } }, context)).toBe(expected);
  });

  it("matches condition key names case-insensitively and values case-sensitively", () => {
    expect(check({ StringEquals: { "S3:PREFIX": "mydata/" } }, { "s3:prefix": "mydata/" })).toBe("match");
    expect(check({ StringEquals: { "s3:prefix": "mydata/" } }, { "S3:Prefix": "MyData/" })).toBe("no-match");
  });

  it("ANDs keys and operators, ORs values", () => {
    const both = { StringEquals: { "aws:SourceVpce": ["vpce-1", "vpce-2"], "aws:RequestedRegion": "ap-northeast-1" } };
    expect(check(both, { "aws:SourceVpce": "vpce-2", "aws:RequestedRegion": "ap-northeast-1" })).toBe("match");
    expect(check(both, { "aws:SourceVpce": "vpce-2", "aws:RequestedRegion": "us-east-1" })).toBe("no-match");
  });
});

describe("set qualifiers", () => {
  const tags = (op: string) => ({ [op]: { "aws:TagKeys": ["team", "env"] } });
  it.each([
    ["ForAllValues:StringEquals", undefined, "match"],
    ["ForAllValues:StringEquals", [], "match"],
    ["ForAllValues:StringEquals", ["team"], "match"],
    ["ForAllValues:StringEquals", ["team", "owner"], "no-match"],
    ["ForAnyValue:StringEquals", undefined, "no-match"],
    ["ForAnyValue:StringEquals", ["owner", "env"], "match"],
    ["ForAnyValue:StringEquals", ["owner"], "no-match"],
    ["ForAllValues:StringNotEquals", ["owner", "cost"], "match"],
    ["ForAllValues:StringNotEquals", ["owner", "team"], "no-match"],
    ["ForAnyValue:StringNotEquals", ["team", "owner"], "match"],
    ["ForAnyValue:StringNotEquals", ["team"], "no-match"],
    ["ForAnyValue:StringLike", ["te*"], "no-match"],
    ["ForAllValues:StringLikeIfExists", undefined, "match"],
  ] as [string, string[] | undefined, string][])("%s with %j is %s", (op, value, expected) => {
    expect(check(tags(op), value === undefined ? {} : { "aws:TagKeys": value })).toBe(expected);
  });

  it("treats a multi-valued key without qualifier as any-of (positive) and none-of (negated)", () => {
    expect(check({ StringEquals: { "aws:TagKeys": "team" } }, { "aws:TagKeys": ["owner", "team"] })).toBe("match");
    expect(check({ StringNotEquals: { "aws:TagKeys": "team" } }, { "aws:TagKeys": ["owner", "team"] })).toBe(
      "no-match",
    );
  });
});

describe("policy variables in condition values", () => {
  it("substitutes ${aws:username}, defaults and escapes", () => {
    expect(check({ StringLike: { "s3:prefix": "home/${aws:username}/*" } }, { "s3:prefix": "home/importer/x" })).toBe(
      "match",
    );
    expect(check({ StringLike: { "s3:prefix": "home/${aws:username}/*" } }, { "s3:prefix": "home/alice/x" })).toBe(
      "no-match",
    );
    expect(check({ StringEquals: { "s3:prefix": "${aws:PrincipalTag/team, 'none'}" } }, { "s3:prefix": "none" })).toBe(
      "match",
    );
    expect(check({ StringLike: { "s3:prefix": "a${*}" } }, { "s3:prefix": "a*" })).toBe("match");
    expect(check({ StringLike: { "s3:prefix": "a${*}" } }, { "s3:prefix": "ab" })).toBe("no-match");
    expect(check({ StringEquals: { "s3:prefix": "${$}{x}" } }, { "s3:prefix": "${x}" })).toBe("match");
  });

  it("is undecided when a variable's key is unknown", () => {
    expect(
      check({ StringLike: { "s3:prefix": "home/${aws:PrincipalTag/team}/*" } }, { "s3:prefix": "home/x/" }, [
        "aws:PrincipalTag/team",
      ]),
    ).toBe("unknown");
  });
});
