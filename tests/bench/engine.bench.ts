/**
 * engine.evaluations_per_second: the import's five requests (GetBucketLocation, ListBucket with a prefix, GetObject,
 * GetObjectVersion, kms:Decrypt) evaluated against 20 policies of 20 statements each, with conditions
 * (18 identity policies + a permissions boundary + the bucket or key policy), on one core, the documents reused.
 * Then engine.evaluation_vs_parse_ratio (each evaluation ÷ JSON.parse of its request, same rounds); engine.fresh_question_ms and engine.fresh_vs_parse_ratio (fresh-engine.ts): questions whose documents the
 * engine has never seen; and engine.fresh_validate_ms (fresh-validate.ts): validatePolicy on such documents.
 */
import { evaluate, type AuthorizationQuestion } from "@/lib/policy";
import { freshFigures } from "./fresh-engine";
import { freshValidateFigure } from "./fresh-validate";
import type { Figure } from "./run";
import { cpu, median, wall } from "./timing";

const A = "111122223333";
const BUCKET = "arn:aws:s3:::tidb-cloud-source-data";
const KEY = `arn:aws:kms:ap-northeast-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const SESSION = `arn:aws:sts::${A}:assumed-role/tidb-import/tidb-session`;

/** 20 action groups: a few for the import, the rest for other work, as real accounts have. */
const ACTIONS = [
  ["s3:GetObject", "s3:GetObjectVersion"],
  ["ec2:Describe*"],
  ["s3:ListBucket", "s3:GetBucketLocation"],
  ["dynamodb:GetItem", "dynamodb:Query"],
  ["kms:Decrypt", "kms:GenerateDataKey"],
  ["logs:CreateLogStream", "logs:PutLogEvents"],
  ["s3:PutObject", "s3:DeleteObject"],
  ["sqs:SendMessage"],
  ["iam:PassRole"],
  ["cloudwatch:PutMetricData"],
  ["sns:Publish"],
  ["lambda:InvokeFunction"],
  ["ssm:GetParameter*"],
  ["secretsmanager:GetSecretValue"],
  ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
  ["s3:Get*"],
  ["glue:GetTable"],
  ["athena:StartQueryExecution"],
  ["sts:AssumeRole"],
  ["s3:ListAllMyBuckets"],
];
/** Conditions of Allow statements (the import's context satisfies most of them). */
const CONDITIONS = [
  { StringEquals: { "aws:RequestedRegion": ["ap-northeast-1", "us-east-1"] } },
  { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24"] } },
  { StringLike: { "s3:prefix": ["mydata/", "mydata/*"] } },
  { Bool: { "aws:SecureTransport": "true" } },
  { StringNotEquals: { "aws:PrincipalTag/team": "blocked" } },
  { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${A}:role/tidb-*` } },
  undefined,
];
/** Deny statements: the usual guard rails, which the import's requests do not trip. */
const DENY_CONDITIONS = [
  { Bool: { "aws:SecureTransport": "false" } },
  { StringNotEquals: { "aws:RequestedRegion": ["ap-northeast-1", "us-east-1"] } },
  { DateLessThan: { "aws:TokenIssueTime": "2020-01-01T00:00:00Z" } },
];

function statement(p: number, i: number, resourcePolicy: boolean) {
  const n = p * 20 + i;
  const actions = ACTIONS[(n * 7) % ACTIONS.length];
  const deny = n % 9 === 4;
  const bucket = n % 3 === 0 ? BUCKET : `arn:aws:s3:::bucket-${n % 7}`;
  const resource = deny
    ? "*"
    : actions[0].startsWith("kms:")
      ? n % 2
        ? KEY
        : `arn:aws:kms:*:${A}:key/*`
      : actions[0].startsWith("s3:List") || actions[0] === "s3:GetBucketLocation"
        ? bucket
        : actions[0].startsWith("s3:")
          ? `${bucket}/${n % 2 ? "mydata/*" : "*"}`
          : "*";
  const condition = deny ? DENY_CONDITIONS[n % DENY_CONDITIONS.length] : CONDITIONS[n % CONDITIONS.length];
  return {
    Sid: `S${p}x${i}`,
    Effect: deny ? "Deny" : "Allow",
    ...(resourcePolicy
      ? { Principal: n % 2 ? { AWS: `arn:aws:iam::${A}:role/tidb-import` } : { AWS: `arn:aws:iam::${A}:root` } }
      : {}),
    Action: deny ? ["s3:*", "kms:*", "dynamodb:*"] : actions,
    Resource: resource,
    ...(condition ? { Condition: condition } : {}),
  };
}

const policy = (p: number, resourcePolicy = false) => ({
  Version: "2012-10-17",
  Statement: Array.from({ length: 20 }, (_, i) => statement(p, i, resourcePolicy)),
});

/** A permissions boundary of 20 statements that lets S3 and KMS through. */
const boundaryPolicy = () => ({
  Version: "2012-10-17",
  Statement: Array.from({ length: 20 }, (_, i) =>
    i === 0
      ? { Sid: "Storage", Effect: "Allow", Action: ["s3:*", "kms:Decrypt", "kms:GenerateDataKey"], Resource: "*" }
      : statement(40, i, false),
  ),
});

