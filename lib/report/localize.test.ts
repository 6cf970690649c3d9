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

  it("gives a settings fix its console steps and notes in the report's language, and in the other one on request", async () => {
    const ownership = JSON.parse(
      readFileSync(
        new URL("../../tests/fixtures/snapshots/role-object-ownership-object-writer.json", import.meta.url),
        "utf8",
      ),
    ) as Snapshot;
    const fixOf = (r: Awaited<ReturnType<typeof analyzeSnapshot>>) =>
      r.findings.find((f) => f.id === "bucket.object-ownership")!.fix!;
    const en = await analyzeSnapshot(ownership, { locale: "en", now });
    const ja = await analyzeSnapshot(ownership, { locale: "ja", now });
    expect(fixOf(en).console?.[0]).toMatch(/Permissions tab/);
    expect(fixOf(ja).console?.[0]).toMatch(/アクセス許可/);
    expect(fixOf(ja).notes?.[0]).toMatch(/他のアプリケーション/);
    expect(fixOf(localizeReport(en, "ja"))).toEqual(fixOf(ja));
    expect(fixOf(localizeReport(ja, "en"))).toEqual(fixOf(en));
  });

  it("leaves a report without translations (made before they existed) as it is", async () => {
    const en = await analyzeSnapshot(snapshot, { locale: "en", now });
    const old = { ...en, findings: en.findings.map(({ translations: _t, ...f }) => f) };
    expect(localizeReport(old, "ja")).toEqual(old);
  });
});
