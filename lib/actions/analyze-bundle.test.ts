import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeBundleAction } from "./analyze-bundle";

const bundle = JSON.parse(readFileSync("tests/fixtures/bundles/role-ok.json", "utf8"));

describe("analyzeBundleAction", () => {
  it("reads the bundle as a live run reads the account and analyses it, objects and Requester Pays included", async () => {
    const r = await analyzeBundleAction({ bundle, locale: "ja" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.snapshot.objects?.length).toBeGreaterThan(0);
    expect(r.data.snapshot.bucket?.requesterPays).toBe(false);
    const status = (id: string) => r.data.report.findings.find((f) => f.id === id)?.status;
    for (const id of ["objects.present", "objects.sse-c", "bucket.requester-pays", "kms.key-policy", "caller.identity"])
      expect(status(id), id).toBe("pass");
    expect(r.data.report.summary.fail).toBe(0);
  });

  it("limits the analysis to the asked steps (a re-check)", async () => {
    const r = await analyzeBundleAction({ bundle, locale: "en", steps: ["encryption"] });
    expect(r.ok && [...new Set(r.data.report.findings.map((f) => f.step))]).toEqual(["encryption"]);
  });

  it("names the JSON path of what is wrong in a bundle", async () => {
    const broken = structuredClone(bundle);
    broken.calls[3].op = "iam:PutRolePolicy";
    expect(await analyzeBundleAction({ bundle: broken, locale: "en" })).toMatchObject({
      ok: false,
      error: { code: "input.invalid", field: "bundle.calls[3].op" },
    });
    const noTarget = { ...bundle, target: { ...bundle.target, roleArn: "not-an-arn" } };
    expect(await analyzeBundleAction({ bundle: noTarget, locale: "en" })).toMatchObject({
      ok: false,
      error: { code: "input.invalid", field: "bundle.target.roleArn" },
    });
  });
});
