/**
 * The messages users paste, in English and Japanese, word for word from where they were found:
 * - TiDB Cloud: pingcap/docs tidb-cloud/troubleshoot-import-access-denied-error.md (English; the Japanese
 *   translations stored in pingcap/docs, and the guide the wizard follows), and the console's "Unable to assume …";
 * - S3: S3 User Guide, "Troubleshoot access denied (403 Forbidden) errors" (access denied message examples);
 * - KMS: KMS API reference (Decrypt errors: DisabledException, KMSInvalidStateException, NotFoundException) and the
 *   cross-account message quoted in AWS Knowledge Center "cross-account-access-denied-error-s3";
 * - region: pingcap/tidb pkg/objstore/s3.go (TiDB's storage layer) and S3's PermanentRedirect /
 *   AuthorizationHeaderMalformed errors.
 * The Japanese forms of AWS's messages are as the AWS console and translated pages show them.
 */
import { describe, expect, it } from "vitest";
import { redactErrorMessage, triageErrorMessage } from "./triage-error-message";

const ROLE = "arn:aws:iam::111122223333:role/tidb-import";
const SESSION = "arn:aws:sts::111122223333:assumed-role/tidb-import/tidb-cloud-import";
const KEY = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const OBJECT = "arn:aws:s3:::tidb-cloud-source-data/mydata/a.csv";
const SECRET = "CANARYwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

type Row = [label: string, message: string, expected: Record<string, unknown>];

const TIDB: Row[] = [
  [
    "role, English (guide)",
    `Cannot assume the provided role ${ROLE}. Check the trust relationships settings on the role. For example, check whether the trust entity has been set to the TiDB Cloud account ID and whether the TiDB Cloud External ID is correctly set in the trust condition.`,
    { kind: "tidb-assume-role", language: "en", step: "assume-role", roleArn: ROLE },
  ],
  [
    "role, English (console)",
    `Unable to assume the provided role '${ROLE}'. Please check the trust relationship of the role.`,
    { kind: "tidb-assume-role", language: "en", step: "assume-role", roleArn: ROLE },
  ],
  [
    "role, Japanese (pingcap/docs)",
    `指定されたロール\`${ROLE}\`を引き受けることができません。ロールの信頼関係の設定を確認してください。例えば、信頼エンティティが\`TiDB Cloud account ID\`に設定されているか、信頼条件の\`TiDB Cloud External ID\`が正しく設定されているかを確認してください。`,
    { kind: "tidb-assume-role", language: "ja", step: "assume-role", roleArn: ROLE },
  ],
  [
    "role, Japanese (guide)",
    `提供されたロールを仮定できません \`${ROLE}\`。ロールの信頼関係設定を確認してください。`,
    { kind: "tidb-assume-role", language: "ja", step: "assume-role", roleArn: ROLE },
  ],
  [
    "role, Japanese heading",
    "指定された役割を引き受けることができません",
    { kind: "tidb-assume-role", language: "ja", step: "assume-role" },
  ],
  [
    "role, Japanese, 引き受けられません",
    `指定されたロール ${ROLE} を引き受けられません。`,
    { kind: "tidb-assume-role", language: "ja", roleArn: ROLE },
  ],
  [
    "access key, English",
    `Access denied to the source 's3://tidb-cloud-source-data/mydata/' using the access key ID 'AKIAIOSFODNN7EXAMPLE' and the secret access key '${SECRET}'`,
    {
      kind: "tidb-access-key",
      language: "en",
      step: "identity-policy",
      bucketUri: "s3://tidb-cloud-source-data/mydata/",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    },
  ],
  [
    "access key, Japanese (guide)",
    `アクセスキーID 'AKIAIOSFODNN7EXAMPLE'およびシークレットアクセスキー'${SECRET}'を使用してソース's3://tidb-cloud-source-data/mydata/'に対するアクセスが拒否されました`,
    {
      kind: "tidb-access-key",
      language: "ja",
      step: "identity-policy",
      bucketUri: "s3://tidb-cloud-source-data/mydata/",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    },
  ],
  [
    "access key, Japanese (pingcap/docs)",
    `アクセスキーID'AKIAIOSFODNN7EXAMPLE'とシークレットアクセスキー'${SECRET}'を使用したソース's3://tidb-cloud-source-data/mydata/'へのアクセスが拒否されました。`,
    {
      kind: "tidb-access-key",
      language: "ja",
      bucketUri: "s3://tidb-cloud-source-data/mydata/",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    },
  ],
];

const denial = (action: string, resource: string, tail: string) =>
  `User: ${SESSION} is not authorized to perform: ${action} on resource: "${resource}" ${tail}`;
const denialJa = (action: string, resource: string, tail: string) =>
  `ユーザー: ${SESSION} には、リソース: "${resource}" に対して ${action} を実行する権限がありません。${tail}`;

