/**
 * Fresh authorization questions of the import's shape, as JSON text: 20 identity policies of 20 statements, a
 * permissions boundary of 20 statements and the bucket or key policy of 20 statements, most with conditions. Every
 * question has its own account, bucket, role, session, key, Sids, condition values, statement order and action
 * spellings (IAM actions are case-insensitive), so no two questions share a document or a statement, and most
 * resource patterns and condition entries are their own (a few repeat where IAM has little variety: Bool
 * aws:SecureTransport, a region). The bench counts the engine's cache lookups to show that none of them answered.
 */

/** mulberry32: a small seeded generator, so that a run can be repeated. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = ReturnType<typeof rng>;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const word = (r: Rand, n = 8) =>
  Array.from({ length: n }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(r() * 36)]).join("");
const digits = (r: Rand, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join("");
const hex = (r: Rand, n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join("");
/** The action as one spelling among several (s3:GetObject, s3:getobject, S3:GETOBJECT…): IAM ignores the case. */
const spell = (r: Rand, a: string) => {
  const x = r();
  return x < 0.6
    ? a
    : x < 0.8
      ? a.toLowerCase()
      : x < 0.9
        ? a.toUpperCase()
        : a.replace(/[a-z]/, (c) => c.toUpperCase());
};
function shuffle<T>(r: Rand, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** Action groups: a few for the import, the rest for other work, as real accounts have. */
const ACTIONS = [
  ["s3:GetObject", "s3:GetObjectVersion"],
  ["ec2:Describe*"],
  ["s3:ListBucket", "s3:GetBucketLocation"],
  ["dynamodb:GetItem", "dynamodb:Query"],
  ["kms:Decrypt", "kms:GenerateDataKey"],
  ["logs:CreateLogStream", "logs:PutLogEvents"],
  ["s3:PutObject", "s3:DeleteObject"],
  ["sqs:SendMessage", "sqs:ReceiveMessage"],
  ["iam:PassRole"],
  ["cloudwatch:PutMetricData"],
  ["sns:Publish"],
  ["lambda:InvokeFunction"],
  ["ssm:GetParameter*"],
  ["secretsmanager:GetSecretValue"],
  ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
  ["s3:Get*"],
  ["glue:GetTable", "glue:GetDatabase"],
  ["athena:StartQueryExecution"],
  ["sts:AssumeRole"],
  ["s3:ListAllMyBuckets"],
];
const REGIONS = ["ap-northeast-1", "us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1"];

interface World {
  r: Rand;
  account: string;
  bucket: string;
  role: string;
  session: string;
  key: string;
  region: string;
  otherRegion: string;
  cidr: string;
  ip: string;
  prefix: string;
  team: string;
  vpce: string;
}

function world(seed: number): World {
  const r = rng(seed);
  const a = Math.floor(r() * 256);
  const b = Math.floor(r() * 256);
  const region = pick(r, REGIONS);
  return {
    r,
    account: digits(r, 12),
    bucket: `tidb-${word(r, 10)}`,
    role: `tidb-import-${word(r, 6)}`,
    session: `session-${word(r, 10)}`,
    key: `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`,
    region,
    otherRegion: pick(
      r,
      REGIONS.filter((x) => x !== region),
    ),
    cidr: `10.${a}.${b}.0/24`,
    ip: `10.${a}.${b}.${1 + Math.floor(r() * 250)}`,
    prefix: `data-${word(r, 5)}/`,
    team: `team-${word(r, 6)}`,
    vpce: `vpce-${hex(r, 17)}`,
  };
}

/** Conditions of Allow statements (the import's context satisfies most of them). */
function allowCondition(w: World): Record<string, Record<string, unknown>> | undefined {
  const { r } = w;
  switch (Math.floor(r() * 8)) {
    case 0:
      return { StringEquals: { "aws:RequestedRegion": shuffle(r, [w.region, w.otherRegion]) } };
    case 1:
      return { IpAddress: { "aws:SourceIp": shuffle(r, [w.cidr, `192.168.${Math.floor(r() * 256)}.0/24`]) } };
    case 2:
      return { StringLike: { "s3:prefix": [w.prefix, `${w.prefix}*`] } };
    case 3:
      return { Bool: { "aws:SecureTransport": pick(r, ["true", true]) } };
    case 4:
      return { StringNotEquals: { "aws:PrincipalTag/team": `blocked-${word(r, 4)}` } };
    case 5:
      return { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${w.account}:role/tidb-import-*` } };
    case 6:
      return {
        StringEquals: { "aws:PrincipalAccount": w.account },
        StringLike: { "s3:prefix": `${w.prefix}*` },
      };
    default:
      return undefined;
  }
}

/** Deny statements: the usual guard rails, which the import's requests do not trip. */
function denyCondition(w: World): Record<string, Record<string, unknown>> {
  const { r } = w;
  switch (Math.floor(r() * 4)) {
    case 0:
      return { Bool: { "aws:SecureTransport": "false" } };
    case 1:
      return { StringNotEquals: { "aws:RequestedRegion": shuffle(r, [w.region, w.otherRegion]) } };
    case 2:
      return { DateLessThan: { "aws:TokenIssueTime": `20${10 + Math.floor(r() * 10)}-01-01T00:00:00Z` } };
    default:
      return { NotIpAddress: { "aws:SourceIp": [w.cidr, `172.16.${Math.floor(r() * 256)}.0/24`] } };
  }
}

function resourceFor(w: World, action: string, deny: boolean): string {
  const { r } = w;
  if (deny) return "*";
  const bucket = r() < 0.4 ? w.bucket : `other-${word(r, 8)}`;
  if (action.startsWith("kms:"))
    return r() < 0.5 ? `arn:aws:kms:${w.region}:${w.account}:key/${w.key}` : `arn:aws:kms:*:${w.account}:key/*`;
  if (action.startsWith("s3:List") || action === "s3:GetBucketLocation") return `arn:aws:s3:::${bucket}`;
  if (action.startsWith("s3:")) return `arn:aws:s3:::${bucket}/${r() < 0.5 ? `${w.prefix}*` : "*"}`;
  if (action === "sts:AssumeRole") return `arn:aws:iam::${w.account}:role/${word(r, 8)}`;
  return "*";
}

function statement(w: World, resourcePolicy: boolean) {
  const { r } = w;
  const deny = r() < 0.11;
  const actions = deny ? ["s3:*", "kms:*", "dynamodb:*"] : pick(r, ACTIONS);
  const condition = deny ? denyCondition(w) : allowCondition(w);
  return {
    Sid: `S${word(r, 10)}`,
    Effect: deny ? "Deny" : "Allow",
    ...(resourcePolicy
      ? {
          Principal:
            r() < 0.5 ? { AWS: `arn:aws:iam::${w.account}:role/${w.role}` } : { AWS: `arn:aws:iam::${w.account}:root` },
        }
      : {}),
    Action: actions.map((a) => spell(r, a)),
    Resource: resourceFor(w, actions[0], deny),
    ...(condition ? { Condition: condition } : {}),
  };
}

const policy = (w: World, resourcePolicy = false) => ({
  Version: "2012-10-17",
  Statement: Array.from({ length: 20 }, () => statement(w, resourcePolicy)),
});

/** A boundary that lets S3 and KMS through (one statement, at a random place) among 19 others. */
function boundary(w: World) {
  const st = Array.from({ length: 19 }, () => statement(w, false));
  st.splice(Math.floor(w.r() * 20), 0, {
    Sid: `Storage${word(w.r, 6)}`,
    Effect: "Allow",
    Action: ["s3:*", "kms:Decrypt", "kms:GenerateDataKey"].map((a) => spell(w.r, a)),
    Resource: "*",
  });
  return { Version: "2012-10-17", Statement: st };
}

/** The import's five requests. */
const REQUESTS = ["s3:GetBucketLocation", "s3:ListBucket", "s3:GetObject", "s3:GetObjectVersion", "kms:Decrypt"];

export interface FreshQuestion {
  /** The question as JSON text, as a user's tool would send it. */
  text: string;
  action: string;
}

/** Question number `seed`: its own documents, one of the import's five requests (in turn). */
export function freshQuestion(seed: number): FreshQuestion {
  const w = world(seed * 7919 + 17);
  const action = REQUESTS[seed % REQUESTS.length];
  const principal = `arn:aws:sts::${w.account}:assumed-role/${w.role}/${w.session}`;
  const bucketArn = `arn:aws:s3:::${w.bucket}`;
  const object = `${bucketArn}/${w.prefix}part-${digits(w.r, 5)}.csv`;
  const keyArn = `arn:aws:kms:${w.region}:${w.account}:key/${w.key}`;
  const context: Record<string, string> = {
    "aws:SecureTransport": "true",
    "aws:RequestedRegion": w.region,
    "aws:SourceIp": w.ip,
  };
  let resource = object;
  if (action === "s3:GetBucketLocation") resource = bucketArn;
  if (action === "s3:ListBucket") {
    resource = bucketArn;
    context["s3:prefix"] = w.prefix;
  }
  if (action === "kms:Decrypt") {
    resource = keyArn;
    context["kms:ViaService"] = `s3.${w.region}.amazonaws.com`;
    context["kms:EncryptionContext:aws:s3:arn"] = object;
  }
  const identityPolicies = Array.from({ length: 20 }, () => policy(w));
  const q = {
    request: { principal, action, resource, context },
    principalAccount: w.account,
    resourceAccount: w.account,
    identityPolicies,
    permissionsBoundary: boundary(w),
    sessionPolicy: null,
    resourcePolicy: policy(w, true),
  };
  return { text: JSON.stringify(q), action };
}