/** The benchmark's questions: the import's 5 requests against the 20 policies, for `objects` different data files. */
export function importQuestions(objects = 1): AuthorizationQuestion[] {
  const identityPolicies = Array.from({ length: 18 }, (_, p) => policy(p));
  const boundary = boundaryPolicy();
  const bucketPolicy = policy(19, true);
  const keyPolicy = policy(20, true);
  const context = {
    "aws:SecureTransport": "true",
    "aws:RequestedRegion": "ap-northeast-1",
    "aws:SourceIp": "203.0.113.9",
  };
  const ask = (
    action: string,
    resource: string,
    extra: Record<string, string> = {},
    resourcePolicy: unknown = bucketPolicy,
  ): AuthorizationQuestion => ({
    request: { principal: SESSION, action, resource, context: { ...context, ...extra } },
    principalAccount: A,
    resourceAccount: A,
    identityPolicies,
    permissionsBoundary: boundary,
    sessionPolicy: null,
    resourcePolicy,
  });
  const questions: AuthorizationQuestion[] = [];
  for (let i = 0; i < objects; i++) {
    const object = `${BUCKET}/mydata/part-${String(i).padStart(4, "0")}.csv`;
    questions.push(
      ask("s3:GetBucketLocation", BUCKET),
      ask("s3:ListBucket", BUCKET, { "s3:prefix": "mydata/" }),
      ask("s3:GetObject", object),
      ask("s3:GetObjectVersion", object),
      ask(
        "kms:Decrypt",
        KEY,
        { "kms:ViaService": "s3.ap-northeast-1.amazonaws.com", "kms:EncryptionContext:aws:s3:arn": object },
        keyPolicy,
      ),
    );
  }
  return questions;
}

const WARM_ROUNDS = 5;

/** Runs `step(k)` (k counts on across calls) until at least `ms` of CPU time have passed; returns calls per second. */
function rate(step: (k: number) => void, from: number, ms: number): { n: number; elapsed: number; perSecond: number } {
  let n = 0;
  const start = cpu();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 1000; i++) step(from + n + i);
    n += 1000;
    elapsed = cpu() - start;
  }
  return { n, elapsed, perSecond: (n / elapsed) * 1000 };
}

/**
 * engine.evaluations_per_second: the same documents asked about again and again, in CPU time of this process; and
 * engine.evaluation_vs_parse_ratio: the time of one such evaluation ÷ JSON.parse of that request's own text (the
 * principal, action, resource and context as they would arrive), measured in the same rounds, alternately.
 */
function warmFigures(): Figure[] {
  const questions = importQuestions(200);
  const m = questions.length;
  const requestTexts = questions.map((q) => JSON.stringify(q.request));
  // warm up (read and compile the policies, let the JIT settle)
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += evaluate(questions[i % m]).matched.length;
  for (let i = 0; i < 20_000; i++) sink += (JSON.parse(requestTexts[i % m]) as { action: string }).action.length;
  const evaluateStep = (k: number) => (sink += evaluate(questions[k % m]).matched.length);
  const parseStep = (k: number) => (sink += (JSON.parse(requestTexts[k % m]) as { action: string }).action.length);
  // Measured in CPU time of this process (user + system), so that other work on the machine does not count.
  const rates: number[] = [];
  const ratios: number[] = [];
  const parseRates: number[] = [];
  let total = 0;
  let totalCpu = 0;
  const wallStart = wall();
  for (let r = 0; r < WARM_ROUNDS; r++) {
    // Alternate which goes first, so that neither always runs on the warmer machine.
    const parseFirst = r % 2 === 1;
    const parsed = parseFirst ? rate(parseStep, total, 200) : undefined;
    const evaluated = rate(evaluateStep, total, 400);
    const parsedAfter = parsed ?? rate(parseStep, total, 200);
    rates.push(evaluated.perSecond);
    parseRates.push(parsedAfter.perSecond);
    ratios.push(parsedAfter.perSecond / evaluated.perSecond);
    total += evaluated.n;
    totalCpu += evaluated.elapsed;
  }
  const wallS = (wall() - wallStart) / 1000;
  if (sink < 0) console.log(sink);
  const shape =
    "the import's 5 requests (s3:GetBucketLocation, s3:ListBucket with s3:prefix, s3:GetObject, s3:GetObjectVersion, kms:Decrypt) for each of 200 data files, in turn, against 18 identity policies + a permissions boundary + the bucket or key policy, 20 statements each with conditions; explanations not read; each document is read once and compiled as questions need it (cached per document object) and each compiled pattern remembers its last answer, as when the checks ask several actions on one resource";
  const round = (xs: number[], digits = 0) => xs.map((x) => x.toFixed(digits)).join(", ");
  return [
    {
      name: "engine.evaluations_per_second",
      value: Math.round(median(rates)),
      unit: "evaluations/s",
      how: `evaluate() in one process on one core, the same documents reused: median of ${WARM_ROUNDS} rounds of at least 0.4 s of CPU time each (rounds: ${round(rates)} evaluations/s; ${total} evaluations in ${(totalCpu / 1000).toFixed(2)} s of CPU time, ${wallS.toFixed(2)} s wall, parse rounds included) after 20,000 warm-up ones: ${shape}; absolute, so it swings with the machine (engine.evaluation_vs_parse_ratio is the same measure against a reference of the same run)`,
    },
    {
      name: "engine.evaluation_vs_parse_ratio",
      value: Number(median(ratios).toFixed(2)),
      unit: "ratio",
      how: `CPU time of one evaluate() of engine.evaluations_per_second ÷ that of JSON.parse of the same request's text (${Math.round(requestTexts.reduce((a, t) => a + t.length, 0) / m)} characters on average: principal, action, resource, context), measured in the same ${WARM_ROUNDS} rounds (at least 0.2 s of CPU time of parsing each, before or after the evaluations, alternately); median of the rounds, spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} (${round(ratios, 2)}); JSON.parse rounds ${round(parseRates)} per second; ${shape}`,
    },
  ];
}

export default async function engineBench(): Promise<Figure[]> {
  return [...warmFigures(), ...freshFigures(), await freshValidateFigure()];
}
