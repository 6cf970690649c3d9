/**
 * The prefilter skips a statement without parsing it only when parsePolicy would reject the statement or the
 * statement surely does not apply (checked here with the compiled matchers, on random and malformed statements).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileArnPattern } from "./arn";
import { parseOneStatement } from "./parse-policy";
import { mayApply, mayMatchAction } from "./prefilter";
import type { ParsedStatement } from "./types";
import { compileWildcard } from "./wildcard";

const SEED = 20261201;

const actionPattern = fc.constantFrom("s3:GetObject", "S3:getobject", "s3:Get*", "kms:*", "*", "s3:Get?bject", "bad");
const resourcePattern = fc.constantFrom(
  "*",
  "arn:aws:s3:::b",
  "arn:aws:s3:::b/*",
  "arn:aws:s3:::b/${aws:username}/*",
  "arn:aws:s3:::b/${*}",
  "arn:aws:kms:*:1:key/*",
  "arn:*:s3:::b*",
  "not-an-arn",
);
/** A list element or element value of every shape parsePolicy meets: strings, lists, empty lists, other types. */
const shaped = <T>(x: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 4, arbitrary: x },
    { weight: 4, arbitrary: fc.array(x, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>([], 5, null, [5], ["s3:GetObject", 7], {}) },
  );

const rawStatement = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record(
      {
        Effect: fc.constantFrom<unknown>("Allow", "Deny", "allow"),
        Action: shaped(actionPattern),
        NotAction: shaped(actionPattern),
        Resource: shaped(resourcePattern),
        NotResource: shaped(resourcePattern),
        Condition: fc.constantFrom<unknown>({ Bool: { "aws:SecureTransport": "true" } }, { Nope: {} }),
        Extra: fc.constant(1),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "text", [], 3) },
);
const action = fc.constantFrom("s3:getobject", "kms:decrypt", "s3:putobject");
const resource = fc.constantFrom("arn:aws:s3:::b", "arn:aws:s3:::b/k", "arn:aws:kms:r:1:key/k", "arn:aws:s3:::c/k");

/** Reference: the action part, with the compiled case-insensitive matchers. */
function actionApplies(st: ParsedStatement, actionLower: string): boolean {
  const any = (st.action ?? st.notAction ?? []).some((a) => compileWildcard(a, true)(actionLower));
  return st.action ? any : !any;
}

/** Reference: the resource part surely excludes the resource (patterns with `${` under Version 2012-10-17 may match). */
function resourceExcludes(st: ParsedStatement, resource: string, variables: boolean): boolean {
  const list = st.resource ?? st.notResource;
  if (!list) return false;
  const plain = list.filter((p) => !(variables && p.includes("${")));
  const hit = plain.some((p) => compileArnPattern(p)(resource));
  return st.resource ? !hit && plain.length === list.length : hit;
}

describe("prefilter", () => {
  it("skips a statement only when it is malformed or surely does not apply", () => {
    fc.assert(
      fc.property(rawStatement, action, resource, fc.boolean(), (raw, a, r, variables) => {
        const st = parseOneStatement(raw, 0);
        if (!mayMatchAction(raw, a)) expect(st === null || !actionApplies(st, a)).toBe(true);
        if (!mayApply(raw, a, r, variables))
          expect(st === null || !actionApplies(st, a) || resourceExcludes(st, r, variables)).toBe(true);
      }),
      { seed: SEED, numRuns: 20_000 },
    );
  });

  it("keeps every well-formed statement that applies", () => {
    fc.assert(
      fc.property(rawStatement, action, resource, fc.boolean(), (raw, a, r, variables) => {
        const st = parseOneStatement(raw, 0);
        if (st && actionApplies(st, a)) expect(mayMatchAction(raw, a)).toBe(true);
        if (st && actionApplies(st, a) && !resourceExcludes(st, r, variables))
          expect(mayApply(raw, a, r, variables)).toBe(true);
      }),
      { seed: SEED, numRuns: 20_000 },
    );
  });

  it("skips most statements of other services without parsing them", () => {
    const s = { Effect: "Allow", Action: ["ec2:Describe*", "logs:PutLogEvents"], Resource: "*" };
    expect(mayApply(s, "s3:getobject", "arn:aws:s3:::b/k", true)).toBe(false);
    expect(mayApply({ ...s, Action: "s3:Get*" }, "s3:getobject", "arn:aws:s3:::b/k", true)).toBe(true);
    expect(
      mayApply({ ...s, Action: "s3:*", Resource: "arn:aws:s3:::c/*" }, "s3:getobject", "arn:aws:s3:::b/k", true),
    ).toBe(false);
  });
});
