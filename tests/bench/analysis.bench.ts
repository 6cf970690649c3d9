/**
 * analysis.large_snapshot_ms: analyse a large snapshot (50 identity policies holding 500 statements in all, 200
 * objects under the folder) with every check of the catalogue; median of several runs after a warm-up.
 * analysis.large_snapshot_with_fixes_ms: the same snapshot with five classic mistakes (GetObject without the trailing
 * /*, no ListBucket, a bucket-policy Deny outside a VPC endpoint, a key policy that does not trust the role's account,
 * Object Ownership ObjectWriter), so that the analysis also builds and proves five fixes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";
import type { Figure } from "./run";

const KEY = "arn:aws:kms:ap-northeast-1:111122223333:key/1f2e3d4c-5b6a-4789-8abc-0123456789ab";

function largeSnapshot(): Snapshot {
  const base = JSON.parse(readFileSync(join(process.cwd(), "tests/fixtures/snapshots/role-ok.json"), "utf8"));
  const inline: Record<string, unknown> = {};
  // 50 policies x 10 statements: unrelated buckets, a few Denies that do not match, and the real grants at the end.
  for (let p = 0; p < 50; p++) {
    const statements: unknown[] = [];
    for (let s = 0; s < 10; s++) {
      const i = p * 10 + s;
      statements.push(
        s === 9
          ? { Sid: `Deny${i}`, Effect: "Deny", Action: "s3:DeleteObject", Resource: `arn:aws:s3:::bucket-${i}/*` }
          : {
              Sid: `S${i}`,
              Effect: "Allow",
              Action: ["s3:GetObject", "s3:ListBucket"],
              Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/data-${i}/*`],
              Condition: { StringLike: { "s3:prefix": [`data-${i}/*`] } },
            },
      );
    }
    inline[`policy-${p}`] = { Version: "2012-10-17", Statement: statements };
  }
  inline["policy-49"] = base.role.inlinePolicies["s3-read"];
  base.role.inlinePolicies = inline;
  base.objects = Array.from({ length: 200 }, (_, i) => ({
    key: `mydata/part-${String(i).padStart(4, "0")}.csv`,
    size: 1024,
    storageClass: "STANDARD",
    ownerAccountId: "111122223333",
    sse: "aws:kms",
    kmsKeyId: KEY,
  }));
  base.bucket.policy = {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: ["arn:aws:s3:::tidb-cloud-source-data", "arn:aws:s3:::tidb-cloud-source-data/*"],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  };
  const parsed = parseSnapshot(base);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.snapshot;
}

/** The large snapshot with five mistakes, each of which gets a fix. */
function largeSnapshotWithMistakes(): Snapshot {
  const s = structuredClone(largeSnapshot());
  const bucketArn = "arn:aws:s3:::tidb-cloud-source-data";
  s.role!.inlinePolicies!["policy-49"] = {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "Objects",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:GetObjectVersion"],
        Resource: `${bucketArn}/mydata`,
      },
      { Sid: "Bucket", Effect: "Allow", Action: "s3:GetBucketLocation", Resource: bucketArn },
      { Sid: "Key", Effect: "Allow", Action: "kms:Decrypt", Resource: KEY },
    ],
  };
  (s.bucket!.policy!.Statement as unknown[]).push({
    Sid: "DenyOutsideVpce",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-0a1b2c3d" } },
  });
  s.keys![KEY].policy = {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "Admins",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:role/key-admin" },
        Action: "kms:*",
        Resource: "*",
      },
    ],
  };
  s.bucket!.objectOwnership = "ObjectWriter";
  return s;
}

async function median(snapshot: Snapshot, runs: number): Promise<number> {
  await analyzeSnapshot(snapshot); // warm-up (compiles the policies, loads modules)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A fresh copy each time: the engine caches compiled policies by object identity, and a user's snapshot is new.
    const copy = structuredClone(snapshot);
    const t0 = performance.now();
    const report = await analyzeSnapshot(copy);
    times.push(performance.now() - t0);
    if (report.findings.length === 0) throw new Error("empty report");
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)] * 10) / 10;
}

export default async function (): Promise<Figure[]> {
  const runs = 7;
  const withMistakes = largeSnapshotWithMistakes();
  const fixes = (await analyzeSnapshot(withMistakes)).findings.filter((f) => f.fix).length;
  return [
    {
      name: "analysis.large_snapshot_ms",
      value: await median(largeSnapshot(), runs),
      unit: "ms",
      how: `median of ${runs} analyses (after a warm-up) of a role-mode snapshot with 50 identity policies, 500 statements, 200 objects, a KMS key and a bucket policy: every check of the catalogue`,
    },
    {
      name: "analysis.large_snapshot_with_fixes_ms",
      value: await median(withMistakes, runs),
      unit: "ms",
      how: `median of ${runs} analyses of the same snapshot with five classic mistakes (${fixes} fixes built and proven)`,
    },
  ];
}
