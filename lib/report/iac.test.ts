import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";
import { parseReport } from "@/lib/share/report-schema";
import type { Report } from "./types";
import { reportModel, type ReportModel } from "./view-model";

const FIXTURE = "tests/fixtures/snapshots/role-cloudformation-stack-odd-names.json";

function snapshot(): Snapshot {
  const parsed = parseSnapshot(JSON.parse(readFileSync(FIXTURE, "utf8")));
  if (!parsed.ok) throw new Error("fixture");
  return parsed.snapshot;
}

/** Every corrected document of the model and its alternatives, by document name. */
function documents(model: ReportModel) {
  return model.problems.flatMap((c) => [
    ...(c.fix?.corrected ? [{ document: c.fix.document, ...c.fix.corrected }] : []),
    ...(c.fix?.alternatives ?? []).map((alt) => ({ document: alt.heading, ...alt })),
  ]);
}

describe("where the change belongs when a CloudFormation stack made what it edits", () => {
  it("names the stack and the logical ID, in both languages, and shows the CloudFormation snippet first and open", async () => {
    const report = await analyzeSnapshot(snapshot(), { now: new Date(0) });
    const trust = report.findings.find((f) => f.fix?.document === "trust-policy")!.fix!;
    expect(trust.stack).toMatchObject({ stackName: "TiDBCloudImport-Role", logicalId: "TiDBImportRole" });
    expect(trust.cloudformation?.code).toMatch(/^Resources:\n {2}TiDBImportRole:\n/);
    // A name the stack did not set would make CloudFormation replace the role.
    expect(trust.cloudformation?.code).not.toContain("RoleName");
    const en = documents(reportModel(report, { locale: "en" }));
    const ja = documents(reportModel(report, { locale: "ja" }));
    const trustEn = en.find((d) => d.document === "trust-policy")!;
    expect(trustEn.stack).toContain(
      "The role tidb-import was created by the CloudFormation stack “TiDBCloudImport-Role”",
    );
    expect(trustEn.stack).toContain("AssumeRolePolicyDocument of TiDBImportRole");
    expect(trustEn.infra.map((c) => [c.kind, c.open])).toEqual([
      ["cloudformation", true],
      ["terraform", false],
    ]);
    expect(ja.find((d) => d.document === "trust-policy")!.stack).toContain(
      "ロール tidb-import は CloudFormation スタック「TiDBCloudImport-Role」（論理 ID TiDBImportRole）で作成されています。",
    );
    // The managed policy's own stack, and the key's (the guide's key user, offered instead).
    expect(en.map((d) => d.stack).join("\n")).toContain(
      "The managed policy arn:aws:iam::111122223333:policy/tidb/tidb-kms",
    );
    expect(en.map((d) => d.stack).join("\n")).toContain("KeyPolicy of DataKey");
  });

  it("claims nothing without the stack's tags (offline), and still offers both snippets", async () => {
    const s = snapshot();
    delete s.role!.tags;
    delete s.policyTags;
    delete s.bucket!.tags;
    for (const k of Object.values(s.keys!)) delete k.tags;
    const report = await analyzeSnapshot(s, { now: new Date(0) });
    expect(JSON.stringify(report)).not.toMatch(/TiDBCloudImport-|TiDBImportRole|DataKey/);
    expect(report.findings.some((f) => f.fix?.stack || f.fix?.alternatives?.some((a) => a.stack))).toBe(false);
    for (const locale of ["en", "ja"] as const)
      for (const d of documents(reportModel(report, { locale }))) {
        expect(d.stack).toBeNull();
        expect(d.infra.map((c) => [c.kind, c.open])).toEqual([
          ["terraform", false],
          ["cloudformation", false],
        ]);
      }
    const trust = report.findings.find((f) => f.fix?.document === "trust-policy")!.fix!;
    expect(trust.cloudformation?.code).toContain("RoleName: tidb-import");
  });

  it("a report made before snippets existed is still valid and shows none", async () => {
    const report = await analyzeSnapshot(snapshot(), { now: new Date(0) });
    const old = JSON.parse(JSON.stringify(report), (k, v: unknown) =>
      ["terraform", "cloudformation", "stack", "cli", "alternativesCli"].includes(k) && typeof v !== "string"
        ? undefined
        : v,
    ) as Report;
    const parsed = parseReport(old);
    expect(parsed.ok).toBe(true);
    for (const d of documents(reportModel(old, { locale: "ja" }))) {
      expect(d.stack).toBeNull();
      expect(d.infra).toEqual([]);
    }
  });
});
