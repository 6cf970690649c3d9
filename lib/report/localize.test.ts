import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";
import { localizeReport } from "./localize";

const snapshot = JSON.parse(
  readFileSync(new URL("../../tests/fixtures/snapshots/role-wrong-external-id.json", import.meta.url), "utf8"),
) as Snapshot;
const now = new Date("2026-11-28T00:00:00Z");

describe("reports in both languages", () => {
  it("a report made in English reads in Japanese exactly as one made in Japanese", async () => {
    const en = await analyzeSnapshot(snapshot, { locale: "en", now });
    const ja = await analyzeSnapshot(snapshot, { locale: "ja", now });
    const read = localizeReport(en, "ja");
    const text = (r: typeof en) => r.findings.map((f) => [f.id, f.title, f.detail, f.unavailable ?? null]);
    expect(text(read)).toEqual(text(ja));
    expect(read.findings.find((f) => f.id === "role.trust.external-id")?.title).toMatch(/外部ID/);
    // And back: the Japanese report reads in English as the English one.
    expect(text(localizeReport(ja, "en"))).toEqual(text(en));
  });

  it("leaves a report without translations (made before they existed) as it is", async () => {
    const en = await analyzeSnapshot(snapshot, { locale: "en", now });
    const old = { ...en, findings: en.findings.map(({ translations: _t, ...f }) => f) };
    expect(localizeReport(old, "ja")).toEqual(old);
  });
});
