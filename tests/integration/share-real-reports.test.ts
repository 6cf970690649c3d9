/**
 * Reports the checks really produce (the wizard's example of each classic mistake, analysed in English and Japanese)
 * are accepted for sharing (no secret false positive) and, redacted, keep none of the example's identifiers.
 */
import { describe, expect, it } from "vitest";
import { analyzeSnapshot } from "@/lib/checks";
import { checkReport } from "@/lib/share/report-schema";
import { redactReport } from "@/lib/share/redact";
import { buildOfflineSnapshot } from "@/lib/wizard/build-snapshot";
import { EXAMPLES, EXAMPLE_IDS, EXAMPLE_VALUES } from "@/lib/wizard/examples";

const KEY_ID = EXAMPLE_VALUES.KEY_ARN.split("/").pop()!;
const ORIGINALS = [
  EXAMPLE_VALUES.ACCOUNT,
  EXAMPLE_VALUES.BUCKET,
  EXAMPLE_VALUES.EXTERNAL_ID,
  EXAMPLE_VALUES.OTHER_EXTERNAL_ID,
  KEY_ID,
];

describe.each(EXAMPLE_IDS)("the %s example's report", (exampleId) => {
  it.each(["en", "ja"] as const)("is accepted and redacted completely (%s)", async (locale) => {
    const example = EXAMPLES[exampleId];
    const { snapshot } = buildOfflineSnapshot(example.start, example.documents);
    const report = await analyzeSnapshot(snapshot, { locale, now: new Date("2026-11-28T00:00:00Z") });

    const plain = checkReport(report);
    expect(plain.ok ? "accepted" : plain.message).toBe("accepted");

    // The report does name them before redaction.
    expect(JSON.stringify(report)).toContain(EXAMPLE_VALUES.ACCOUNT);
    expect(JSON.stringify(report)).toContain(EXAMPLE_VALUES.BUCKET);

    const { report: redacted } = redactReport(report);
    const red = checkReport(redacted);
    expect(red.ok ? "accepted" : red.message).toBe("accepted");
    const json = JSON.stringify(redacted);
    for (const original of ORIGINALS) expect(json).not.toContain(original);
    expect(json).not.toMatch(/(?<![\w-])mydata\//);
    expect(redacted.findings.map((f) => [f.id, f.status])).toEqual(report.findings.map((f) => [f.id, f.status]));
    if (report.target.tidbAccountId) expect(redacted.target.tidbAccountId).toBe(report.target.tidbAccountId);
  });
});
