/**
 * One example per classic mistake, as a user would paste them in offline mode (bare documents and raw AWS CLI
 * output mixed on purpose). Values follow TiDB Cloud's guide: bucket tidb-cloud-source-data, folder mydata/.
 */
import type { CheckId } from "@/lib/checks/ids";
import type { StepId } from "@/lib/report/types";
import { EMPTY_DOCUMENTS, type OfflineDocuments, type StartInput } from "./form-types";

export const EXAMPLE_IDS = [
  "wrong-external-id",
  "wrong-trust-principal",
  "missing-slash-star",
  "missing-list-bucket",
  "bucket-policy-deny",
  "object-writer",
  "kms-no-decrypt",
  "aws-managed-key-cross-account",
] as const;
export type ExampleId = (typeof EXAMPLE_IDS)[number];

export interface Example {
  id: ExampleId;
  start: StartInput;
  documents: OfflineDocuments;
  /** The check that this example makes fail (or warn), and the step it is shown in. */
  expect: { checkId: CheckId; step: StepId };
}

const ACCOUNT = "111122223333";
const TIDB_ACCOUNT = "380838443567";
const EXTERNAL_ID = "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe";
const OTHER_EXTERNAL_ID = "696e6672612d6170690b5d0c7e2f8a4c1d3e5f7a9b1c3d5e7f";
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/tidb-import`;
const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/tidb-importer`;
const OTHER_USER_ARN = "arn:aws:iam::444455556666:user/tidb-importer";
const BUCKET = "tidb-cloud-source-data";
const KEY_ARN = `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/c3046e91-fdfc-4f3a-acff-00597dd3801f`;

const json = (v: unknown) => JSON.stringify(v, null, 2);

const roleStart: StartInput = {
  mode: "role",
  bucketUri: `s3://${BUCKET}/mydata/`,
  roleArn: ROLE_ARN,
  externalId: EXTERNAL_ID,
  tidbAccountId: TIDB_ACCOUNT,
  accessKeyId: "",
  region: "ap-northeast-1",
  errorMessage: "",
};

const keyStart: StartInput = {
  ...roleStart,
  mode: "access-key",
  roleArn: "",
  externalId: "",
  tidbAccountId: "",
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
};

function trust(externalId: string, principal = `arn:aws:iam::${TIDB_ACCOUNT}:root`) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: principal },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": externalId } },
      },
    ],
  };
}

/** The guide's recommended role policy, optionally with another object resource or without some statements. */
function s3Policy(objectResource = `arn:aws:s3:::${BUCKET}/mydata/*`, { list = true, kms = false } = {}) {
  const statements: Record<string, unknown>[] = [
    {
      Sid: "VisualEditor0",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:GetObjectVersion"],
      Resource: objectResource,
    },
  ];
  if (list)
    statements.push({
      Sid: "VisualEditor1",
      Effect: "Allow",
      Action: ["s3:ListBucket", "s3:GetBucketLocation"],
      Resource: `arn:aws:s3:::${BUCKET}`,
    });
  if (kms) statements.push({ Sid: "AllowKMSkey", Effect: "Allow", Action: ["kms:Decrypt"], Resource: KEY_ARN });
  return { Version: "2012-10-17", Statement: statements };
}

/** `aws iam get-role` output, as the CLI prints it. */
function getRole(doc: unknown) {
  return json({
    Role: {
      Path: "/",
      RoleName: "tidb-import",
      RoleId: "AROAEXAMPLEID1234567",
      Arn: ROLE_ARN,
      CreateDate: "2026-01-15T08:00:00+00:00",
      AssumeRolePolicyDocument: doc,
      MaxSessionDuration: 3600,
    },
  });
}

const good: OfflineDocuments = {
  ...EMPTY_DOCUMENTS,
  trustPolicy: json(trust(EXTERNAL_ID)),
  identityPolicies: [{ name: "tidb-s3-read", text: json(s3Policy()) }],
  bucketPolicy:
    "An error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation: The bucket policy does not exist",
  objectOwnership: json({ OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] } }),
  bucketEncryption: json({
    ServerSideEncryptionConfiguration: {
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" }, BucketKeyEnabled: false }],
    },
  }),
  keyPolicies: [{ keyArn: "", text: "" }],
};

