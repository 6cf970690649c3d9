import { describe, expect, it } from "vitest";
import { check } from "./__fixtures__/check";

describe("numeric condition operators", () => {
  it.each([
    ["NumericEquals", "10", "10", "match"],
    ["NumericEquals", "10", "10.0", "match"],
    ["NumericNotEquals", "10", "11", "match"],
    ["NumericNotEquals", ["10", "11"], "11", "no-match"],
    ["NumericLessThan", "10", "9", "match"],
    ["NumericLessThan", "10", "10", "no-match"],
    ["NumericLessThanEquals", "10", "10", "match"],
    ["NumericGreaterThan", "10", "11", "match"],
    ["NumericGreaterThanEquals", "10", "9", "no-match"],
    ["NumericEquals", "10", "ten", "no-match"],
    ["NumericLessThanIfExists", "10", undefined, "match"],
    ["NumericLessThan", "10", undefined, "no-match"],
  ] as [string, unknown, string | undefined, string][])("%s %j against %j is %s", (op, values, v, expected) => {
    expect(check({ [op]: { "s3:max-keys": values } }, v === undefined ? {} : { "s3:max-keys": v })).toBe(expected);
  });
});

describe("date condition operators", () => {
  it.each([
    ["DateEquals", "2026-11-28T00:00:00Z", "2026-11-28T00:00:00Z", "match"],
    ["DateNotEquals", "2026-11-28T00:00:00Z", "2026-11-28T00:00:01Z", "match"],
    ["DateLessThan", "2026-11-28T00:00:00Z", "2026-11-27T23:59:59Z", "match"],
    ["DateLessThan", "2026-11-28T00:00:00Z", "2026-11-28T00:00:00Z", "no-match"],
    ["DateLessThanEquals", "2026-11-28T00:00:00Z", "2026-11-28T00:00:00Z", "match"],
    ["DateGreaterThan", "2026-11-28", "2026-11-28T00:00:01Z", "match"],
    ["DateGreaterThanEquals", "1764288000", "2025-11-28T00:00:00Z", "match"],
    ["DateGreaterThan", "1764288000", "1764287999", "no-match"],
    ["DateLessThan", "2026-11-28T00:00:00Z", "not a date", "no-match"],
    ["DateGreaterThanIfExists", "2026-11-28T00:00:00Z", undefined, "match"],
  ] as [string, string, string | undefined, string][])("%s %s against %s is %s", (op, pv, v, expected) => {
    expect(check({ [op]: { "aws:CurrentTime": pv } }, v === undefined ? {} : { "aws:CurrentTime": v })).toBe(expected);
  });
});