const AWS: Row[] = [
  [
    "S3, no identity allow",
    denial("s3:GetObject", OBJECT, "because no identity-based policy allows the s3:GetObject action"),
    { kind: "s3-access-denied", step: "identity-policy", policyType: "identity", explicit: false, resource: OBJECT },
  ],
  [
    "S3, no identity allow, Japanese",
    denialJa(
      "s3:GetObject",
      OBJECT,
      "アイデンティティベースのポリシーで s3:GetObject アクションが許可されていないためです。",
    ),
    {
      kind: "s3-access-denied",
      step: "identity-policy",
      policyType: "identity",
      explicit: false,
      principal: SESSION,
      resource: OBJECT,
    },
  ],
  [
    "S3, explicit deny in the bucket policy",
    denial("s3:GetObject", OBJECT, "with an explicit deny in a resource-based policy"),
    { kind: "s3-access-denied", step: "bucket-policy", policyType: "resource", explicit: true },
  ],
  [
    "S3, explicit deny in the bucket policy, Japanese",
    denialJa("s3:GetObject", OBJECT, "リソースベースのポリシーに明示的な拒否があるためです。"),
    { kind: "s3-access-denied", step: "bucket-policy", policyType: "resource", explicit: true },
  ],
  [
    "S3, permissions boundary, Japanese",
    denialJa(
      "s3:ListBucket",
      "arn:aws:s3:::tidb-cloud-source-data",
      "アクセス許可の境界で s3:ListBucket アクションが許可されていないためです。",
    ),
    { kind: "s3-access-denied", step: "identity-policy", policyType: "permissions-boundary", explicit: false },
  ],
  [
    "S3, SCP, Japanese",
    denialJa("s3:GetObject", OBJECT, "サービスコントロールポリシーに明示的な拒否があるためです。"),
    { kind: "s3-access-denied", step: "summary", policyType: "scp", explicit: true },
  ],
  [
    "KMS, no identity allow: the permission policies",
    denial("kms:Decrypt", KEY, "because no identity-based policy allows the kms:Decrypt action"),
    { kind: "kms-access-denied", step: "identity-policy", policyType: "identity", action: "kms:Decrypt" },
  ],
  [
    "KMS, no identity allow, Japanese: the permission policies",
    denialJa(
      "kms:Decrypt",
      KEY,
      "アイデンティティベースのポリシーで kms:Decrypt アクションが許可されていないためです。",
    ),
    { kind: "kms-access-denied", step: "identity-policy", policyType: "identity", resource: KEY },
  ],
  [
    "KMS, key policy",
    denial("kms:Decrypt", KEY, "because no resource-based policy allows the kms:Decrypt action"),
    { kind: "kms-access-denied", step: "encryption", policyType: "resource", explicit: false },
  ],
  [
    "KMS, key policy, Japanese",
    denialJa("kms:Decrypt", KEY, "リソースベースのポリシーで kms:Decrypt アクションが許可されていないためです。"),
    { kind: "kms-access-denied", step: "encryption", policyType: "resource", explicit: false },
  ],
  [
    "KMS, cross-account (Knowledge Center)",
    `User: ${SESSION} is not authorized to perform: kms:Decrypt on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`,
    { kind: "kms-access-denied", step: "encryption", action: "kms:Decrypt" },
  ],
  [
    "KMS, older SDK text",
    "The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.",
    { kind: "kms-access-denied", step: "encryption" },
  ],
  ["KMS, Japanese", "KMS キーへのアクセスが拒否されました。", { kind: "kms-access-denied", step: "encryption" }],
  ["KMS, disabled key", `DisabledException: ${KEY} is disabled.`, { kind: "kms-key-state", step: "encryption" }],
  [
    "KMS, pending deletion",
    `KMSInvalidStateException: ${KEY} is pending deletion.`,
    { kind: "kms-key-state", step: "encryption" },
  ],
  ["KMS, disabled, Japanese", "KMS キーが無効になっています。", { kind: "kms-key-state", step: "encryption" }],
  [
    "STS",
    `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::380838443567:root is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`,
    { kind: "sts-assume-role-denied", step: "assume-role", roleArn: ROLE },
  ],
  [
    "region, TiDB",
    "s3 bucket and region are not matched, bucket=tidb-cloud-source-data, input region=us-west-2, real region=ap-northeast-1",
    { kind: "bucket-region", step: "bucket-policy" },
  ],
  [
    "region, TiDB, bucket region",
    "failed to get region of bucket tidb-cloud-source-data",
    { kind: "bucket-region", step: "bucket-policy" },
  ],
  [
    "region, S3 redirect",
    "PermanentRedirect: The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.",
    { kind: "bucket-region", step: "bucket-policy" },
  ],
  [
    "region, S3 signature region",
    "AuthorizationHeaderMalformed: The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'ap-northeast-1'",
    { kind: "bucket-region", step: "bucket-policy" },
  ],
  [
    "region, Japanese",
    "S3 バケットとリージョンが一致しません。bucket=tidb-cloud-source-data, input region=us-west-2, real region=ap-northeast-1",
    { kind: "bucket-region", step: "bucket-policy" },
  ],
  [
    "region, Japanese, bucket region unreadable",
    "バケット tidb-cloud-source-data のリージョンを取得できませんでした。",
    { kind: "bucket-region", step: "bucket-policy" },
  ],
  ["generic, Japanese", "アクセスが拒否されました (AccessDenied)", { kind: "generic-access-denied" }],
];

describe("triageErrorMessage: the messages users paste", () => {
  it.each([...TIDB, ...AWS])("%s", (_label, message, expected) => {
    const t = triageErrorMessage(message);
    expect(t).toMatchObject(expected);
    expect(JSON.stringify(t)).not.toContain("CANARY");
  });

  it("returns null for text that is none of them, in either language", () => {
    for (const text of ["the weather is nice", "今日はいい天気です。", "インポートが完了しました。", "", "   "]) {
      expect(triageErrorMessage(text)).toBeNull();
    }
  });

  it("does not take TiDB Cloud's Japanese access-key message for a KMS one", () => {
    const t = triageErrorMessage(TIDB[7][1]);
    expect(t?.kind).toBe("tidb-access-key");
  });
});

describe("redactErrorMessage", () => {
  it.each(TIDB.filter(([label]) => label.startsWith("access key")))(
    "removes the secret access key from the %s message",
    (_l, message) => {
      const out = redactErrorMessage(message);
      expect(out).not.toContain("CANARY");
      expect(out).toContain("[redacted]");
      expect(out).toContain("AKIAIOSFODNN7EXAMPLE");
      expect(triageErrorMessage(out)).toMatchObject({ kind: "tidb-access-key" });
    },
  );
});
