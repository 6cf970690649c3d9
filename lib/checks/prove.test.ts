/**
 * The proof of fixes, with small made-up checks on the bucket policy: a fix is shown only when, applied to the
 * snapshot with the others, it changes its document, turns its check to pass and makes no other check fail.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { policyFix } from "@/lib/fixes/make-fix";
import { addStatement } from "@/lib/fixes/policy-edits";
import type { Snapshot } from "@/lib/snapshot/schema";
import { statementsOf } from "./derive/ask";
import { parseSnapshot } from "./index";
import { proveFixes } from "./prove";
import type { CheckId } from "./ids";
import { runCheckList, toReport } from "./runner";
import { defineCheck, l, type Check, type CheckContext, type Outcome } from "./types";

const NOW = new Date("2026-11-28T00:00:00Z");
const snapshot = (): Snapshot => {
  const p = parseSnapshot(
    JSON.parse(readFileSync(join(process.cwd(), "tests/fixtures/snapshots/role-ok.json"), "utf8")),
  );
  if (!p.ok) throw new Error("role-ok");
  p.snapshot.bucket!.policy = { Version: "2012-10-17", Statement: [] };
  return p.snapshot;
};

const sids = (ctx: CheckContext) =>
  statementsOf(ctx.snapshot.bucket?.policy ?? null).map((s) => s.Sid as string | undefined);

/** The proof works the same for any check: these made-up ones ("t.a") say in each message which is which. */
const madeUp = (id: string) => id as CheckId;

/** Fails until the bucket policy has a statement with Sid `want`; its fix adds statements with the Sids `adds`. */
function needsSid(id: string, want: string, adds: string[]): Check {
  return defineCheck({
    id: madeUp(id),
    step: "bucket-policy",
    title: l(id, id),
    run(ctx): Outcome {
      if (sids(ctx).includes(want)) return { status: "pass", detail: l("ok", "ok") };
      const before = ctx.fixes.current("bucket-policy", ctx.snapshot.bucket!.policy ?? null);
      let after = before ?? { Version: "2012-10-17", Statement: [] };
      for (const sid of adds)
        after = addStatement(after, {
          Sid: sid,
          Effect: "Allow",
          Principal: "*",
          Action: "s3:ListBucket",
          Resource: "*",
        });
      return {
        status: "fail",
        detail: l(`Add ${want}.`, `${want} を追加してください。`),
        fix: policyFix(ctx.fixes, ctx.snapshot, madeUp(id), "bucket-policy", before, after),
      };
    },
  });
}

/** Fails when the bucket policy has a statement with Sid `banned` (no fix of its own). */
function forbidsSid(id: string, banned: string): Check {
  return defineCheck({
    id: madeUp(id),
    step: "bucket-policy",
    title: l(id, id),
    run: (ctx) =>
      sids(ctx).includes(banned)
        ? { status: "fail", detail: l(`${banned} is there.`, `${banned} があります。`) }
        : { status: "pass", detail: l("ok", "ok") },
  });
}

async function prove(checks: Check[]) {
  const results = await proveFixes(checks, snapshot(), { now: NOW }, runCheckList);
  return toReport(snapshot(), results, "en", NOW).findings;
}

describe("proof of fixes", () => {
  it("keeps a fix that turns its check to pass", async () => {
    const [f] = await prove([needsSid("t.a", "A", ["A"])]);
    expect(f.status).toBe("fail");
    expect(f.fix?.document).toBe("bucket-policy");
    expect(f.evidence?.fixWithheld).toBeUndefined();
  });

  it("withholds a fix that changes nothing, and says so in both languages", async () => {
    const [f] = await prove([needsSid("t.a", "A", [])]);
    expect(f.status).toBe("fail");
    expect(f.fix).toBeUndefined();
    expect(f.evidence?.fixWithheld).toEqual({ reason: "unchanged", document: "bucket-policy" });
    expect(f.detail).toMatch(/^Add A\. No corrected document is shown: .*unchanged/);
    expect(f.translations?.ja?.detail).toContain("ドキュメントが変わらない");
  });

  it("withholds a fix that leaves its check failing", async () => {
    const [f] = await prove([needsSid("t.a", "A", ["B"])]);
    expect(f.fix).toBeUndefined();
    expect(f.evidence?.fixWithheld).toEqual({ reason: "still-failing", document: "bucket-policy", status: "fail" });
    expect(f.detail).toContain("this check would still be fail");
  });

  it("withholds a fix that makes another check fail, naming it, and keeps that check's status", async () => {
    const findings = await prove([forbidsSid("t.no-z", "Z"), needsSid("t.a", "A", ["A", "Z"])]);
    expect(findings.map((f) => f.status)).toEqual(["pass", "fail"]);
    expect(findings[1].fix).toBeUndefined();
    expect(findings[1].evidence?.fixWithheld).toEqual({
      reason: "breaks-other",
      document: "bucket-policy",
      checks: ["t.no-z"],
    });
    expect(findings[1].detail).toContain("it would make t.no-z fail");
  });

  it("finds which of several fixes breaks another check, withholds that one only, and later fixes stop building on it", async () => {
    // t.a's fix is good; t.b's fix also adds Z, which t.no-z forbids; t.c builds on the same document.
    const findings = await prove([
      needsSid("t.a", "A", ["A"]),
      needsSid("t.b", "B", ["B", "Z"]),
      needsSid("t.c", "C", ["C"]),
      forbidsSid("t.no-z", "Z"),
    ]);
    const [a, b, c, z] = findings;
    expect(a.fix).toBeDefined();
    expect(b.fix).toBeUndefined();
    expect(b.evidence?.fixWithheld).toMatchObject({ reason: "breaks-other", checks: ["t.no-z"] });
    expect(c.fix?.includesFixesOf).toEqual(["t.a"]);
    expect(sidsOf(c.fix!.after)).toEqual(["A", "C"]);
    expect(z.status).toBe("pass");
  });

  it("proves against the whole catalogue even when only some steps are reported", async () => {
    const checks = [needsSid("t.a", "A", ["A", "Z"]), { ...forbidsSid("t.no-z", "Z"), step: "encryption" as const }];
    const results = await proveFixes(checks, snapshot(), { now: NOW, steps: ["bucket-policy"] }, runCheckList);
    expect(results.map((r) => r.check.id)).toEqual(["t.a"]);
    expect(results[0].outcome.fix).toBeUndefined();
    expect(results[0].outcome.evidence?.fixWithheld).toMatchObject({ reason: "breaks-other", checks: ["t.no-z"] });
  });
});

function sidsOf(doc: unknown): (string | undefined)[] {
  return statementsOf(doc as Record<string, unknown>).map((s) => s.Sid as string | undefined);
}
