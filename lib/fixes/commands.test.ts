import { describe, expect, it } from "vitest";
import type { Snapshot } from "@/lib/snapshot/schema";
import { cliFor } from "./commands";

const snapshot = (roleArn: string, bucket = "tidb-cloud-source-data") =>
  ({
    version: 1,
    target: { mode: "role", bucketUri: `s3://${bucket}/data/`, roleArn },
    role: { exists: true, arn: roleArn },
    bucket: { exists: true, name: bucket },
  }) as Snapshot;

describe("the AWS CLI command of a corrected document", () => {
  it("leaves plain IAM names, ARNs and placeholders as they are", () => {
    const s = snapshot("arn:aws:iam::111122223333:role/tidb-import");
    expect(cliFor("role-policy:s3-read", s)).toBe(
      "aws iam put-role-policy --role-name tidb-import --policy-name s3-read --policy-document file://role-policy-s3-read.json",
    );
    expect(cliFor("role-policy:arn:aws:iam::111122223333:policy/tidb/kms", s)).toBe(
      "aws iam create-policy-version --policy-arn arn:aws:iam::111122223333:policy/tidb/kms --policy-document file://role-policy-arn-aws-iam-111122223333-policy-tidb-kms.json --set-as-default",
    );
    expect(cliFor("trust-policy", { ...s, role: null, target: { ...s.target, roleArn: null } })).toContain(
      "--role-name <role-name> ",
    );
  });

  it("quotes for the shell a name pasted offline with spaces, quotes or a dollar sign", () => {
    const s = snapshot("arn:aws:iam::111122223333:role/tidb-import");
    expect(cliFor("role-policy:it's $HOME", s)).toContain(`--policy-name 'it'\\''s $HOME' `);
    expect(cliFor("group-policy:my group/read `id`", s)).toContain(
      `--group-name 'my group' --policy-name 'read \`id\`' `,
    );
  });
});
