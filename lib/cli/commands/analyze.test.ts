import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const FIX = "tests/fixtures/snapshots";
function cli(args: string[], input?: string) {
  const r = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "lib/cli/main.ts", "analyze", ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("cli analyze", () => {
  it("prints the report as JSON and exits 0 when nothing fails", () => {
    const r = cli(["--snapshot", `${FIX}/role-ok.json`, "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.version).toBe(1);
    expect(report.summary.fail).toBe(0);
    expect(report.findings.length).toBeGreaterThan(30);
  });

  it("exits 1 with a failure and prints the verdict, then what to change with the corrected JSON and the command, then the other checks by step", () => {
    const r = cli(["--snapshot", `${FIX}/role-getobject-missing-slash-star.json`]);
    expect(r.code).toBe(1);
    const verdict = r.out.split("\n").find((l) => l.startsWith("The import"));
    expect(verdict).toMatch(
      /^The import fails because s3:GetObject is not allowed .*; apply the corrected role policy s3-read\.$/,
    );
    expect(r.out.indexOf("What to change")).toBeLessThan(r.out.indexOf("[FAIL] s3:GetObject is not allowed"));
    expect(r.out.indexOf("[FAIL] s3:GetObject is not allowed")).toBeLessThan(r.out.indexOf("1. What is imported"));
    expect(r.out).toContain("3. Permission policies");
    expect(r.out).toContain('"Resource": "arn:aws:s3:::tidb-cloud-source-data/mydata/*"');
    expect(r.out).toContain("aws iam put-role-policy --role-name tidb-import --policy-name s3-read");
    expect(r.out).not.toContain("\u001b[");
  });

  it("reads standard input and writes Japanese with --lang ja", () => {
    const r = cli(["--snapshot", "-", "--lang", "ja"], readFileSync(`${FIX}/role-wrong-external-id.json`, "utf8"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("インポートが失敗する原因は「信頼ポリシーの条件に別の外部ID が設定されています」です。");
    expect(r.out).toContain("[不合格] 信頼ポリシーの条件に別の外部ID が設定されています");
  });

  it("takes the bundle of the collection script for AWS CloudShell as is", () => {
    const r = cli(["--snapshot", "tests/fixtures/bundles/role-ok.json", "--json"]);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    const status = (id: string) => report.findings.find((f: { id: string }) => f.id === id)?.status;
    // read from the bundle as a live run reads the account: the objects and Requester Pays too
    for (const id of [
      "role.trust.external-id",
      "identity.get-object",
      "bucket.requester-pays",
      "objects.sse-c",
      "kms.key-policy",
    ])
      expect(status(id), id).toBe("pass");
    const broken = JSON.parse(readFileSync("tests/fixtures/bundles/role-ok.json", "utf8"));
    broken.calls[2].op = "iam:DeleteRole";
    const bad = cli(["--snapshot", "-"], JSON.stringify(broken));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("bundle.calls[2].op:");
  });

  it("exits 2 on bad input, naming the JSON path", () => {
    const bad = {
      version: 1,
      target: { mode: "role", bucketUri: "s3://b1b/f/" },
      bucket: { exists: true, objectOwnership: "Nope" },
    };
    const r = cli(["--snapshot", "-"], JSON.stringify(bad));
    expect(r.code).toBe(2);
    expect(r.err).toContain("snapshot.bucket.objectOwnership: Invalid option");
    expect(cli(["--snapshot", "-"], "{not json").code).toBe(2);
    expect(cli([]).code).toBe(2);
  });
});
