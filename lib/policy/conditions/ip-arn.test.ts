import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "./__fixtures__/check";
import { compileCidr, parseIp } from "./ip";

/** Reference for IPv4 ranges: the first `prefix` bits of the two addresses' bytes, compared as bit strings. */
function inRange(cidr: string, ip: string): boolean {
  const [addr, bits] = cidr.split("/");
  const a = parseIp(addr);
  const b = parseIp(ip);
  const n = bits === undefined ? 32 : Number(bits);
  if (!a || !b || a.length !== 4 || b.length !== 4 || n > 32) return false;
  const str = (x: Uint8Array) => [...x].map((y) => y.toString(2).padStart(8, "0")).join("");
  return str(a).slice(0, n) === str(b).slice(0, n);
}

describe("IpAddress / NotIpAddress", () => {
  it.each([
    ["IpAddress", "203.0.113.0/24", "203.0.113.255", "match"],
    ["IpAddress", "203.0.113.0/24", "203.0.114.1", "no-match"],
    ["IpAddress", "203.0.113.7", "203.0.113.7", "match"],
    ["IpAddress", "203.0.113.7/32", "203.0.113.8", "no-match"],
    ["IpAddress", "0.0.0.0/0", "198.51.100.1", "match"],
    ["IpAddress", "10.0.0.0/9", "10.127.255.255", "match"],
    ["IpAddress", "10.0.0.0/9", "10.128.0.0", "no-match"],
    ["IpAddress", "2001:db8::/32", "2001:db8:ffff::1", "match"],
    ["IpAddress", "2001:db8::/32", "2001:db9::1", "no-match"],
    ["IpAddress", "2001:DB8:0:0:0:0:0:1/128", "2001:db8::1", "match"],
    ["IpAddress", "::ffff:203.0.113.0/120", "::ffff:203.0.113.9", "match"],
    ["IpAddress", "203.0.113.0/24", "2001:db8::1", "no-match"],
    ["IpAddress", "203.0.113.0/33", "203.0.113.1", "no-match"],
    ["IpAddress", "203.0.113.0/24", "not-an-ip", "no-match"],
    ["NotIpAddress", "203.0.113.0/24", "198.51.100.7", "match"],
    ["NotIpAddress", ["203.0.113.0/24", "198.51.100.0/24"], "198.51.100.7", "no-match"],
  ])("%s %j against %s is %s", (op, pv, v, expected) => {
    expect(check({ [op]: { "aws:SourceIp": pv } }, { "aws:SourceIp": v })).toBe(expected);
  });

  it("agrees with a bit-string reference on random IPv4 ranges and addresses", () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(256, 999, 7));
    const addr = fc.tuple(octet, octet, octet, octet).map((o) => o.join("."));
    const cidr = fc.tuple(addr, fc.option(fc.integer({ min: 0, max: 33 }), { nil: undefined }));
    fc.assert(
      fc.property(cidr, addr, fc.boolean(), ([a, bits], ip, near) => {
        const text = bits === undefined ? a : `${a}/${bits}`;
        // half the time an address inside the range's first octets, so that matches happen
        const value = near ? `${a.split(".").slice(0, 2).join(".")}.${ip.split(".").slice(2).join(".")}` : ip;
        const test = compileCidr(text);
        expect(test ? test(value) : false).toBe(inRange(text, value));
      }),
      { seed: 20261201, numRuns: 5000 },
    );
  });

  it("treats an absent source IP as no match for IpAddress and a match for NotIpAddress", () => {
    expect(check({ IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, {})).toBe("no-match");
    expect(check({ NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, {})).toBe("match");
  });
});

describe("ARN operators", () => {
  const role = "arn:aws:iam::111122223333:role/tidb-import";
  it.each([
    ["ArnEquals", role, role, "match"],
    ["ArnLike", "arn:aws:iam::111122223333:role/tidb-*", role, "match"],
    ["ArnLike", "arn:aws:iam::*:role/tidb-import", role, "match"],
    ["ArnLike", "arn:aws:iam::444455556666:role/*", role, "no-match"],
    ["ArnLike", "arn:aws:iam:*:role/tidb-import", role, "no-match"],
    ["ArnEquals", "arn:aws:iam::111122223333:role/TIDB-IMPORT", role, "no-match"],
    ["ArnNotEquals", role, role, "no-match"],
    ["ArnNotLike", "arn:aws:iam::111122223333:role/admin-*", role, "match"],
    ["ArnLike", "arn:aws:s3:::b/*", "arn:aws:s3:::b/x:y/z", "match"],
  ])("%s %s against %s is %s", (op, pv, v, expected) => {
    expect(check({ [op]: { "aws:SourceArn": pv } }, { "aws:SourceArn": v })).toBe(expected);
  });

  it("keeps '*' inside one ARN part", () => {
    expect(
      check(
        { ArnLike: { "aws:SourceArn": "arn:aws:sqs:*:111122223333:q" } },
        { "aws:SourceArn": "arn:aws:sqs:us-east-1:444455556666:111122223333:q" },
      ),
    ).toBe("no-match");
  });

  it("derives aws:PrincipalArn of a role session as the role ARN", () => {
    const session = "arn:aws:sts::111122223333:assumed-role/tidb-import/s1";
    expect(check({ ArnEquals: { "aws:PrincipalArn": role } }, {}, [], session)).toBe("match");
    expect(check({ StringEquals: { "aws:PrincipalAccount": "111122223333" } }, {}, [], session)).toBe("match");
    expect(
      check(
        { StringEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/x" } },
        { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/x" },
        [],
        session,
      ),
    ).toBe("match");
  });
});
