/**
 * Fuzzing the policy engine with seeded random and mutated policies and questions: parsePolicy, validatePolicy and
 * evaluate never throw, every rejection is an issue with a JSON path and a plain message, and every answer is one
 * of the four decisions with a reason.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, parsePolicy, validatePolicy } from "@/lib/policy";
import type { PolicyKind } from "@/lib/policy";
import { expectClearMessage, fuzzParams, fuzzTimeout, jsonFiles, junk, mutated } from "./support";

const QUESTIONS = jsonFiles("lib/policy/__fixtures__")
  .map((f) => (f.value as { question: unknown }).question)
  .filter(Boolean);
const POLICIES: unknown[] = QUESTIONS.flatMap((q) => {
  const x = q as { identityPolicies?: unknown[]; resourcePolicy?: unknown; permissionsBoundary?: unknown };
  return [...(x.identityPolicies ?? []), x.resourcePolicy, x.permissionsBoundary].filter(
    (p) => p && typeof p === "object",
  );
});
const KINDS: PolicyKind[] = ["identity", "bucket", "trust", "key"];
const DECISIONS = new Set(["allow", "explicit-deny", "implicit-deny", "unknown"]);

/** Random policy-shaped documents: statements built from plausible and junk parts. */
const statement = fc.record(
  {
    Sid: fc.oneof(fc.string(), junk),
    Effect: fc.oneof(fc.constantFrom("Allow", "Deny", "allow", ""), junk),
    Action: fc.oneof(
      fc.constantFrom("s3:GetObject", "s3:*", "*", "kms:Decrypt", "sts:AssumeRole", "s3:Get*Object"),
      fc.array(fc.string()),
      junk,
    ),
    NotAction: junk,
    Resource: fc.oneof(
      fc.constantFrom("*", "arn:aws:s3:::b/*", "arn:aws:s3:::b", "arn:aws:kms:*:*:key/*"),
      fc.array(fc.string()),
      junk,
    ),
    Principal: fc.oneof(
      fc.constantFrom("*", { AWS: "*" }, { AWS: "arn:aws:iam::111122223333:root" }, { Service: "s3.amazonaws.com" }),
      junk,
    ),
    Condition: fc.oneof(
      fc.dictionary(
        fc.constantFrom(
          "StringEquals",
          "StringLike",
          "Bool",
          "ArnLike",
          "IpAddress",
          "ForAnyValue:StringLike",
          "Null",
          "Nope",
        ),
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()), junk)),
      ),
      junk,
    ),
  },
  { requiredKeys: [] },
);
const randomPolicy = fc.oneof(
  fc.record(
    {
      Version: fc.oneof(fc.constantFrom("2012-10-17", "2008-10-17"), junk),
      Statement: fc.oneof(fc.array(statement, { maxLength: 4 }), statement, junk),
    },
    { requiredKeys: [] },
  ),
  mutated(POLICIES),
  junk,
  fc.string(), // pasted text that may not be JSON
);

function expectIssues(issues: unknown) {
  expect(Array.isArray(issues)).toBe(true);
  for (const i of issues as { path: unknown; message: unknown; code: unknown; severity: unknown }[]) {
    expect(typeof i.path).toBe("string");
    expect(typeof i.code).toBe("string");
    expect(["error", "warning"]).toContain(i.severity);
    expectClearMessage(i.message);
  }
}

describe("fuzz: policies", () => {
  it(
    "parsePolicy never throws; a rejected document comes with at least one error naming its path",
    () => {
      fc.assert(
        fc.property(randomPolicy, (doc) => {
          const { policy, issues } = parsePolicy(doc);
          expectIssues(issues);
          if (policy === null) expect(issues.some((i) => i.severity === "error")).toBe(true);
        }),
        fuzzParams(300),
      );
    },
    fuzzTimeout(300),
  );

  it(
    "validatePolicy never throws or rejects for any kind of policy",
    async () => {
      await fc.assert(
        fc.asyncProperty(randomPolicy, fc.constantFrom(...KINDS), async (doc, kind) => {
          expectIssues(await validatePolicy(doc, kind));
        }),
        fuzzParams(150, 0.25),
      );
    },
    fuzzTimeout(150, 0.25, 40),
  );

  it(
    "evaluate answers every mutated question with a decision and a reason, never throwing",
    () => {
      fc.assert(
        fc.property(mutated(QUESTIONS), (q) => {
          const a = evaluate(q as Parameters<typeof evaluate>[0]);
          expect(DECISIONS.has(a.decision)).toBe(true);
          expectClearMessage(a.reason);
          expect(Array.isArray(a.matched)).toBe(true);
        }),
        fuzzParams(300),
      );
    },
    fuzzTimeout(300),
  );

  it(
    "evaluate with random policies in every slot never throws",
    () => {
      const base = QUESTIONS[0] as Record<string, unknown>;
      fc.assert(
        fc.property(
          fc.array(randomPolicy, { maxLength: 3 }),
          randomPolicy,
          randomPolicy,
          (identity, resource, boundary) => {
            const a = evaluate({
              ...base,
              identityPolicies: identity,
              resourcePolicy: resource,
              permissionsBoundary: boundary,
            } as Parameters<typeof evaluate>[0]);
            expect(DECISIONS.has(a.decision)).toBe(true);
            expectClearMessage(a.reason);
          },
        ),
        fuzzParams(300),
      );
    },
    fuzzTimeout(300),
  );
});
