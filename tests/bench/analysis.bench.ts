/**
 * analysis.large_snapshot_ratio: analyse a large snapshot (50 identity policies holding 500 statements in all, 200
 * objects under the folder) with every check of the catalogue, in CPU time, ÷ reading the same snapshot from its JSON
 * text (JSON.parse + parseSnapshot, the zod validation every snapshot goes through), measured in the same process in
 * alternating rounds: the floor no analysis can beat is reading its input. Median of the rounds, with the spread.
 * analysis.large_snapshot_with_fixes_ratio: the same with five classic mistakes (GetObject without the trailing /*, no
 * ListBucket, a bucket-policy Deny outside a VPC endpoint, a key policy that does not trust the role's account,
 * Object Ownership ObjectWriter), so that the analysis also builds and proves five fixes.
 * analysis.large_snapshot_ms and analysis.large_snapshot_with_fixes_ms: the analyses' wall times in those rounds
 * (informational: absolute, so they swing with the machine).
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";
import type { Figure } from "./run";
import { cpu, median, wall } from "./timing";

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

const REFERENCE_MS = 40;

interface Rounds {
  /** Per round: analysis CPU ms, analysis wall ms, reference CPU ms, ratio. */
  analysis: number[];
  analysisWall: number[];
  reference: number[];
  ratios: number[];
  warmUp: number;
  fixes: number;
  findings: number;
  characters: number;
}

/** Reading the snapshot as every analysis of pasted or collected input does: its JSON text parsed and validated. */
function read(text: string): Snapshot {
  const parsed = parseSnapshot(JSON.parse(text));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.snapshot;
}

/**
 * `rounds` rounds after `warmUp` analyses; in each, the reference (read the text) and the analysis of a snapshot read from the
 * same text (a fresh object: the engine caches compiled policies by object identity, and a user's snapshot is new),
 * one after the other, the order alternating between rounds.
 */
async function measure(snapshot: Snapshot, warmUp: number, rounds: number): Promise<Rounds> {
  const text = JSON.stringify(snapshot);
  const now = new Date("2026-11-28T00:00:00Z");
  // Warm-up: compiles the modules' code and lets the JIT settle (the CPU time of an analysis of the large snapshot
  // keeps falling for about the first eight).
  let warm = await analyzeSnapshot(read(text), { now });
  for (let i = 1; i < warmUp; i++) warm = await analyzeSnapshot(read(text), { now });
  for (let i = 0; i < 20; i++) read(text);
  const out: Rounds = {
    analysis: [],
    analysisWall: [],
    reference: [],
    ratios: [],
    warmUp,
    fixes: warm.findings.filter((f) => f.fix).length,
    findings: warm.findings.length,
    characters: text.length,
  };
  for (let r = 0; r < rounds; r++) {
    const copy = read(text);
    // One read is about a millisecond: timed read by read for at least REFERENCE_MS of CPU time together, the round's
    // reference being their median, so that a garbage collection of the analysis's leftovers does not decide it.
    const reference = () => {
      const times: number[] = [];
      const start = cpu();
      while (times.length < 5 || cpu() - start < REFERENCE_MS) {
        const c0 = cpu();
        if (!read(text).target) throw new Error("no target");
        times.push(cpu() - c0);
      }
      return median(times);
    };
    const referenceFirst = r % 2 === 1;
    const before = referenceFirst ? reference() : undefined;
    const c0 = cpu();
    const w0 = wall();
    const report = await analyzeSnapshot(copy, { now });
    const analysis = cpu() - c0;
    out.analysisWall.push(wall() - w0);
    if (report.findings.length !== out.findings) throw new Error("a different report");
    const ref = before ?? reference();
    out.analysis.push(analysis);
    out.reference.push(ref);
    out.ratios.push(analysis / ref);
  }
  return out;
}

const list = (xs: number[], digits: number) => xs.map((x) => x.toFixed(digits)).join(", ");
const spread = (xs: number[], digits: number) =>
  `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)} (${list(xs, digits)})`;

function figures(name: string, what: string, m: Rounds, rounds: number): Figure[] {
  const load = os.loadavg()[0].toFixed(1);
  const reference = `reading the same snapshot from its JSON text (${m.characters} characters): JSON.parse + parseSnapshot (the zod validation every pasted, collected or bundled snapshot goes through), the floor no analysis can beat`;
  return [
    {
      name: `${name}_ratio`,
      value: Number(median(m.ratios).toFixed(1)),
      unit: "ratio",
      how: `CPU time of one analysis (analyzeSnapshot, every check of the catalogue, fixes built and proven, the report in English) of ${what} ÷ CPU time of ${reference}; one process, ${rounds} rounds after ${m.warmUp} warm-up analyses, in each the reference (the median of reads timed one by one for at least ${REFERENCE_MS} ms of CPU time) right before or after the analysis, alternately; median of the rounds' ratios, spread ${spread(m.ratios, 1)}; analysis ${list(m.analysis, 1)} ms, reference ${list(m.reference, 2)} ms of CPU time (user + system, garbage collection included); ${m.findings} findings, ${m.fixes} fixes; 1-min load average ${load} at the end`,
    },
    {
      name: `${name}_ms`,
      value: Number(median(m.analysisWall).toFixed(1)),
      unit: "ms",
      how: `wall time of the analyses of ${name}_ratio: median of ${rounds} rounds (${list(m.analysisWall, 1)} ms), after the warm-up, each of a snapshot read afresh from its text; informational: absolute, so it swings with the machine (the ratio is the figure)`,
    },
  ];
}

export default async function (): Promise<Figure[]> {
  const large = await measure(largeSnapshot(), 8, 9);
  const withFixes = await measure(largeSnapshotWithMistakes(), 4, 7);
  const shape =
    "a role-mode snapshot with 50 identity policies, 500 statements, 200 objects, a KMS key and a bucket policy";
  return [
    ...figures("analysis.large_snapshot", shape, large, 9),
    ...figures(
      "analysis.large_snapshot_with_fixes",
      `the same snapshot with five classic mistakes (${withFixes.fixes} fixes built and proven)`,
      withFixes,
      7,
    ),
  ];
}
