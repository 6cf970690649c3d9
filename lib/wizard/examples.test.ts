import { describe, expect, it } from "vitest";
import { analyzeSnapshot } from "@/lib/checks";
import { buildOfflineSnapshot } from "./build-snapshot";
import { EXAMPLE_IDS, EXAMPLES } from "./examples";

describe("the examples of classic mistakes", () => {
  it.each(EXAMPLE_IDS)("%s, pasted offline, shows its mistake in its step", async (id) => {
    const ex = EXAMPLES[id];
    const { snapshot } = buildOfflineSnapshot(ex.start, ex.documents);
    const report = await analyzeSnapshot(snapshot, { locale: "en" });
    const finding = report.findings.find((f) => f.id === ex.expect.checkId);
    expect(finding?.step).toBe(ex.expect.step);
    expect(["fail", "warn"]).toContain(finding?.status);
  });

  it("the same documents without the mistake pass that check", async () => {
    // The External ID example with the right External ID pasted: its trust-policy check passes.
    const ex = EXAMPLES["wrong-external-id"];
    const fixed = { ...ex.start, externalId: "696e6672612d6170690b5d0c7e2f8a4c1d3e5f7a9b1c3d5e7f" };
    const report = await analyzeSnapshot(buildOfflineSnapshot(fixed, ex.documents).snapshot, { locale: "en" });
    expect(report.findings.find((f) => f.id === "role.trust.external-id")?.status).toBe("pass");
  });
});
