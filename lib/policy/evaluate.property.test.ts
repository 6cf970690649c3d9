/** Properties of evaluate() over random policies and questions (fast-check, fixed seed). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { applyingExplanations } from "./lazy-answer";
import { parsePolicy } from "./parse-policy";
import type { AuthorizationQuestion } from "./types";

const SEED = 3_2026_1128;
const A = "111122223333";
const B = "444455556666";
const BK = "arn:aws:s3:::b";
const KEY = `arn:aws:kms:ap-northeast-1:${A}:key/k1`;
const ROLE = `arn:aws:iam::${A}:role/tidb-import`;
const SESS = `arn:aws:sts::${A}:assumed-role/tidb-import/s1`;
const USER = `arn:aws:iam::${A}:user/importer`;
const BUSER = `arn:aws:iam::${B}:user/other`;

const action = fc.constantFrom(
  "s3:GetObject",
  "s3:*",
  "s3:Get*",
  "s3:ListBucket",
  "kms:Decrypt",
  "kms:*",
  "*",
  "sts:AssumeRole",
  "s3:GetObjectVersion",
);
const resource = fc.constantFrom(
  "*",
  BK,
  `${BK}/*`,
  `${BK}/mydata/*`,
  `${BK}/mydata/a.csv`,
  KEY,
  ROLE,
  `${BK}/home/\${aws:username}/*`,
);
const principal = fc.constantFrom<unknown>(
  "*",
  { AWS: "*" },
  { AWS: A },
  { AWS: `arn:aws:iam::${A}:root` },
  { AWS: ROLE },
  { AWS: SESS },
  { AWS: USER },
  { AWS: [BUSER, ROLE] },
  { AWS: B },
  { Service: "s3.amazonaws.com" },
);
const condition = fc.constantFrom<unknown>(
  { StringEquals: { "aws:SourceVpce": "vpce-1" } },
  { StringNotEquals: { "aws:SourceVpce": ["vpce-1", "vpce-2"] } },
  { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
  { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] } },
  { Bool: { "aws:SecureTransport": "false" } },
  { StringLike: { "s3:prefix": ["mydata/", "mydata/*"] } },
  { "ForAllValues:StringEquals": { "aws:TagKeys": ["a", "b"] } },
  { "ForAnyValue:StringLike": { "aws:TagKeys": "a*" } },
  { Null: { "aws:SourceVpce": "true" } },
  { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${A}:role/*` } },
  { StringEqualsIfExists: { "sts:ExternalId": "x" } },
  { DateGreaterThan: { "aws:CurrentTime": "2026-01-01T00:00:00Z" } },
);

const statement = (withPrincipal: boolean) =>
  fc
    .record({
      effect: fc.constantFrom("Allow", "Deny"),
      not: fc.constantFrom(0, 1, 2, 3),
      actions: fc.array(action, { minLength: 1, maxLength: 3 }),
      resources: fc.array(resource, { minLength: 1, maxLength: 2 }),
      principal,
      notPrincipal: fc.boolean(),
      condition: fc.option(condition, { nil: undefined }),
      sid: fc.option(fc.constantFrom("S1", "DenyOutsideVpce"), { nil: undefined }),
    })
    .map((r) => statementOf(r, withPrincipal));

function statementOf(
  r: {
    effect: string;
    not: number;
    actions: string[];
    resources: string[];
    principal: unknown;
    notPrincipal: boolean;
    condition?: unknown;
    sid?: string;
  },
  withPrincipal: boolean,
): Record<string, unknown> {
  const s: Record<string, unknown> = { Effect: r.effect };
  if (r.sid) s.Sid = r.sid;
  s[r.not & 1 ? "NotAction" : "Action"] = r.actions;
  s[r.not & 2 ? "NotResource" : "Resource"] = r.resources;
  if (withPrincipal) s[r.notPrincipal && r.effect === "Deny" ? "NotPrincipal" : "Principal"] = r.principal;
  if (r.condition) s.Condition = r.condition;
  return s;
}

const policy = (withPrincipal: boolean) =>
  fc
    .array(statement(withPrincipal), { minLength: 0, maxLength: 4 })
    .map((Statement) => ({ Version: "2012-10-17", Statement }));

const question = fc
  .record({
    who: fc.constantFrom(SESS, ROLE, USER, BUSER, `arn:aws:iam::${A}:root`),
    action: fc.constantFrom("s3:GetObject", "s3:ListBucket", "kms:Decrypt", "sts:AssumeRole", "s3:GetObjectVersion"),
    resource: fc.constantFrom(`${BK}/mydata/a.csv`, BK, KEY, ROLE, `${BK}/home/importer/x`),
    context: fc.subarray([
      ["aws:SourceVpce", "vpce-1"],
      ["aws:SourceIp", "198.51.100.7"],
      ["aws:SecureTransport", "true"],
      ["s3:prefix", "mydata/"],
      ["aws:TagKeys", ["a", "c"]],
      ["aws:CurrentTime", "2026-11-28T00:00:00Z"],
    ] as [string, string | string[]][]),
    unknown: fc.subarray(["aws:SourceIp", "aws:SourceVpce", "aws:username"]),
    identity: fc.array(policy(false), { maxLength: 3 }),
    boundary: fc.option(policy(false), { nil: null }),
    session: fc.option(policy(false), { nil: null }),
    resourcePolicy: fc.option(policy(true), { nil: null }),
  })
  .map((r): AuthorizationQuestion => ({
    request: {
      principal: r.who,
      action: r.action,
      resource: r.resource,
      context: Object.fromEntries(r.context),
      unknownKeys: r.unknown,
    },
    principalAccount: r.who === BUSER ? B : A,
    resourceAccount: A,
    identityPolicies: r.identity,
    permissionsBoundary: r.boundary,
    sessionPolicy: r.session,
    resourcePolicy: r.resourcePolicy,
  }));

/** A copy of the question with one more statement in one of its policies (new objects: policies are cached by identity). */
function withStatement(q: AuthorizationQuestion, where: number, st: Record<string, unknown>): AuthorizationQuestion {
  const add = (p: unknown) => {
    const doc = p as { Version: string; Statement: unknown[] };
    return { ...doc, Statement: [...doc.Statement, st] };
  };
  const copy: AuthorizationQuestion = { ...q, identityPolicies: [...q.identityPolicies] };
  const slots: (() => void)[] = [() => copy.identityPolicies.push({ Version: "2012-10-17", Statement: [st] })];
  q.identityPolicies.forEach((p, i) => slots.push(() => (copy.identityPolicies[i] = add(p))));
  if (q.permissionsBoundary) slots.push(() => (copy.permissionsBoundary = add(q.permissionsBoundary)));
  if (q.sessionPolicy) slots.push(() => (copy.sessionPolicy = add(q.sessionPolicy)));
  if (q.resourcePolicy) slots.push(() => (copy.resourcePolicy = add(q.resourcePolicy)));
  slots[where % slots.length]();
  return copy;
}

