import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";

const roleOk = JSON.parse(
  readFileSync(new URL("../../../tests/fixtures/snapshots/role-ok.json", import.meta.url), "utf8"),
) as Snapshot;

async function callerFinding(snapshot: Snapshot) {
  const report = await analyzeSnapshot(snapshot, { steps: ["intake"] });
  return report.findings.find((f) => f.id === "caller.identity")!;
}

describe("caller.identity", () => {
  it("does not apply to pasted documents: no caller and no failed read means offline", async () => {
    const { caller: _caller, ...offline } = roleOk;
    const f = await callerFinding({ ...offline, unavailable: {} });
    expect(f.status).toBe("skipped");
    expect(f.detail).toMatch(/offline/);
  });

  it("is unknown, with the reason, when the caller could not be read", async () => {
    const { caller: _caller, ...rest } = roleOk;
    const f = await callerFinding({ ...rest, unavailable: { caller: "AccessDenied on sts:GetCallerIdentity" } });
    expect(f.status).toBe("unknown");
    expect(f.unavailable).toContain("AccessDenied on sts:GetCallerIdentity");
  });

  it("passes when the credentials belong to the role's account", async () => {
    expect((await callerFinding(roleOk)).status).toBe("pass");
  });
});
