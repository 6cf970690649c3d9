import { describe, expect, it } from "vitest";
import { buildOfflineSnapshot } from "@/lib/wizard/build-snapshot";
import { EXAMPLES } from "@/lib/wizard/examples";
import { latinSentences } from "@/tests/support/japanese-text";
import { analyzeSnapshotAction } from "./analyze-snapshot";

const ex = EXAMPLES["bucket-policy-deny"];
const snapshot = buildOfflineSnapshot(ex.start, ex.documents).snapshot;

describe("analyzeSnapshotAction", () => {
  it("analyses a pasted snapshot in the asked language", async () => {
    const r = await analyzeSnapshotAction({ snapshot, locale: "ja" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const deny = r.data.report.findings.find((f) => f.id === "bucket.policy.deny");
    expect(deny?.status).toBe("fail");
    expect(deny?.title).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it("limits the analysis to the asked steps (a re-check)", async () => {
    const r = await analyzeSnapshotAction({ snapshot, locale: "en", steps: ["bucket-policy"] });
    expect(r.ok && [...new Set(r.data.report.findings.map((f) => f.step))]).toEqual(["bucket-policy"]);
  });

  it("names the JSON path of an invalid snapshot instead of throwing", async () => {
    const r = await analyzeSnapshotAction({
      snapshot: { ...snapshot, bucket: { ...snapshot.bucket, objectOwnership: "Mine" } },
      locale: "en",
    });
    expect(r).toMatchObject({ ok: false, error: { code: "input.invalid", field: "snapshot.bucket.objectOwnership" } });
    const bad = await analyzeSnapshotAction({ snapshot, locale: "fr" });
    expect(bad).toMatchObject({ ok: false, error: { code: "input.invalid", field: "locale" } });
  });

  it("says what is wrong in a pasted snapshot in the page's language", async () => {
    const broken = { ...snapshot, bucket: { ...snapshot.bucket, objectOwnership: "Mine" } };
    const ja = await analyzeSnapshotAction({ snapshot: broken, locale: "ja" });
    expect(ja.ok).toBe(false);
    if (ja.ok) return;
    expect(ja.error.field).toBe("snapshot.bucket.objectOwnership");
    expect(latinSentences(ja.error.message)).toEqual([]);
    expect(ja.error.message).toMatch(/[ぁ-んァ-ン一-龯]/);
    const en = await analyzeSnapshotAction({ snapshot: broken, locale: "en" });
    expect(!en.ok && en.error.message).toMatch(/^snapshot\.bucket\.objectOwnership: Invalid option/);
  });
});
