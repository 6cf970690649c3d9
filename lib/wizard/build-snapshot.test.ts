import { describe, expect, it } from "vitest";
import { SnapshotSchema } from "@/lib/snapshot/schema";
import { buildOfflineSnapshot } from "./build-snapshot";
import { EXAMPLE_IDS, EXAMPLES, EXAMPLE_VALUES } from "./examples";
import { EMPTY_DOCUMENTS, EMPTY_START } from "./form-types";

describe("buildOfflineSnapshot", () => {
  it.each(EXAMPLE_IDS)("example %s gives a valid snapshot with no paste errors", (id) => {
    const { snapshot, errors } = buildOfflineSnapshot(EXAMPLES[id].start, EXAMPLES[id].documents);
    expect(errors).toEqual([]);
    expect(SnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it("puts the pasted documents where the checks read them (role mode)", () => {
    const ex = EXAMPLES["missing-slash-star"];
    const { snapshot } = buildOfflineSnapshot(ex.start, ex.documents);
    expect(snapshot.target).toMatchObject({
      mode: "role",
      roleArn: EXAMPLE_VALUES.ROLE_ARN,
      externalId: EXAMPLE_VALUES.EXTERNAL_ID,
    });
    expect(Object.keys(snapshot.role?.inlinePolicies ?? {})).toEqual(["tidb-s3-read"]);
    expect(snapshot.role?.trustPolicy).toBeTruthy();
    expect(snapshot.bucket).toMatchObject({
      name: "tidb-cloud-source-data",
      ownerAccountId: "111122223333",
      policy: null,
      objectOwnership: "BucketOwnerEnforced",
    });
    expect(snapshot.bucket?.encryption?.algorithm).toBe("AES256");
  });

  it("uses the role ARN of pasted get-role output when the start form has none", () => {
    const ex = EXAMPLES["wrong-external-id"];
    const { snapshot } = buildOfflineSnapshot({ ...ex.start, roleArn: "" }, ex.documents);
    expect(snapshot.target.roleArn).toBe(EXAMPLE_VALUES.ROLE_ARN);
  });

  it("files a managed policy named by its ARN under attachedPolicies", () => {
    const ex = EXAMPLES["missing-slash-star"];
    const arn = "arn:aws:iam::111122223333:policy/tidb-s3";
    const { snapshot } = buildOfflineSnapshot(ex.start, {
      ...ex.documents,
      identityPolicies: [{ name: arn, text: ex.documents.identityPolicies[0].text }],
    });
    expect(Object.keys(snapshot.role?.attachedPolicies ?? {})).toEqual([arn]);
    expect(snapshot.role?.inlinePolicies).toEqual({});
  });

  it("leaves documents that were not pasted unknown, with a reason", () => {
    const { snapshot, errors } = buildOfflineSnapshot(
      { ...EMPTY_START, bucketUri: "s3://b/f/", roleArn: "arn:aws:iam::111122223333:role/r" },
      EMPTY_DOCUMENTS,
    );
    expect(errors).toEqual([]);
    expect(snapshot.role?.trustPolicy).toBeUndefined();
    expect(snapshot.bucket && "policy" in snapshot.bucket).toBe(false);
    expect(Object.keys(snapshot.unavailable ?? {})).toEqual(
      expect.arrayContaining([
        "role.trustPolicy",
        "role.inlinePolicies",
        "bucket.policy",
        "bucket.objectOwnership",
        "bucket.encryption",
      ]),
    );
  });

  it("keys a key policy by the bucket's default key when no key ARN is given", () => {
    const ex = EXAMPLES["kms-no-decrypt"];
    const { snapshot } = buildOfflineSnapshot(ex.start, {
      ...ex.documents,
      keyPolicies: [{ keyArn: "", text: ex.documents.keyPolicies[0].text }],
    });
    expect(Object.keys(snapshot.keys ?? {})).toEqual([EXAMPLE_VALUES.KEY_ARN]);
    expect(snapshot.keys?.[EXAMPLE_VALUES.KEY_ARN]).toMatchObject({
      region: "ap-northeast-1",
      accountId: "111122223333",
      keyManager: "CUSTOMER",
    });
  });

  it("reports each broken paste with its field, and still builds the rest", () => {
    const ex = EXAMPLES["object-writer"];
    const { snapshot, errors } = buildOfflineSnapshot(ex.start, {
      ...ex.documents,
      bucketPolicy: "{ not json",
      identityPolicies: [...ex.documents.identityPolicies, { name: "", text: '{"Version":"2012-10-17"}' }],
    });
    expect(errors.map((e) => [e.field, e.path, e.code])).toEqual([
      ["identityPolicies[1]", "$.Statement", "policy.no-statement"],
      ["bucketPolicy", "$", "json.invalid"],
    ]);
    expect(snapshot.bucket?.objectOwnership).toBe("ObjectWriter");
  });

  it("builds an IAM user in access-key mode", () => {
    const ex = EXAMPLES["missing-list-bucket"];
    const { snapshot } = buildOfflineSnapshot(ex.start, ex.documents);
    expect(snapshot.role).toBeUndefined();
    expect(snapshot.target).toMatchObject({ mode: "access-key", accessKeyId: "AKIAIOSFODNN7EXAMPLE", roleArn: null });
    expect(snapshot.user).toMatchObject({ exists: true, arn: EXAMPLE_VALUES.USER_ARN, accountId: "111122223333" });
    expect(Object.keys(snapshot.user?.inlinePolicies ?? {})).toEqual(["tidb-s3-read"]);
  });
});

describe("the pasted error message", () => {
  const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  it.each([
    `Access denied to the source 's3://b/f/' using the access key ID 'AKIAIOSFODNN7EXAMPLE' and the secret access key '${secret}'`,
    `アクセスキーID 'AKIAIOSFODNN7EXAMPLE'およびシークレットアクセスキー'${secret}'を使用してソース's3://b/f/'に対するアクセスが拒否されました`,
    `key AKIAIOSFODNN7EXAMPLE, and something else that quotes ${secret} somewhere`,
  ])("never carries the secret access key TiDB Cloud echoes: %s", (message) => {
    const { snapshot } = buildOfflineSnapshot(
      {
        ...EMPTY_START,
        mode: "access-key",
        bucketUri: "s3://b/f/",
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        errorMessage: message,
      },
      EMPTY_DOCUMENTS,
    );
    expect(snapshot.target.errorMessage).not.toContain(secret);
    expect(snapshot.target.errorMessage).toContain("AKIAIOSFODNN7EXAMPLE");
    expect(snapshot.target.errorMessage).toContain("[redacted]");
  });

  it("keeps an External ID and the rest of the message", () => {
    const message = `Cannot assume the provided role arn:aws:iam::111122223333:role/r with external ID 696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe`;
    const { snapshot } = buildOfflineSnapshot(
      { ...EMPTY_START, bucketUri: "s3://b/f/", errorMessage: message },
      EMPTY_DOCUMENTS,
    );
    expect(snapshot.target.errorMessage).toBe(message);
  });
});
