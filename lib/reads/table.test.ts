// The one declaration of what each step reads agrees with the offline form: each box gives exactly data that the
// rows it stands for read live, and each step's re-check shows the boxes of its rows. (That the collector reads
// exactly the rows' operations is proven against the fake endpoint in tests/integration/recheck-reads.test.ts.)
import { describe, expect, it } from "vitest";
import { STEPS, type StepId } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { buildOfflineSnapshot } from "@/lib/wizard/build-snapshot";
import { EXAMPLES } from "@/lib/wizard/examples";
import { EMPTY_DOCUMENTS, type OfflineDocuments, type StartInput } from "@/lib/wizard/form-types";
import { OPERATIONS } from "./operations";
import { boxesOfStep, OFFLINE_BOXES, READ_IDS, READS, readsForSteps, readsOfStep, type OfflineBox } from "./table";

const KEY_ARN = "arn:aws:kms:ap-northeast-1:111122223333:key/c3046e91-fdfc-4f3a-acff-00597dd3801f";
const kmsExample = EXAMPLES["kms-no-decrypt"];

/** The fields of the offline form each box holds (as the form draws them, components/wizard/offline-documents.tsx). */
const BOX_FIELDS: Record<OfflineBox, (keyof OfflineDocuments)[]> = {
  trust: ["trustPolicy"],
  identity: ["identityPolicies", "userArn"],
  bucketPolicy: ["bucketPolicy", "bucketOwnerAccountId", "requesterPays"],
  ownership: ["objectOwnership"],
  encryption: ["bucketEncryption", "keyPolicies"],
  objects: ["objectListing", "objectHeads"],
};

const FULL: OfflineDocuments = {
  ...kmsExample.documents,
  bucketPolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }),
  bucketOwnerAccountId: "444455556666",
  userArn: "arn:aws:iam::111122223333:user/tidb-importer",
  keyPolicies: [{ keyArn: KEY_ARN, text: JSON.stringify({ Version: "2012-10-17", Statement: [] }) }],
  requesterPays: JSON.stringify({ Payer: "BucketOwner" }),
  objectListing: JSON.stringify({ Contents: [{ Key: "mydata/a.csv", Size: 3, StorageClass: "STANDARD" }] }),
  objectHeads: [{ key: "mydata/a.csv", text: JSON.stringify({ ContentLength: 3, ServerSideEncryption: "AES256" }) }],
};

/** "role.trustPolicy", "bucket.policy", "keys.*", "objects[].sse", …: the parts a snapshot defines (two levels deep). */
function parts(s: Snapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(s)) {
    if (k === "unavailable" || k === "target" || k === "version") continue;
    if (v && typeof v === "object" && !Array.isArray(v))
      for (const [k2, v2] of Object.entries(v)) {
        if (v2 !== undefined && v2 !== null) out.set(k === "keys" ? "keys.*" : `${k}.${k2}`, JSON.stringify(v2));
      }
    else if (v !== undefined && v !== null) {
      out.set(k, JSON.stringify(v));
      // the objects' HEAD facts
      const sse = Array.isArray(v) ? (v as { sse?: unknown }[]).map((o) => o.sse) : [];
      if (sse.some((x) => x !== undefined)) out.set(`${k}[].sse`, JSON.stringify(sse));
    }
  }
  return out;
}

/** The parts that filling just this box adds to (or changes in) the snapshot of an empty form. */
function partsOfBox(box: OfflineBox, start: StartInput): string[] {
  // Left empty, the bucket owner defaults to the principal's account: an inference, not data of the identity box.
  const base: OfflineDocuments = {
    ...EMPTY_DOCUMENTS,
    bucketOwnerAccountId: box === "bucketPolicy" ? "" : "999988887777",
  };
  const only = { ...base } as Record<string, unknown>;
  for (const f of BOX_FIELDS[box]) only[f] = FULL[f];
  const empty = parts(buildOfflineSnapshot(start, base).snapshot);
  const built = buildOfflineSnapshot(start, only as unknown as OfflineDocuments);
  expect(built.errors, box).toEqual([]);
  return [...parts(built.snapshot)].filter(([p, v]) => empty.get(p) !== v).map(([p]) => p);
}

const fillsOfBox = (box: OfflineBox, mode: "role" | "access-key") =>
  new Set(
    READ_IDS.filter((id) => READS[id].box === box && (!READS[id].mode || READS[id].mode === mode)).flatMap((id) =>
      READS[id].fills.map(String),
    ),
  );

describe("the read table and the offline form agree", () => {
  for (const mode of ["role", "access-key"] as const) {
    const start: StartInput = { ...kmsExample.start, mode, accessKeyId: "AKIAIOSFODNN7EXAMPLE" };
    for (const box of OFFLINE_BOXES) {
      if (box === "trust" && mode === "access-key") continue;
      it(`${mode}: the "${box}" box gives only data its rows read live, and some of each row's`, () => {
        const given = partsOfBox(box, start);
        expect(given.length, `${box} gives nothing`).toBeGreaterThan(0);
        const fills = fillsOfBox(box, mode);
        for (const p of given) expect(fills, `${p} (from the ${box} box)`).toContain(p);
        for (const id of READ_IDS.filter((i) => READS[i].box === box && (!READS[i].mode || READS[i].mode === mode)))
          expect(
            READS[id].fills.some((f) => given.includes(f)),
            `row ${id} has the ${box} box but the box gives none of ${READS[id].fills.join(", ")}`,
          ).toBe(true);
      });
    }
  }

  it("each step's re-check shows the boxes of its own rows", () => {
    const shown = Object.fromEntries(STEPS.map((s) => [s, boxesOfStep(s)]));
    expect(shown).toEqual({
      intake: [],
      "assume-role": ["trust"],
      "identity-policy": ["identity", "encryption"],
      "bucket-policy": ["bucketPolicy"],
      "object-ownership": ["ownership", "objects"],
      encryption: ["encryption", "objects"],
      summary: [],
    });
    for (const step of STEPS.filter((s) => s !== "summary"))
      for (const id of readsOfStep(step))
        if (READS[id].box) expect(shown[step], `${step}/${id}`).toContain(READS[id].box);
  });
});

describe("what a run reads", () => {
  it("every operation of the diagnosing credentials belongs to a row, and every row's operations exist", () => {
    const declared = new Set(READ_IDS.flatMap((id) => READS[id].ops));
    expect([...declared].sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  it("a step's run reads its rows, what they need, and the caller; the simulator only when asked", () => {
    const all = readsForSteps(undefined);
    expect([...all].sort()).toEqual(READ_IDS.filter((id) => id !== "simulation").sort());
    expect(readsForSteps(undefined, true).has("simulation")).toBe(true);
    expect([...readsForSteps(["assume-role"], true)].sort()).toEqual(["caller", "role"]);
    // object tags are read (when a policy asks for them) for the bucket policy's conditions
    expect([...readsForSteps(["bucket-policy"])].sort()).toEqual([
      "bucket",
      "bucketPolicy",
      "caller",
      "objectTags",
      "objects",
      "requesterPays",
    ]);
    // a key's id comes from the default encryption or an object's HEAD, and an alias resolves in the bucket's region
    expect([...readsForSteps(["encryption"])].sort()).toEqual(
      ["bucket", "caller", "encryption", "keys", "objectHeads", "objects"].sort(),
    );
    for (const step of STEPS as readonly StepId[]) {
      const reads = readsForSteps([step], true);
      for (const id of reads)
        for (const n of READS[id].needs ?? []) expect(reads, `${step}: ${id} needs ${n}`).toContain(n);
    }
  });
});
