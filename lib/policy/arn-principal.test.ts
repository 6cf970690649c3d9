import { describe, expect, it } from "vitest";
import { accountOfArn, isKeyArn, parsePrincipalArn, regionOfArn, roleArnFor } from "./arn";

// IAM User Guide, "IAM identifiers" (ARN forms) and "IAM and AWS STS quotas" (names: [\w+=,.@-]; role and user
// names 64 characters, instance profile, group and policy names 128, role session names 64, paths 512 and
// beginning and ending with "/").
const ok = (arn: string) => {
  const r = parsePrincipalArn(arn);
  if (!r.ok) throw new Error(`${arn}: ${r.problem}`);
  return r.value;
};
const problem = (arn: string) => {
  const r = parsePrincipalArn(arn);
  return r.ok ? null : r.problem;
};

describe("parsePrincipalArn: partitions", () => {
  it.each(["aws", "aws-cn", "aws-us-gov", "aws-eusc"])("reads a role in partition %s", (partition) => {
    expect(ok(`arn:${partition}:iam::111122223333:role/tidb-import`)).toMatchObject({
      kind: "role",
      partition,
      account: "111122223333",
      path: "/",
      name: "tidb-import",
    });
  });

  it.each(["aws-gov", "AWS", "aws-mars", ""])("refuses the partition %j", (partition) => {
    expect(problem(`arn:${partition}:iam::111122223333:role/tidb-import`)).toBe(
      partition === "" ? "not-arn" : "partition",
    );
  });
});

describe("parsePrincipalArn: kinds", () => {
  it("tells users, roles, instance profiles, groups, policies, sessions and the root apart", () => {
    expect(ok("arn:aws:iam::111122223333:user/tidb-importer").kind).toBe("user");
    expect(ok("arn:aws:iam::111122223333:instance-profile/tidb-import").kind).toBe("instance-profile");
    expect(ok("arn:aws:iam::111122223333:group/importers").kind).toBe("group");
    expect(ok("arn:aws:iam::111122223333:policy/tidb-s3").kind).toBe("policy");
    expect(ok("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")).toMatchObject({ kind: "policy", account: "aws" });
    expect(ok("arn:aws:iam::111122223333:root")).toMatchObject({ kind: "root", name: "" });
    expect(ok("arn:aws:sts::111122223333:assumed-role/tidb-import/tidb-cloud-import")).toMatchObject({
      kind: "assumed-role",
      name: "tidb-import",
      sessionName: "tidb-cloud-import",
    });
  });

  it("reads role paths, with the name after the last slash", () => {
    expect(ok("arn:aws:iam::111122223333:role/service-role/data/tidb-import")).toMatchObject({
      path: "/service-role/data/",
      name: "tidb-import",
    });
  });

  it("refuses an account that is not 12 digits, except 'aws' for AWS managed policies", () => {
    expect(problem("arn:aws:iam::11112222333:role/r")).toBe("account");
    expect(problem("arn:aws:iam::1111-2222-3333:role/r")).toBe("account");
    expect(problem("arn:aws:iam::aws:role/r")).toBe("account");
    expect(problem("arn:aws:sts::aws:assumed-role/r/s")).toBe("account");
  });

  it("refuses a region in an IAM or STS ARN, another service, an unknown resource type", () => {
    expect(problem("arn:aws:iam:us-east-1:111122223333:role/r")).toBe("region");
    expect(problem("arn:aws:s3:::tidb-cloud-source-data")).toBe("service");
    expect(problem("arn:aws:iam::111122223333:server-certificate/x")).toBe("resource-type");
    expect(problem("arn:aws:iam::111122223333:role")).toBe("resource-type");
    expect(problem("arn:aws:sts::111122223333:federated-user/bob")).toBe("resource-type");
  });

  it("refuses text with spaces inside, and text that is no ARN", () => {
    expect(problem("arn:aws:iam::111122223333:role/ tidb-import")).toBe("spaces");
    expect(problem("  ")).toBe("empty");
    expect(problem("tidb-import")).toBe("not-arn");
    expect(ok("  arn:aws:iam::111122223333:role/tidb-import\n").arn).toBe("arn:aws:iam::111122223333:role/tidb-import");
  });
});

