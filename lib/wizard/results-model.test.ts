import { describe, expect, it } from "vitest";
import { analyzeSnapshot } from "@/lib/checks";
import { buildOfflineSnapshot } from "./build-snapshot";
import { EXAMPLES } from "./examples";
import { resultsModel } from "./results-model";

// The guide's correct setup, pasted, with nothing about the objects or Requester Pays.
const ex = EXAMPLES["wrong-external-id"];
const good = { ...ex.documents, trustPolicy: EXAMPLES["missing-slash-star"].documents.trustPolicy };
const listing = JSON.stringify({
  IsTruncated: false,
  Contents: [{ Key: "mydata/a.csv", Size: 10, StorageClass: "STANDARD", Owner: { ID: "c".repeat(64) } }],
});
const head = JSON.stringify({ ContentLength: 10, ETag: '"x"', ServerSideEncryption: "AES256" });

const results = async (docs: typeof good, locale: "en" | "ja" = "en") => {
  const report = await analyzeSnapshot(buildOfflineSnapshot(ex.start, docs).snapshot, { locale });
  return resultsModel(report, { locale });
};
const statuses = (m: Awaited<ReturnType<typeof results>>) =>
  Object.fromEntries(m.model.steps.filter((s) => s.cards.length).map((s) => [s.id, s.status]));

describe("the wizard's results, offline", () => {
  it("a correct setup without the objects: the verdict names what could not be checked, no step is purple", async () => {
    for (const locale of ["en", "ja"] as const) {
      const m = await results(good, locale);
      expect(m.model.verdict.kind).toBe("open");
      expect(m.gaps.map((g) => g.id)).toEqual(expect.arrayContaining(["objects.present", "bucket.requester-pays"]));
      expect(m.gaps.every((g) => m.model.verdict.about.includes(g.id))).toBe(true);
      // five are listed by name and the rest counted: so the line below the verdict lists them all
      expect(m.gapsNamed).toBe(false);
      // (the summary keeps org.guardrails, which no member account can read, offline or live)
      const { summary: _summary, ...others } = statuses(m);
      expect(Object.values(others)).not.toContain("unknown");
      expect(Object.keys(others).length).toBeGreaterThan(4);
      // never an all-clear while something was not checked
      expect(m.model.verdict.kind).not.toBe("clean");
    }
    expect((await results(good, "ja")).model.verdict.sentence).toMatch(/確認できませんでした/);
  });

  it("when the verdict names every gap, the line below it does not list them again", async () => {
    const m = await results({ ...good, objectListing: listing, objectHeads: [{ key: "mydata/a.csv", text: head }] });
    expect(m.gaps.map((g) => g.id)).toEqual(["bucket.requester-pays"]);
    expect(m.gapsNamed).toBe(true);
    expect(m.model.verdict.sentence).toContain(m.gaps[0].title);
  });

  it("with a failing check, the verdict is about it, and the gaps are listed once below it", async () => {
    const m = await results({ ...good, bucketPolicy: EXAMPLES["bucket-policy-deny"].documents.bucketPolicy });
    expect(m.model.verdict.kind).toBe("fails");
    expect(m.gapsNamed).toBe(false);
    expect(m.gaps.length).toBeGreaterThan(0);
  });

  it("everything pasted: no gaps, and the model is the whole report's", async () => {
    const m = await results({
      ...good,
      requesterPays: '{ "Payer": "BucketOwner" }',
      objectListing: listing,
      objectHeads: [{ key: "mydata/a.csv", text: head }],
    });
    expect(m.gaps).toEqual([]);
    expect(m.model.verdict.kind).toBe("clean");
    expect(m.shown.findings.length).toBeGreaterThan(10);
  });
});
