/**
 * A shared report replaces account IDs, bucket names, object keys, key IDs and External IDs with placeholders
 * (lib/share/redact.ts). The Terraform and CloudFormation snippets and the stack a fix names are part of the report:
 * for every fixture, none of the replaced values is left in them, neither as written nor rewritten as an identifier
 * (a Terraform label "tidb_cloud_source_data", a logical ID "TidbCloudSourceData").
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import type { Fix } from "@/lib/report/types";
import { redactReport } from "@/lib/share/redact";

const DIR = join(process.cwd(), "tests/fixtures/snapshots");
const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
  .map((f) => f.slice(0, -".json".length))
  .sort();

/** A value as written, and as an identifier would spell it. */
function spellings(value: string): string[] {
  const words = value.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return [value, words.join("_"), words.map((w) => w[0].toUpperCase() + w.slice(1)).join("")].filter(
    (s) => s.length >= 4,
  );
}

function infraOf(fix: Fix | undefined): unknown[] {
  if (!fix) return [];
  return [fix, ...(fix.alternatives ?? [])].map((f) => [f.terraform, f.cloudformation, f.stack]);
}

describe("the infrastructure code of a shared report holds no redacted value", () => {
  it.each(names)("%s", async (name) => {
    const parsed = parseSnapshot(JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")));
    if (!parsed.ok) throw new Error(name);
    const report = await analyzeSnapshot(parsed.snapshot, { now: new Date("2026-11-28T00:00:00Z") });
    const { report: shared, replacements } = redactReport(report);
    const code = JSON.stringify(shared.findings.flatMap((f) => infraOf(f.fix)));
    // What the redacted documents themselves still hold is not the snippets' doing (see lib/share/redact.ts).
    const documents = JSON.stringify(shared.findings.map((f) => [f.fix?.before, f.fix?.after]));
    for (const r of replacements)
      for (const s of spellings(r.original))
        if (!documents.includes(s)) expect(code, `${r.kind} ${r.original}`).not.toContain(s);
  });
});