const DECISIONS = ["allow", "explicit-deny", "implicit-deny", "unknown"];

describe("evaluate: properties", () => {
  it("never throws and always answers, for any input at all", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
        const questions = [
          a,
          { request: a, principalAccount: b, resourceAccount: b, identityPolicies: [a, b], resourcePolicy: b },
          {
            request: {
              principal: "arn:aws:iam::111122223333:user/u",
              action: "s3:GetObject",
              resource: "arn:aws:s3:::b/k",
              context: a,
              unknownKeys: b,
            },
            principalAccount: A,
            resourceAccount: A,
            identityPolicies: [{ Version: "2012-10-17", Statement: c }],
            permissionsBoundary: a,
            sessionPolicy: b,
            resourcePolicy: { Statement: [c] },
          },
        ];
        for (const q of questions) {
          const ans = evaluate(q as AuthorizationQuestion);
          expect(DECISIONS).toContain(ans.decision);
          // the safety net in evaluate() was not needed: no internal exception
          expect(ans.reason).not.toMatch(/^could not evaluate/);
          expect(Array.isArray(ans.explanations)).toBe(true);
          expect(() => parsePolicy(a)).not.toThrow();
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("never throws on random well-shaped policies, and explains every parsed statement", () => {
    fc.assert(
      fc.property(question, (q) => {
        const ans = evaluate(q);
        expect(DECISIONS).toContain(ans.decision);
        expect(ans.reason).not.toMatch(/^(could not evaluate|malformed question)/);
        const docs = [...q.identityPolicies, q.permissionsBoundary, q.sessionPolicy, q.resourcePolicy].filter((d) => d);
        const n = docs.reduce<number>((s, d) => s + (parsePolicy(d).policy?.statements.length ?? 0), 0);
        expect(ans.explanations).toHaveLength(n);
        if (ans.decision === "unknown") expect(ans.unknownKeys.length).toBeGreaterThan(0);
        else expect(ans.unknownKeys).toEqual([]);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it("adding a Deny statement never turns a denial into an allow", () => {
    fc.assert(
      fc.property(question, statement(true), fc.nat(), (q, st, where) => {
        const before = evaluate(q).decision;
        const after = evaluate(withStatement(q, where, { ...st, Effect: "Deny" })).decision;
        if (before !== "allow") expect(after).not.toBe("allow");
        if (before === "explicit-deny") expect(after).toBe("explicit-deny");
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it("adding an Allow statement never turns an allow into a denial", () => {
    fc.assert(
      fc.property(question, statement(true), fc.nat(), (q, st, where) => {
        const before = evaluate(q).decision;
        const after = evaluate(withStatement(q, where, { ...st, Effect: "Allow" })).decision;
        if (before === "allow") expect(after).toBe("allow");
        if (before === "implicit-deny" || before === "unknown") expect(after).not.toBe("explicit-deny");
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it("answers documents seen for the first time as documents asked about before (text matching vs compiled forms)", () => {
    const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    const actions = ["s3:GetObject", "s3:ListBucket", "kms:Decrypt", "sts:AssumeRole"];
    const resources = [`${BK}/mydata/a.csv`, BK, KEY, ROLE, `${BK}/home/importer/x`];
    fc.assert(
      fc.property(question, (q) => {
        // given the answer for documents the engine has never seen (a deep copy: new objects)
        const first = json(evaluate(structuredClone(q)));
        // when the same documents were asked about before, for other actions and resources (so that the statements
        // of each action are listed once and the resource patterns compiled)
        for (const action of [q.request.action, ...actions])
          for (const resource of resources) evaluate({ ...q, request: { ...q.request, action, resource } });
        // then the answer, explanations included, is the same
        expect(json(evaluate(q))).toEqual(first);
        expect(json(evaluate(q))).toEqual(first);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("gives the explanations of the statements that apply or may apply, the same records as explanations holds", () => {
    const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    let some = 0;
    let none = 0;
    fc.assert(
      fc.property(question, (q) => {
        // given an answer whose explanations were not read, and the same answer for copies of its documents
        const applying = json(applyingExplanations(evaluate(structuredClone(q))));
        const all = evaluate(structuredClone(q)).explanations ?? [];
        // then exactly the records whose `applies` is not "no-match", in order
        expect(applying).toEqual(json(all.filter((e) => e.applies !== "no-match")));
        // and, once the explanations were read, the same
        const read = evaluate(q);
        void read.explanations;
        expect(json(applyingExplanations(read))).toEqual(applying);
        if ((applying as unknown[]).length) some++;
        if ((applying as unknown[]).length < all.length) none++;
      }),
      { seed: SEED, numRuns: 400 },
    );
    // the questions drawn have statements that apply and statements that do not
    expect(some).toBeGreaterThan(20);
    expect(none).toBeGreaterThan(20);
  });

  it("answers the same question the same way every time (pure)", () => {
    fc.assert(
      fc.property(question, (q) => {
        const a = evaluate(q);
        const b = evaluate(structuredClone(q));
        expect(JSON.parse(JSON.stringify(b))).toEqual(JSON.parse(JSON.stringify(a)));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
