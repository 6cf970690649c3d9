import { describe, expect, it } from "vitest";
import { analyzeSnapshot } from "@/lib/checks";
import { buildOfflineSnapshot } from "./build-snapshot";
import { EXAMPLES } from "./examples";
import { offlineGaps, withoutOfflineGaps } from "./offline-gaps";
import { reportModel } from "@/lib/report/view-model";
import type { Report } from "@/lib/report/types";

/** A step's status as the wizard shows it (the report model's). */
const stepStatus = (report: Report, step: string) =>
  reportModel(report, { locale: "en" }).steps.find((s) => s.id === step)?.status;

// The guide's correct setup, pasted: a trust policy and role policy that allow the import, no bucket policy,
// Object Ownership enforced, SSE-S3.
const ex = EXAMPLES["wrong-external-id"];
const good = {
  ...ex.documents,
  trustPolicy: EXAMPLES["missing-slash-star"].documents.trustPolicy,
};
const listing = JSON.stringify({
  IsTruncated: false,
  Contents: [
    { Key: "mydata/a.csv", Size: 10, StorageClass: "STANDARD", Owner: { ID: "c".repeat(64) } },
    { Key: "mydata/sub/b.csv", Size: 20, StorageClass: "STANDARD", Owner: { ID: "c".repeat(64) } },
  ],
});
const head = JSON.stringify({ ContentLength: 10, ETag: '"x"', ServerSideEncryption: "AES256" });

const analyse = async (docs: typeof good) => analyzeSnapshot(buildOfflineSnapshot(ex.start, docs).snapshot);

describe("offline gaps", () => {
  it("with the listing, the HEADs and Requester Pays pasted, a correct setup is a clean pass offline", async () => {
    const report = await analyse({
      ...good,
      requesterPays: '{ "Payer": "BucketOwner" }',
      objectListing: listing,
      objectHeads: [
        { key: "mydata/a.csv", text: head },
        { key: "mydata/sub/b.csv", text: head },
      ],
    });
    const notPass = report.findings.filter((f) => f.status !== "pass" && f.status !== "skipped").map((f) => f.id);
    // only what no member account can read, offline or live
    expect(notPass).toEqual(["org.guardrails"]);
    expect(offlineGaps(report)).toEqual([]);
  });

  it("without them, the undecided checks are named once and no step turns purple for them", async () => {
    const report = await analyse(good);
    const gaps = offlineGaps(report).map((f) => f.id);
    expect(gaps).toEqual(
      expect.arrayContaining([
        "bucket.requester-pays",
        "objects.foreign-owner",
        "objects.encryption-keys",
        "objects.sse-c",
        "objects.present",
        "summary.next-steps",
      ]),
    );
    expect(stepStatus(report, "encryption")).toBe("unknown");
    const shown = withoutOfflineGaps(report);
    for (const step of ["bucket-policy", "object-ownership", "encryption"] as const)
      expect(stepStatus(shown, step), step).toBe("pass");
    // the report itself keeps them unknown (shared reports and the CLI say so)
    expect(report.findings.find((f) => f.id === "objects.present")?.status).toBe("unknown");
    expect(shown.summary).toEqual(report.summary);
  });

  it("a Japanese report names the same gaps, each reason in Japanese", async () => {
    const snapshot = buildOfflineSnapshot(ex.start, good).snapshot;
    const en = offlineGaps(await analyzeSnapshot(snapshot)).map((f) => f.id);
    const ja = offlineGaps(await analyzeSnapshot(snapshot, { locale: "ja" }));
    expect(ja.map((f) => f.id)).toEqual(en);
    expect(en.length).toBeGreaterThan(0);
    for (const f of ja.filter((g) => g.id !== "summary.next-steps"))
      expect(f.unavailable, f.id).toMatch(/入力されていません/);
  });

  it("“I don't know” leaves them out the same way, and says so", async () => {
    const report = await analyse({ ...good, skipObjects: true, skipRequesterPays: true });
    const present = offlineGaps(report).find((f) => f.id === "objects.present");
    expect(present?.unavailable).toMatch(/left out offline/);
  });

  it("a check that failed, or that live-style reasons left unknown, is never a gap", async () => {
    const report = await analyse({ ...good, bucketPolicy: EXAMPLES["bucket-policy-deny"].documents.bucketPolicy });
    expect(offlineGaps(report).map((f) => f.id)).not.toContain("bucket.policy.deny");
    const snapshot = buildOfflineSnapshot(ex.start, good).snapshot;
    snapshot.unavailable = { ...snapshot.unavailable, objects: "AccessDenied on s3:ListBucket" };
    const live = await analyzeSnapshot(snapshot);
    expect(offlineGaps(live).map((f) => f.id)).not.toContain("objects.present");
  });
});
