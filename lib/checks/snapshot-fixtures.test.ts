/**
 * Walks tests/fixtures/snapshots: each <name>.json is a snapshot of one scenario (a correct setup, or one classic
 * mistake of TiDB Cloud's guide) and <name>.expected.json lists { checkId: status } for the checks that matter, and
 * optionally "$fixes": { checkId: document | "withheld" | "none" }, what each of those findings offers, and "$rule":
 * the AWS rule (and page) the scenario encodes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validatePolicy } from "@/lib/policy";
import { analyzeSnapshot, applyFixes, CHECK_IDS, parseSnapshot } from "@/lib/checks";
import type { Snapshot } from "@/lib/snapshot/schema";
import { canonicalJson } from "./prove";

const DIR = join(process.cwd(), "tests/fixtures/snapshots");
const NOW = new Date("2026-11-28T00:00:00Z");
const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
  .map((f) => f.slice(0, -".json".length))
  .sort();

function load(name: string): {
  snapshot: Snapshot;
  expected: Record<string, string>;
  fixes: Record<string, string>;
  alternatives: Record<string, string[]>;
} {
  const parsed = parseSnapshot(JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  const {
    $fixes,
    $alternatives,
    $rule: _rule,
    ...expected
  } = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8"));
  return { snapshot: parsed.snapshot, expected, fixes: $fixes ?? {}, alternatives: $alternatives ?? {} };
}

const KIND: Record<string, "identity" | "bucket" | "trust" | "key"> = {
  "trust-policy": "trust",
  "bucket-policy": "bucket",
  "permissions-boundary": "identity",
};
function policyKind(document: string): "identity" | "bucket" | "trust" | "key" | null {
  if (KIND[document]) return KIND[document];
  if (/^(role|user|group)-policy:/.test(document)) return "identity";
  if (document.startsWith("key-policy:")) return "key";
  return null;
}

describe("snapshot fixtures", () => {
  it("there is a fixture with an expected companion for each scenario", () => {
    expect(names.length).toBeGreaterThan(40);
    for (const n of names) expect(() => load(n), n).not.toThrow();
  });

  describe.each(names)("%s", (name) => {
    it("drives each listed check to its expected status, and reports every check once in catalogue order", async () => {
      const { snapshot, expected } = load(name);
      const report = await analyzeSnapshot(snapshot, { now: NOW });
      expect(report.findings.map((f) => f.id)).toEqual(CHECK_IDS);
      const got = Object.fromEntries(report.findings.filter((f) => f.id in expected).map((f) => [f.id, f.status]));
      expect(got).toEqual(expected);
      const counts = report.findings.reduce<Record<string, number>>(
        (m, f) => ((m[f.status] = (m[f.status] ?? 0) + 1), m),
        {},
      );
      for (const [status, n] of Object.entries(report.summary)) expect(n).toBe(counts[status] ?? 0);
    });

    it("every fix changes its document and passes the policy validator, and applying the fixes turns those checks to pass without a new failure", async () => {
      const { snapshot, fixes, alternatives } = load(name);
      const report = await analyzeSnapshot(snapshot, { now: NOW });
      const fixed = report.findings.filter((f) => f.fix);
      for (const f of fixed) {
        const kind = policyKind(f.fix!.document);
        if (!kind) continue;
        const issues = await validatePolicy(f.fix!.after, kind);
        expect(
          issues.filter((i) => i.severity === "error"),
          `${f.id} → ${f.fix!.document}`,
        ).toEqual([]);
      }
      // What each listed finding offers: the document its fix corrects, a fix the proof withheld, or none.
      for (const [id, want] of Object.entries(fixes)) {
        const f = report.findings.find((x) => x.id === id)!;
        const got = f.fix ? f.fix.document : f.evidence?.fixWithheld ? "withheld" : "none";
        expect(`${id}: ${got}`).toBe(`${id}: ${want}`);
      }
      // Across accounts, each command names the account that runs it (and none does within one account).
      const accounts = [
        snapshot.bucket?.ownerAccountId,
        ...Object.values(snapshot.keys ?? {}).map((k) => k.accountId),
      ].filter((a): a is string => !!a);
      const principalAccount = /:(\d{12}):/.exec(snapshot.role?.arn ?? snapshot.user?.arn ?? "")?.[1];
      const spans = !!principalAccount && accounts.some((a) => a !== principalAccount);
      for (const f of fixed) {
        if (!spans) expect(f.fix!.account, f.id).toBeUndefined();
        else
          expect(f.fix!.cli.split("\n")[0], f.id).toBe(
            `# Run with credentials of account ${f.fix!.account} (${
              f.fix!.document.startsWith("key-policy:")
                ? "the key's account"
                : /^(bucket-|object-|requester-)/.test(f.fix!.document)
                  ? "the bucket owner"
                  : f.fix!.document === "access-key" || snapshot.target.mode === "access-key"
                    ? "the IAM user's account"
                    : "the role's account"
            })`,
          );
      }
      // The alternatives each finding offers (documents), and each set of them, applied instead of its fix with every
      // other fix, also turns the check to pass without a new failure; they pass the validator too.
      for (const [id, want] of Object.entries(alternatives)) {
        const f = report.findings.find((x) => x.id === id)!;
        expect(
          (f.fix?.alternatives ?? []).map((a) => a.document),
          id,
        ).toEqual(want);
      }
      for (const f of fixed.filter((x) => x.fix!.alternatives?.length)) {
        for (const a of f.fix!.alternatives!) {
          const kind = policyKind(a.document);
          if (kind) expect((await validatePolicy(a.after, kind)).filter((i) => i.severity === "error")).toEqual([]);
        }
        const instead = {
          ...report,
          findings: [
            ...report.findings.filter((x) => x !== f),
            { ...f, fix: f.fix!.alternatives![0] },
            ...f.fix!.alternatives!.slice(1).map((a) => ({ ...f, fix: a })),
          ],
        };
        const viaAlternative = await analyzeSnapshot(applyFixes(snapshot, instead), { now: NOW });
        expect(viaAlternative.findings.find((x) => x.id === f.id)?.status, `${f.id} via its alternative`).toBe("pass");
        const failedBefore = new Set(report.findings.filter((x) => x.status === "fail").map((x) => x.id));
        expect(
          viaAlternative.findings.filter((x) => x.status === "fail" && !failedBefore.has(x.id)).map((x) => x.id),
        ).toEqual([]);
      }
      // A fix always changes its document.
      for (const f of fixed) expect(canonicalJson(f.fix!.before), f.id).not.toBe(canonicalJson(f.fix!.after));
      const again = await analyzeSnapshot(applyFixes(snapshot, report), { now: NOW });
      const after = Object.fromEntries(again.findings.map((f) => [f.id, f.status]));
      for (const f of fixed) expect(`${f.id}: ${after[f.id]}`).toBe(`${f.id}: pass`);
      // Fixing never introduces a new failure.
      const failedBefore = new Set(report.findings.filter((f) => f.status === "fail").map((f) => f.id));
      const newFails = again.findings.filter((f) => f.status === "fail" && !failedBefore.has(f.id)).map((f) => f.id);
      expect(newFails).toEqual([]);
    });
  });
});
