/**
 * The checks keep per-document and per-list copies (the identity policies without their Deny or Allow statements, the
 * documents of a list) and the engine keeps compiled documents, all keyed by object: analyses that share unchanged
 * documents (the proof of fixes, a re-check) reuse them. A changed document is a new object and gets a fresh answer;
 * the analysis of the unchanged snapshot keeps its own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";

const NOW = new Date("2026-11-28T00:00:00Z");

function roleOk(): Snapshot {
  const parsed = parseSnapshot(
    JSON.parse(readFileSync(join(process.cwd(), "tests/fixtures/snapshots/role-ok.json"), "utf8")),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.snapshot;
}

/** The snapshot with one inline policy replaced by a new object; every other document is the same object. */
function withPolicy(s: Snapshot, name: string, doc: Record<string, unknown>): Snapshot {
  return { ...s, role: { ...s.role!, inlinePolicies: { ...s.role!.inlinePolicies, [name]: doc } } };
}

const statusOf = async (s: Snapshot, id: string) =>
  (await analyzeSnapshot(s, { now: NOW })).findings.find((f) => f.id === id)?.status;

describe("documents shared between analyses", () => {
  it("a changed document gets a fresh answer, and the unchanged snapshot keeps its own", async () => {
    const ok = roleOk();
    const policy = ok.role!.inlinePolicies!["s3-read"] as { Statement: Record<string, unknown>[] };
    expect(await statusOf(ok, "identity.get-object")).toBe("pass");
    expect(await statusOf(ok, "identity.explicit-deny")).toBe("pass");

    // given the same snapshot whose policy grants GetObject on another folder (a new object)
    const elsewhere = withPolicy(ok, "s3-read", {
      ...policy,
      Statement: [
        { ...policy.Statement[0], Resource: "arn:aws:s3:::tidb-cloud-source-data/other/*" },
        ...policy.Statement.slice(1),
      ],
    });
    // then GetObject is denied there, while the first snapshot still passes
    expect(await statusOf(elsewhere, "identity.get-object")).toBe("fail");
    expect(await statusOf(ok, "identity.get-object")).toBe("pass");

    // given a Deny of GetObject added to the policy (a new object again): the Deny check sees it
    const denied = withPolicy(ok, "s3-read", {
      ...policy,
      Statement: [
        ...policy.Statement,
        { Sid: "NoReads", Effect: "Deny", Action: "s3:GetObject", Resource: "arn:aws:s3:::tidb-cloud-source-data/*" },
      ],
    });
    expect(await statusOf(denied, "identity.explicit-deny")).toBe("fail");
    expect(await statusOf(ok, "identity.explicit-deny")).toBe("pass");
    expect(await statusOf(elsewhere, "identity.explicit-deny")).toBe("pass");
  });
});
