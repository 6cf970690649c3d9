import { describe, expect, it } from "vitest";
import { check } from "./__fixtures__/check";

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
