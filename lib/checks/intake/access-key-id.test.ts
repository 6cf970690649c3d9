import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";

const keyOk = JSON.parse(
  readFileSync(new URL("../../../tests/fixtures/snapshots/access-key-ok.json", import.meta.url), "utf8"),
) as Snapshot;
// AWS's documented example secret: never a real credential.
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

describe("input.access-key-id", () => {
  it("a secret access key pasted as the access key ID fails, and the report never repeats it", async () => {
    const report = await analyzeSnapshot({ ...keyOk, target: { ...keyOk.target, accessKeyId: SECRET } });
    const f = report.findings.find((x) => x.id === "input.access-key-id")!;
    expect(f.status).toBe("fail");
    expect(f.detail).toContain("Did you paste the secret access key?");
    expect(JSON.stringify(report)).not.toContain(SECRET);
    expect(report.target.accessKeyId).toBe("[redacted]");
  });

  it("a malformed ID that is no secret is quoted, so the user sees what was wrong", async () => {
    const report = await analyzeSnapshot({ ...keyOk, target: { ...keyOk.target, accessKeyId: "AKIA-TYPO" } });
    expect(report.findings.find((x) => x.id === "input.access-key-id")?.detail).toContain('"AKIA-TYPO"');
  });

  it("a temporary (ASIA) key fails: TiDB Cloud's import form takes no session token", async () => {
    const report = await analyzeSnapshot({
      ...keyOk,
      target: { ...keyOk.target, accessKeyId: "ASIAIOSFODNN7EXAMPLE" },
    });
    expect(report.findings.find((x) => x.id === "input.access-key-id")?.status).toBe("fail");
  });
});