describe("parsePrincipalArn: name lengths and characters", () => {
  const name = (n: number) => "r".repeat(n);
  it.each([
    ["role", 64],
    ["user", 64],
    ["instance-profile", 128],
    ["group", 128],
    ["policy", 128],
  ])("a %s name may have up to %i characters", (type, max) => {
    expect(ok(`arn:aws:iam::111122223333:${type}/${name(max)}`).name).toHaveLength(max);
    expect(problem(`arn:aws:iam::111122223333:${type}/${name(max + 1)}`)).toBe("name-length");
  });

  it("a path may have up to 512 characters and the name is counted without it", () => {
    const path = `/${"p".repeat(510)}/`;
    expect(ok(`arn:aws:iam::111122223333:role${path}${name(64)}`).path).toHaveLength(512);
    expect(problem(`arn:aws:iam::111122223333:role/${"p".repeat(511)}/r`)).toBe("path");
  });

  it("names use IAM's characters only; session names have 2 to 64", () => {
    expect(ok("arn:aws:iam::111122223333:role/a+b=c,d.e@f_g-h").name).toBe("a+b=c,d.e@f_g-h");
    expect(problem("arn:aws:iam::111122223333:role/tidb*import")).toBe("name-chars");
    expect(problem("arn:aws:iam::111122223333:role/")).toBe("name-chars");
    expect(problem("arn:aws:sts::111122223333:assumed-role/r/s")).toBe("session-name");
    expect(problem(`arn:aws:sts::111122223333:assumed-role/r/${name(65)}`)).toBe("session-name");
    expect(ok(`arn:aws:sts::111122223333:assumed-role/r/${name(64)}`).sessionName).toHaveLength(64);
  });
});

describe("roleArnFor and the account and region of any ARN", () => {
  it("suggests the role ARN of the same name for a user, instance profile or session; none for the root", () => {
    expect(roleArnFor(ok("arn:aws-cn:iam::111122223333:user/team/tidb"))).toBe(
      "arn:aws-cn:iam::111122223333:role/team/tidb",
    );
    expect(roleArnFor(ok("arn:aws:iam::111122223333:instance-profile/tidb"))).toBe(
      "arn:aws:iam::111122223333:role/tidb",
    );
    expect(roleArnFor(ok("arn:aws:sts::111122223333:assumed-role/tidb/s1"))).toBe(
      "arn:aws:iam::111122223333:role/tidb",
    );
    expect(roleArnFor(ok("arn:aws:iam::111122223333:root"))).toBeNull();
  });

  it("reads the account and region of IAM, KMS and S3 ARNs", () => {
    const key = "arn:aws:kms:ap-northeast-1:111122223333:key/c3046e91-fdfc-4f3a-acff-00597dd3801f";
    expect([accountOfArn(key), regionOfArn(key)]).toEqual(["111122223333", "ap-northeast-1"]);
    expect([accountOfArn("arn:aws:iam::111122223333:role/r"), regionOfArn("arn:aws:iam::111122223333:role/r")]).toEqual(
      ["111122223333", null],
    );
    expect([accountOfArn("arn:aws:s3:::bucket"), accountOfArn("not an arn")]).toEqual([null, null]);
  });

  it("tells a KMS key ARN from an alias ARN, a key id and a key of an unknown partition", () => {
    expect(isKeyArn("arn:aws:kms:ap-northeast-1:111122223333:key/c3046e91-fdfc-4f3a-acff-00597dd3801f")).toBe(true);
    expect(isKeyArn("arn:aws-cn:kms:cn-north-1:111122223333:key/k1")).toBe(true);
    expect(isKeyArn("arn:aws:kms:ap-northeast-1:111122223333:alias/aws/s3")).toBe(false);
    expect(isKeyArn("c3046e91-fdfc-4f3a-acff-00597dd3801f")).toBe(false);
    expect(isKeyArn("arn:aws-mars:kms:ap-northeast-1:111122223333:key/k1")).toBe(false);
    expect(isKeyArn("arn:aws:kms::111122223333:key/k1")).toBe(false);
  });
});
