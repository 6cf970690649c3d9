/** The shape of answers: reasons naming policy, statement and Sid; explanations per statement; JSON output. */
import { describe, expect, it } from "vitest";
import { evaluate, evaluateMany } from "./evaluate";
import { applyingExplanations } from "./lazy-answer";
import type { AuthorizationQuestion } from "./types";

const A = "111122223333";
const SESSION = `arn:aws:sts::${A}:assumed-role/tidb-import/s1`;
const BUCKET = "arn:aws:s3:::tidb-cloud-source-data";

const identity = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "List", Effect: "Allow", Action: "s3:ListBucket", Resource: BUCKET },
    {
      Sid: "VisualEditor0",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:GetObjectVersion"],
      Resource: `${BUCKET}/mydata/*`,
    },
  ],
};
const bucketPolicy = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "AllowAccount",
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${A}:root` },
      Action: "s3:*",
      Resource: [BUCKET, `${BUCKET}/*`],
    },
    {
      Sid: "DenyInsecure",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: `${BUCKET}/*`,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      Sid: "DenyOutsideVpce",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: `${BUCKET}/*`,
      Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } },
    },
  ],
};
const ask = (
  context: Record<string, string>,
  unknownKeys: string[] = [],
  resource = `${BUCKET}/mydata/a.csv`,
): AuthorizationQuestion => ({
  request: { principal: SESSION, action: "s3:GetObject", resource, context, unknownKeys },
  principalAccount: A,
  resourceAccount: A,
  identityPolicies: [identity],
  permissionsBoundary: null,
  sessionPolicy: null,
  resourcePolicy: bucketPolicy,
});

describe("evaluate: answers", () => {
  it("cites the denying statement by policy, index and Sid, and explains which condition decided", () => {
    const a = evaluate(ask({ "aws:SecureTransport": "true", "aws:SourceVpce": "vpce-other" }));
    expect(a.decision).toBe("explicit-deny");
    expect(a.reason).toBe("explicitly denied by resource policy statement 2 (Sid DenyOutsideVpce)");
    expect(a.matched).toEqual([{ policy: "resource", statement: 2, sid: "DenyOutsideVpce", effect: "Deny" }]);
    const insecure = a.explanations!.find((e) => e.policy === "resource" && e.statement === 1)!;
    expect(insecure).toMatchObject({
      action: "match",
      resource: "match",
      principal: "match",
      condition: "no-match",
      applies: "no-match",
    });
    expect(insecure.failedConditions).toEqual([{ operator: "Bool", key: "aws:SecureTransport" }]);
  });

  it("names the allowing identity statement", () => {
    const a = evaluate(ask({ "aws:SecureTransport": "true", "aws:SourceVpce": "vpce-1a2b3c4d" }));
    expect(a.decision).toBe("allow");
    expect(a.reason).toBe("allowed by identity policy 0 statement 1 (Sid VisualEditor0)");
  });

  it("says which key left the answer open, and marks the undecided statement", () => {
    const a = evaluate(ask({ "aws:SecureTransport": "true" }, ["aws:SourceVpce"]));
    expect(a.decision).toBe("unknown");
    expect(a.unknownKeys).toEqual(["aws:SourceVpce"]);
    expect(a.reason).toContain("aws:SourceVpce");
    expect(a.reason).toContain("resource policy statement 2 (Sid DenyOutsideVpce)");
    expect(a.matched).toContainEqual({
      policy: "resource",
      statement: 2,
      sid: "DenyOutsideVpce",
      effect: "Deny",
      undecided: true,
    });
    const e = a.explanations!.find((x) => x.statement === 2 && x.policy === "resource")!;
    expect(e).toMatchObject({
      condition: "unknown",
      applies: "unknown",
      failedConditions: [{ operator: "StringNotEquals", key: "aws:SourceVpce", undecided: true }],
    });
  });

  it("explains an implicit deny in the words of AWS's message", () => {
    const a = evaluate(
      ask({ "aws:SecureTransport": "true", "aws:SourceVpce": "vpce-1a2b3c4d" }, [], `${BUCKET}/other/a.csv`),
    );
    expect(a.decision).toBe("implicit-deny");
    expect(a.reason).toBe(
      `implicitly denied: no identity policy allows s3:GetObject on ${BUCKET}/other/a.csv and no resource policy statement allows it for this principal`,
    );
  });

  it("puts the explanations in JSON and lets them be replaced", () => {
    const a = evaluate(ask({ "aws:SecureTransport": "true", "aws:SourceVpce": "vpce-1a2b3c4d" }));
    const json = JSON.parse(JSON.stringify(a));
    expect(json.explanations).toHaveLength(5);
    expect(json.explanations[0]).toEqual({
      policy: "identity:0",
      statement: 0,
      sid: "List",
      effect: "Allow",
      action: "no-match",
      resource: "no-match",
      principal: "match",
      condition: "match",
      applies: "no-match",
    });
    a.explanations = [];
    expect(a.explanations).toEqual([]);
    expect({ ...a }.explanations).toEqual([]);
  });

  it("lists the statements that apply or may apply once each: a document given twice, a role ARN and its session", () => {
    const base = ask({ "aws:SecureTransport": "true" }, ["aws:SourceVpce"]);
    const q: AuthorizationQuestion = {
      ...base,
      // a session of the role whose name is unknown (as the checks ask about TiDB Cloud's session)
      request: { ...base.request, principal: `arn:aws:iam::${A}:role/tidb-import` },
      // the same document object twice: its statements are two policies' statements
      identityPolicies: [identity, identity],
      resourcePolicy: {
        Version: "2012-10-17",
        Statement: [
          // names the role (surely this session) and perhaps also this very session, whose name is unknown
          {
            Sid: "Role",
            Effect: "Allow",
            Principal: {
              AWS: [`arn:aws:iam::${A}:role/tidb-import`, `arn:aws:sts::${A}:assumed-role/tidb-import/importer`],
            },
            Action: "s3:GetObject",
            Resource: `${BUCKET}/*`,
          },
          ...bucketPolicy.Statement,
        ],
      },
    };
    const all = evaluate(structuredClone(q)).explanations!;
    const applying = applyingExplanations(evaluate(q));
    expect(applying).toEqual(all.filter((e) => e.applies !== "no-match"));
    expect(applying.map((e) => `${e.policy}#${e.statement}:${e.applies}`)).toEqual([
      "identity:0#1:match",
      "identity:1#1:match",
      "resource#0:match",
      "resource#1:match",
      "resource#3:unknown",
    ]);
  });

  it("reports a malformed question as data, never as a throw", () => {
    const a = evaluate({ request: { principal: SESSION } } as unknown as AuthorizationQuestion);
    expect(a).toMatchObject({
      decision: "implicit-deny",
      reason: "malformed question: request.action is required",
      matched: [],
    });
    expect(evaluateMany([ask({}), null as unknown as AuthorizationQuestion]).map((x) => x.decision)).toEqual([
      "explicit-deny",
      "implicit-deny",
    ]);
  });

  it("treats a policy as immutable: a changed document must be a new object", () => {
    const q = ask({ "aws:SecureTransport": "true", "aws:SourceVpce": "vpce-1a2b3c4d" });
    const fresh = { ...q, identityPolicies: [{ ...identity, Statement: identity.Statement.slice(0, 1) }] };
    expect(evaluate(q).decision).toBe("allow");
    expect(evaluate(fresh).decision).toBe("implicit-deny");
  });
});
