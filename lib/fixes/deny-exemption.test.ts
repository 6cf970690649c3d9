import { describe, expect, it } from "vitest";
import { exemptImportFromDeny, type ImportScope } from "./deny-exemption";
import { actionsWithout } from "./action-sets";

const ROLE = "arn:aws:iam::111122223333:role/tidb-import";
const B = "arn:aws:s3:::tidb-cloud-source-data";
const doc = (...Statement: Record<string, unknown>[]) => ({ Version: "2012-10-17", Statement });
const statements = (d: Record<string, unknown> | null) => (d?.Statement ?? []) as Record<string, unknown>[];

/** The import's groups as a bucket policy sees them (its own bucket only). */
const bucketScope: ImportScope = {
  principalArn: ROLE,
  groups: [
    {
      actions: ["s3:ListBucket", "s3:GetBucketLocation"],
      resource: B,
      universe: B,
      kind: "bucket",
      listPrefix: "mydata/",
    },
    {
      actions: ["s3:GetObject", "s3:GetObjectVersion"],
      resource: `${B}/mydata/*`,
      universe: `${B}/*`,
      kind: "object",
    },
  ],
};
/** The object group as an identity policy sees it (every bucket). */
const identityObjects: ImportScope = {
  principalArn: ROLE,
  groups: [
    {
      actions: ["s3:GetObject"],
      resource: `${B}/mydata/*`,
      universe: "arn:aws:s3:::*/*",
      kind: "object",
    },
  ],
};

describe("exempting the import from a Deny", () => {
  it("in a bucket policy: an aws:PrincipalArn exception, and the same Deny for the principal without the import's requests", async () => {
    const vpce = { StringNotEquals: { "aws:SourceVpce": "vpce-1" } };
    const r = await exemptImportFromDeny(
      doc({
        Sid: "OnlyVpce",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [B, `${B}/*`],
        Condition: vpce,
      }),
      0,
      bucketScope,
      "shared",
      "resource",
    );
    expect(r.after && r.how).toBe("carve-out");
    const [orig, other, prefixes, elsewhere] = statements(r.after);
    expect(orig.Condition).toEqual({ ...vpce, ArnNotEquals: { "aws:PrincipalArn": ROLE } });
    // every other action stays denied to the principal (in a bucket policy only S3 actions are ever asked about)
    expect(other).toMatchObject({
      Sid: "OnlyVpceImportPrincipalOtherActions",
      Principal: "*",
      NotAction: ["s3:ListBucket", "s3:GetBucketLocation", "s3:GetObject", "s3:GetObjectVersion"],
      Resource: [B, `${B}/*`],
      Condition: { ...vpce, ArnEquals: { "aws:PrincipalArn": ROLE } },
    });
    // listing another folder stays denied
    expect(prefixes).toMatchObject({
      Action: "s3:ListBucket",
      Resource: B,
      Condition: { StringNotLike: { "s3:prefix": "mydata/*" } },
    });
    // reading outside the folder stays denied
    expect(elsewhere).toMatchObject({ Action: ["s3:GetObject", "s3:GetObjectVersion"], NotResource: `${B}/mydata/*` });
    expect(statements(r.after)).toHaveLength(4);
  });

  it('never writes Action "*" or a whole-service exemption: an identity Deny of s3:* keeps every other S3 action by name', async () => {
    const r = await exemptImportFromDeny(
      doc({ Effect: "Deny", Action: "s3:*", Resource: "*" }),
      0,
      identityObjects,
      "inline",
      "identity",
    );
    const [narrowed, elsewhere] = statements(r.after);
    const actions = narrowed.Action as string[];
    expect(actions).toContain("s3:Put*");
    expect(actions).toContain("s3:GetObjectAcl*");
    expect(actions).not.toContain("s3:*");
    expect(actions.some((a) => /^s3:GetObject\*?$/.test(a))).toBe(false);
    expect(narrowed).not.toHaveProperty("Condition");
    expect(elsewhere).toMatchObject({ Effect: "Deny", Action: "s3:GetObject", NotResource: `${B}/mydata/*` });
  });

  it("adds the import's resources to an identity Deny's NotResource (its own scope is the mistake)", async () => {
    const r = await exemptImportFromDeny(
      doc({ Effect: "Deny", Action: "s3:*", NotResource: ["arn:aws:s3:::other", "arn:aws:s3:::other/*"] }),
      0,
      identityObjects,
      "inline",
      "identity",
    );
    expect(r.after && r.how).toBe("not-resource");
    expect(statements(r.after)[0].NotResource).toEqual(["arn:aws:s3:::other", "arn:aws:s3:::other/*", `${B}/mydata/*`]);
  });

  it("takes the import's reads out of a Deny whose other actions all write", async () => {
    const r = await exemptImportFromDeny(
      doc({
        Effect: "Deny",
        Principal: "*",
        Action: ["s3:PutObject", "s3:DeleteObject", "s3:GetObject"],
        Resource: `${B}/*`,
      }),
      0,
      bucketScope,
      "shared",
      "resource",
    );
    expect(r.after && r.how).toBe("action-list");
    expect(statements(r.after)[0].Action).toEqual(["s3:PutObject", "s3:DeleteObject"]);
  });

  it("keeps a read Deny that has a condition (its purpose is where, not what): a carve-out instead", async () => {
    const r = await exemptImportFromDeny(
      doc({
        Effect: "Deny",
        Principal: "*",
        Action: ["s3:PutObject", "s3:GetObject"],
        Resource: `${B}/*`,
        Condition: { Bool: { "aws:ViaAWSService": "false" } },
      }),
      0,
      bucketScope,
      "shared",
      "resource",
    );
    expect(r.after && r.how).toBe("carve-out");
  });

  it("offers no document when the exact exemption cannot be written, or when the Deny denies only the import", async () => {
    // the Deny covers part of the bucket beyond the folder: "all of my* except mydata/*" has no exact form
    const partial = await exemptImportFromDeny(
      doc({ Effect: "Deny", Action: "s3:GetObject", Resource: `${B}/my*` }),
      0,
      identityObjects,
      "shared",
      "identity",
    );
    expect(partial).toEqual({ after: null, why: "resources" });
    const only = await exemptImportFromDeny(
      doc({ Effect: "Deny", Action: "s3:GetObject", Resource: `${B}/mydata/*` }),
      0,
      identityObjects,
      "inline",
      "identity",
    );
    expect(only).toEqual({ after: null, why: "only-import" });
  });
});

describe("action lists minus the import's actions", () => {
  it("group the catalogue's remaining actions by word, exactly", async () => {
    const rest = await actionsWithout(["kms:*"], ["kms:Decrypt"]);
    expect(rest).toContain("kms:Encrypt*");
    expect(rest).toContain("kms:Re*");
    expect(rest).not.toContain("kms:Decrypt");
    expect(await actionsWithout(["s3:GetObject", "s3:PutObject"], ["s3:GetObject"])).toEqual(["s3:PutObject"]);
    expect(await actionsWithout(["*"], ["s3:GetObject"])).toBe("everything");
  });
});
