/**
 * Fuzzing snapshots (what a user pastes or a live read produces) through validation and the analysis, and through the
 * wizard's offline server action: mutated fixture snapshots never throw; a rejection names the JSON path; an accepted
 * snapshot always yields a complete report (every check once, a valid status, a summary that adds up).
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { analyzeSnapshotAction } from "@/lib/actions/analyze-snapshot";
import { analyzeSnapshot, applyFixes, CHECK_IDS, parseSnapshot } from "@/lib/checks";
import { canonicalJson } from "@/lib/checks/prove";
import { STATUSES, type Report } from "@/lib/report/types";
import { expectClearMessage, fuzzParams, fuzzTimeout, jsonFiles, junk, mutated } from "./support";

const SNAPSHOTS = jsonFiles("tests/fixtures/snapshots")
  .filter((f) => !f.file.endsWith(".expected.json"))
  .map((f) => f.value);

function expectCompleteReport(report: Report) {
  expect(report.version).toBe(1);
  const ids = report.findings.map((f) => f.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const f of report.findings) {
    expect(STATUSES).toContain(f.status);
    expect(CHECK_IDS).toContain(f.id);
    expectClearMessage(f.title);
  }
  const total = Object.values(report.summary).reduce((a, b) => a + b, 0);
  expect(total).toBe(report.findings.length);
  // a report never fails to serialise (it goes to share links and the CLI's --json)
  expect(() => JSON.stringify(report)).not.toThrow();
}

describe("fuzz: snapshots", () => {
  it(
    "parseSnapshot never throws; accepted snapshots analyse into a complete report; rejections name a path",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 5, arbitrary: mutated(SNAPSHOTS) }, { weight: 1, arbitrary: junk }),
          async (raw) => {
            const parsed = parseSnapshot(raw);
            if (parsed.ok) {
              expectCompleteReport(await analyzeSnapshot(parsed.snapshot));
            } else {
              expect(parsed.issues.length).toBeGreaterThan(0);
              for (const i of parsed.issues) {
                expect(typeof i.path).toBe("string");
                expectClearMessage(i.message, { maxLength: 2000 });
              }
            }
          },
        ),
        fuzzParams(150, 0.1),
      );
    },
    fuzzTimeout(150, 0.1, 60),
  );

  it(
    "every fix shown for a mutated snapshot is proven: it changes its document, and applying all of them turns each fixed check to pass without a new failure",
    async () => {
      const now = new Date("2026-11-28T00:00:00Z");
      await fc.assert(
        fc.asyncProperty(mutated(SNAPSHOTS), async (raw) => {
          const parsed = parseSnapshot(raw);
          if (!parsed.ok) return;
          const report = await analyzeSnapshot(parsed.snapshot, { now });
          const fixed = report.findings.filter((f) => f.fix);
          if (fixed.length === 0) return;
          for (const f of fixed) expect(canonicalJson(f.fix!.before), f.id).not.toBe(canonicalJson(f.fix!.after));
          const fixedSnapshot = applyFixes(parsed.snapshot, report);
          delete fixedSnapshot.simulation;
          delete fixedSnapshot.groundTruth;
          const again = await analyzeSnapshot(fixedSnapshot, { now });
          const after = new Map(again.findings.map((f) => [f.id, f.status]));
          for (const f of fixed) expect(`${f.id}: ${after.get(f.id)}`).toBe(`${f.id}: pass`);
          const failedBefore = new Set(report.findings.filter((f) => f.status === "fail").map((f) => f.id));
          expect(again.findings.filter((f) => f.status === "fail" && !failedBefore.has(f.id)).map((f) => f.id)).toEqual(
            [],
          );
        }),
        fuzzParams(60, 0.05),
      );
    },
    fuzzTimeout(60, 0.05, 100),
  );

  it(
    "the wizard's analysis action answers every input with a report or an input error naming the field",
    async () => {
      // its one log line per call is kept out of the test output, and checked: structured, with the outcome only
      const lines: string[] = [];
      const out = vi.spyOn(process.stdout, "write").mockImplementation((s) => (lines.push(String(s)), true));
      let calls = 0;
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.record(
              { snapshot: mutated(SNAPSHOTS), locale: fc.oneof(fc.constantFrom("en", "ja"), junk) },
              { requiredKeys: ["snapshot"] },
            ),
            async (input) => {
              calls++;
              const r = await analyzeSnapshotAction(input);
              if (r.ok) {
                expectCompleteReport(r.data.report);
              } else {
                expect(r.error.code).toBe("input.invalid");
                expectClearMessage(r.error.message, { maxLength: 2000 });
                expect(typeof r.error.field).toBe("string");
                expect(r.error.message.startsWith(`${r.error.field}: `)).toBe(true);
              }
            },
          ),
          fuzzParams(60, 0.05),
        );
      } finally {
        out.mockRestore();
      }
      const events = lines
        .join("")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { event: string; ok: boolean });
      expect(events.filter((e) => e.event === "wizard.analyze")).toHaveLength(calls);
    },
    fuzzTimeout(60, 0.05, 60),
  );
});
