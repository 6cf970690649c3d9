import { describe, expect, it } from "vitest";
import { check } from "./__fixtures__/check";

describe("Bool, BinaryEquals and Null", () => {
  it.each([
    [{ Bool: { "aws:SecureTransport": "true" } }, { "aws:SecureTransport": "true" }, "match"],
    [{ Bool: { "aws:SecureTransport": true } }, { "aws:SecureTransport": "TRUE" }, "match"],
    [{ Bool: { "aws:SecureTransport": "false" } }, { "aws:SecureTransport": "true" }, "no-match"],
    [{ Bool: { "aws:SecureTransport": "false" } }, {}, "no-match"],
    [{ BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } }, {}, "match"],
    [{ BinaryEquals: { "aws:RequestTag/k": "QmluYXJ5VmFsdWU=" } }, { "aws:RequestTag/k": "QmluYXJ5VmFsdWU=" }, "match"],
    [{ BinaryEquals: { "aws:RequestTag/k": "QmluYXJ5VmFsdWU=" } }, { "aws:RequestTag/k": "T3RoZXI=" }, "no-match"],
    [{ Null: { "aws:SourceVpce": "true" } }, {}, "match"],
    [{ Null: { "aws:SourceVpce": "true" } }, { "aws:SourceVpce": "vpce-1" }, "no-match"],
    [{ Null: { "aws:SourceVpce": "false" } }, { "aws:SourceVpce": "vpce-1" }, "match"],
    [{ Null: { "aws:SourceVpce": false } }, {}, "no-match"],
  ] as [Record<string, Record<string, unknown>>, Record<string, string>, string][])(
    "%j with %j is %s",
    (cond, ctx, expected) => {
      expect(check(cond, ctx)).toBe(expected);
    },
  );

  it("decides Null on an unknown key (present, value unknown) but not the other operators", () => {
    expect(check({ Null: { "aws:SourceIp": "false" } }, {}, ["aws:SourceIp"])).toBe("match");
    expect(check({ Null: { "aws:SourceIp": "true" } }, {}, ["aws:SourceIp"])).toBe("no-match");
    expect(check({ Bool: { "aws:SourceIp": "true" } }, {}, ["aws:SourceIp"])).toBe("unknown");
    expect(check({ StringEqualsIfExists: { "aws:SourceIp": "x" } }, {}, ["aws:SourceIp"])).toBe("unknown");
  });

  it("lets a failing known condition decide even when another one is unknown", () => {
    const cond = { IpAddress: { "aws:SourceIp": "203.0.113.0/24" }, Bool: { "aws:SecureTransport": "true" } };
    expect(check(cond, { "aws:SecureTransport": "false" }, ["aws:SourceIp"])).toBe("no-match");
    expect(check(cond, { "aws:SecureTransport": "true" }, ["aws:SourceIp"])).toBe("unknown");
  });
});
