import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "./parse-policy";

describe("parsePolicy", () => {
  it("normalises every shape to arrays and keeps index and Sid", () => {
    const { policy, issues } = parsePolicy({
      Version: "2012-10-17",
      Statement: [
        { Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" },
        {
          Effect: "Deny",
          NotPrincipal: { AWS: ["111122223333", "arn:aws:iam::111122223333:role/r"], Service: "s3.amazonaws.com" },
          NotAction: ["s3:List*"],
          NotResource: "arn:aws:s3:::b",
          Condition: { "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": ["a*", 1, true] } },
        },
      ],
    });
    expect(issues).toEqual([]);
    expect(policy?.statements[0]).toEqual({
      index: 0,
      sid: "A",
      effect: "Allow",
      action: ["s3:GetObject"],
      resource: ["arn:aws:s3:::b/*"],
      conditions: [],
    });
    const s1 = policy!.statements[1];
    expect(s1.notPrincipal).toEqual({
      wildcard: false,
      aws: ["111122223333", "arn:aws:iam::111122223333:role/r"],
      service: ["s3.amazonaws.com"],
      federated: [],
      canonicalUser: [],
    });
    expect(s1.conditions).toEqual([
      {
        operator: "ForAnyValue:StringLikeIfExists",
        baseOperator: "StringLike",
        qualifier: "ForAnyValue",
        ifExists: true,
        key: "aws:TagKeys",
        values: ["a*", "1", "true"],
      },
    ]);
  });

  it('accepts a single statement object, Principal "*" and JSON text', () => {
    const { policy, issues } = parsePolicy(
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}',
    );
    expect(issues).toEqual([]);
    expect(policy?.statements[0].principal?.wildcard).toBe(true);
  });

  it("reports each problem with its JSON path and leaves the bad statement out", () => {
    const { policy, issues } = parsePolicy({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" },
        { Effect: "Alow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" },
        { Effect: "Allow", Action: ["s3:GetObject", 7], Resource: "bucket/*", Condition: { StringEqualz: { k: "v" } } },
      ],
    });
    expect(policy?.statements.map((s) => s.index)).toEqual([0]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ["Statement[1].Effect", "policy.invalid-effect"],
      ["Statement[2].Action[1]", "policy.invalid-action"],
      ["Statement[2].Resource", "policy.invalid-resource"],
      ["Statement[2].Condition.StringEqualz", "policy.unknown-condition-operator"],
    ]);
    expect(issues[0].message).toBe('Statement[1].Effect must be "Allow" or "Deny", not "Alow"');
  });

  it("reports missing and conflicting elements", () => {
    const { issues } = parsePolicy({
      Statement: [
        { Effect: "Allow", Action: "s3:*", NotAction: "s3:Get*", Principal: "*", NotPrincipal: "*" },
        { Effect: "Deny" },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual([
      "Statement[0].NotAction",
      "Statement[0].NotPrincipal",
      "Statement[1].Action",
    ]);
  });

  it("never throws, whatever it is given", () => {
    for (const doc of [
      undefined,
      null,
      1,
      "not json",
      [],
      { Statement: 5 },
      { Statement: [null, [], "x"] },
      { Version: 2012 },
    ]) {
      expect(() => parsePolicy(doc)).not.toThrow();
    }
    expect(parsePolicy("not json").issues[0].code).toBe("policy.invalid-json");
    expect(parsePolicy(null).policy).toBeNull();
    expect(parsePolicy({ Version: "2012-10-17" }).issues[0]).toMatchObject({
      path: "Statement",
      message: "Statement is required",
    });
  });
});

describe("parsePolicy: action names", () => {
  it('accepts exactly the actions of the form "service:ActionName"', () => {
    const unit = fc.constantFrom("s", "3", ":", "-", "*", "?", "G", "é", " ", "_");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), (action) => {
        const { issues } = parsePolicy({ Statement: { Effect: "Allow", Action: action, Resource: "*" } });
        const valid = action === "*" || /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(action);
        expect(issues.some((i) => i.code === "policy.invalid-action")).toBe(!valid);
      }),
      { seed: 20261201, numRuns: 5000 },
    );
  });
});
