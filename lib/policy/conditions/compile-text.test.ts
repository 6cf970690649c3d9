/**
 * Every operator compiles a policy value as written (compileText, the usual case) exactly as it compiles the same
 * value as codes (compile, used once policy variables are resolved): random values and context values.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { patternCodes } from "../wildcard";
import { OPERATORS } from "./index";

const text = fc.oneof(
  fc.string({
    unit: fc.constantFrom("a", "A", "b", "B", "*", "?", ":", "/", "1", "0", ".", " ", "-", "T", "Z"),
    maxLength: 12,
  }),
  fc.constantFrom(
    "arn:aws:iam::111122223333:role/tidb-*",
    "arn:aws:s3:::b/*",
    "203.0.113.0/24",
    "203.0.113.9",
    "2001:db8::/32",
    "true",
    "FALSE",
    "2026-01-01T00:00:00Z",
    "1700000000",
    "12.5",
    "-3",
    "dGVzdA==",
  ),
);

describe("condition operators", () => {
  it("compileText(value) and compile(codes of value) give the same test", () => {
    const names = [...OPERATORS.keys()];
    fc.assert(
      fc.property(fc.constantFrom(...names), text, text, (name, policyValue, contextValue) => {
        const op = OPERATORS.get(name)!;
        const a = op.compileText(policyValue);
        const b = op.compile(patternCodes(policyValue));
        expect(a === null).toBe(b === null);
        if (a && b) expect(a(contextValue)).toBe(b(contextValue));
      }),
      { seed: 20261201, numRuns: 20_000 },
    );
  });
});
