/**
 * CheckId is the catalogue's ids (lib/checks/ids.ts), held equal to the registry at compile time: a check whose id is
 * not in the list, or an id without a check, does not compile (lib/checks/registry.ts). The `@ts-expect-error` lines
 * below are the proof that a misspelled id does not compile where ids are written: `npm test` runs `tsc --noEmit`
 * over the tests, and an `@ts-expect-error` whose line compiles is itself an error.
 */
import { describe, expect, it } from "vitest";
import { ReportSchema } from "@/lib/report/schema";
import type { Finding } from "@/lib/report/types";
import type { Triage } from "@/lib/triage/types";
import { CHECK_IDS, type CheckId } from "./ids";
import { CHECKS } from "./registry";
import { defineCheck, l } from "./types";

const MISSPELLED = "identity.get-objects";

describe("check ids", () => {
  it("are the registry's, once each and in its order", () => {
    expect(CHECKS.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
  });

  it("an unknown id does not compile in a check, a triage, a finding or a list of ids", () => {
    const check = defineCheck({
      // @ts-expect-error a check of an id the catalogue does not have
      id: MISSPELLED,
      step: "identity-policy",
      title: l("t", "t"),
      run: () => ({ status: "pass" as const, detail: l("", "") }),
    });
    // @ts-expect-error a triage naming a check that does not exist
    const triage: Triage = { kind: "s3-access-denied", step: "identity-policy", checks: [MISSPELLED] };
    // @ts-expect-error a finding of a check that does not exist
    const finding: Finding = { id: MISSPELLED, step: "identity-policy", status: "fail", title: "", detail: "" };
    // @ts-expect-error a list of ids with a typo
    const ids: CheckId[] = ["identity.get-object", MISSPELLED];
    // What the compiler refused is what the catalogue lacks.
    expect(CHECK_IDS).not.toContain(check.id);
    expect(CHECK_IDS).not.toContain(triage.checks?.[0]);
    expect(CHECK_IDS).not.toContain(finding.id);
    expect(ids.filter((id) => !CHECK_IDS.includes(id))).toEqual([MISSPELLED]);
  });

  it("a report naming a check this version does not have is refused at the share boundary, naming the path", () => {
    const report = {
      version: 1,
      target: { mode: "role", bucketUri: "s3://b/f/" },
      findings: [{ id: MISSPELLED, step: "identity-policy", status: "fail", title: "t", detail: "d" }],
      summary: { pass: 0, fail: 1, warn: 0, unknown: 0, skipped: 0 },
    };
    const bad = ReportSchema.safeParse(report);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["findings.0.id"]);
    const good = ReportSchema.safeParse({
      ...report,
      findings: [{ ...report.findings[0], id: "identity.get-object" }],
    });
    expect(good.success).toBe(true);
  });
});
