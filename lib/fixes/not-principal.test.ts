// replaceNotPrincipal: AWS's recommended form (Principal "*" + ArnNotEquals aws:PrincipalArn) keeps every principal the
// NotPrincipal exempted, and the engine then spares exactly those (and no longer denies a principal with a boundary).
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/policy";
import { replaceNotPrincipal } from "./not-principal";

const A = "111122223333";
const ROLE = `arn:aws:iam::${A}:role/tidb-import`;
const B = "arn:aws:s3:::tidb-cloud-source-data";
const policy = (notPrincipal: unknown, extra: Record<string, unknown> = {}) => ({
  Version: "2012-10-17",
  Statement: [
    { Sid: "Keep", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "s3:*", Resource: "*" },
    {
      Sid: "DenyOthers",
      Effect: "Deny",
      NotPrincipal: notPrincipal,
      Action: "s3:*",
      Resource: [B, `${B}/*`],
      ...extra,
    },
  ],
});
const denied = (doc: unknown, principal: string, boundary = false) =>
  evaluate({
    request: { principal, action: "s3:GetObject", resource: `${B}/a.csv`, context: {} },
    principalAccount: A,
    resourceAccount: A,
    identityPolicies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }],
    permissionsBoundary: boundary
      ? { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }
      : null,
    resourcePolicy: doc,
  }).decision === "explicit-deny";

describe("replaceNotPrincipal", () => {
  it("keeps the statement in place and every exempted principal, sessions becoming their role", () => {
    const session = `arn:aws:sts::${A}:assumed-role/other-role/etl`;
    const r = replaceNotPrincipal(policy({ AWS: [ROLE, session, A] }), 1)!;
    const st = (r.after.Statement as Record<string, unknown>[])[1];
    expect(st).toEqual({
      Sid: "DenyOthers",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [B, `${B}/*`],
      Condition: {
        ArnNotEquals: {
          "aws:PrincipalArn": [ROLE, `arn:aws:iam::${A}:role/other-role`, `arn:aws:iam::${A}:root`],
        },
      },
    });
    expect(r.widenedSessions).toEqual([session]);
    expect((r.after.Statement as unknown[])[0]).toEqual(policy([]).Statement[0]);
  });

  it("the corrected policy spares the role (also with a boundary) and still denies everyone else", () => {
    const before = policy({ AWS: [ROLE, `arn:aws:iam::${A}:root`] });
    const after = replaceNotPrincipal(before, 1)!.after;
    // before: the role's session is denied (not exempted by its role ARN), with or without a boundary
    expect(denied(before, ROLE)).toBe(true);
    expect(denied(after, ROLE)).toBe(false);
    expect(denied(after, ROLE, true)).toBe(false);
    expect(denied(after, `arn:aws:iam::${A}:role/someone-else`)).toBe(true);
  });

  it("merges into an existing ArnNotEquals on aws:PrincipalArn and keeps service principals", () => {
    const doc = policy(
      { AWS: ROLE, Service: "cloudtrail.amazonaws.com" },
      { Condition: { ArnNotEquals: { "AWS:PrincipalArn": `arn:aws:iam::${A}:role/admin` } } },
    );
    const st = (replaceNotPrincipal(doc, 1)!.after.Statement as Record<string, unknown>[])[1];
    expect(st.Condition).toEqual({
      ArnNotEquals: { "aws:PrincipalArn": [`arn:aws:iam::${A}:role/admin`, ROLE] },
      StringNotEqualsIfExists: { "aws:PrincipalServiceName": "cloudtrail.amazonaws.com" },
    });
  });

  it("offers nothing it cannot express exactly: federated principals, NotPrincipal *, an Allow", () => {
    expect(replaceNotPrincipal(policy({ Federated: "cognito-identity.amazonaws.com" }), 1)).toBeNull();
    expect(replaceNotPrincipal(policy("*"), 1)).toBeNull();
    expect(replaceNotPrincipal(policy({ AWS: ROLE }), 0)).toBeNull();
  });
});