export const EXAMPLES: Record<ExampleId, Example> = {
  "wrong-external-id": {
    id: "wrong-external-id",
    start: roleStart,
    documents: { ...good, trustPolicy: getRole(trust(OTHER_EXTERNAL_ID)) },
    expect: { checkId: "role.trust.external-id", step: "assume-role" },
  },
  "wrong-trust-principal": {
    id: "wrong-trust-principal",
    start: roleStart,
    // Raw IAM API form: the document URL-encoded.
    documents: {
      ...good,
      trustPolicy: encodeURIComponent(JSON.stringify(trust(EXTERNAL_ID, "arn:aws:iam::999988887777:root"))),
    },
    expect: { checkId: "role.trust.principal", step: "assume-role" },
  },
  "missing-slash-star": {
    id: "missing-slash-star",
    start: roleStart,
    documents: {
      ...good,
      identityPolicies: [
        {
          name: "",
          text: json({
            RoleName: "tidb-import",
            PolicyName: "tidb-s3-read",
            PolicyDocument: s3Policy(`arn:aws:s3:::${BUCKET}/mydata`),
          }),
        },
      ],
    },
    expect: { checkId: "identity.get-object", step: "identity-policy" },
  },
  "missing-list-bucket": {
    id: "missing-list-bucket",
    start: keyStart,
    documents: {
      ...good,
      trustPolicy: "",
      userArn: USER_ARN,
      identityPolicies: [
        {
          name: "",
          text: json({
            UserName: "tidb-importer",
            PolicyName: "tidb-s3-read",
            PolicyDocument: s3Policy(undefined, { list: false }),
          }),
        },
      ],
    },
    expect: { checkId: "identity.list-bucket", step: "identity-policy" },
  },
  "bucket-policy-deny": {
    id: "bucket-policy-deny",
    start: roleStart,
    documents: {
      ...good,
      bucketPolicy: json({
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "OnlyAdmins",
              Effect: "Deny",
              Principal: "*",
              Action: "s3:*",
              Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
              Condition: { StringNotEquals: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/admin` } },
            },
          ],
        }),
      }),
    },
    expect: { checkId: "bucket.policy.deny", step: "bucket-policy" },
  },
  "object-writer": {
    id: "object-writer",
    start: roleStart,
    documents: {
      ...good,
      objectOwnership: json({ OwnershipControls: { Rules: [{ ObjectOwnership: "ObjectWriter" }] } }),
    },
    expect: { checkId: "bucket.object-ownership", step: "object-ownership" },
  },
  "kms-no-decrypt": {
    id: "kms-no-decrypt",
    start: roleStart,
    documents: {
      ...good,
      bucketEncryption: json({
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: KEY_ARN },
              BucketKeyEnabled: true,
            },
          ],
        },
      }),
      keyPolicies: [
        {
          keyArn: KEY_ARN,
          text: json({
            Policy: JSON.stringify({
              Version: "2012-10-17",
              Id: "key-default-1",
              Statement: [
                {
                  Sid: "Enable IAM User Permissions",
                  Effect: "Allow",
                  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
                  Action: "kms:*",
                  Resource: "*",
                },
              ],
            }),
            PolicyName: "default",
          }),
        },
      ],
    },
    expect: { checkId: "identity.kms-decrypt", step: "identity-policy" },
  },
  "aws-managed-key-cross-account": {
    id: "aws-managed-key-cross-account",
    start: keyStart,
    documents: {
      ...good,
      trustPolicy: "",
      userArn: OTHER_USER_ARN,
      bucketOwnerAccountId: ACCOUNT,
      identityPolicies: [{ name: "tidb-import", text: json(s3Policy()) }],
      bucketPolicy: json({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "ImporterBucket",
            Effect: "Allow",
            Principal: { AWS: OTHER_USER_ARN },
            Action: ["s3:ListBucket", "s3:GetBucketLocation"],
            Resource: `arn:aws:s3:::${BUCKET}`,
          },
          {
            Sid: "ImporterObjects",
            Effect: "Allow",
            Principal: { AWS: OTHER_USER_ARN },
            Action: "s3:GetObject",
            Resource: `arn:aws:s3:::${BUCKET}/mydata/*`,
          },
        ],
      }),
      // SSE-KMS without a key id: the AWS managed key aws/s3, which cannot be granted to another account.
      bucketEncryption: json({
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" }, BucketKeyEnabled: false }],
        },
      }),
    },
    expect: { checkId: "kms.aws-managed-key", step: "encryption" },
  },
};

export const EXAMPLE_VALUES = {
  ACCOUNT,
  TIDB_ACCOUNT,
  EXTERNAL_ID,
  OTHER_EXTERNAL_ID,
  ROLE_ARN,
  USER_ARN,
  BUCKET,
  KEY_ARN,
};
