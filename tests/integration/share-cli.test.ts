/**
 * `diagnose --share URL` as a user runs it: the live account is the fake AWS endpoint, the share server is the report
 * API on loopback. The shared copy is redacted and holds none of the diagnosing credentials (canaries).
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportStore } from "@/lib/share/store";
import type { FakeAws } from "@/tests/fake-aws/server";
import { CANARY_SECRET, CANARY_TOKEN, startFake } from "./support/live";
import { startReportsServer, type ReportsServer } from "./support/reports-server";

let fake: FakeAws;
let server: ReportsServer;
let store: ReportStore;
let base: string;

beforeAll(async () => {
  fake = await startFake();
  server = await startReportsServer("s3doctor-share-cli-");
  ({ store, base } = server);
});

afterAll(async () => {
  await server?.stop();
  await fake?.stop();
});

function diagnose(args: string[], command = "diagnose"): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("AWS_")) delete env[k];
  Object.assign(env, {
    AWS_CONFIG_FILE: "/nonexistent/aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL: fake.url,
    AWS_ACCESS_KEY_ID: "AKIAFAKEROLEOK000001",
    AWS_SECRET_ACCESS_KEY: CANARY_SECRET,
    AWS_SESSION_TOKEN: CANARY_TOKEN,
    NO_COLOR: "1",
  });
  return new Promise((resolve) => {
    execFile(
      "node_modules/.bin/tsx",
      ["--conditions=react-server", "lib/cli/main.ts", command, ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("diagnose --share", () => {
  it("prints the report, saves a redacted copy and prints its link on stderr", async () => {
    const sc = fake.scenarios.get("role-bucket-policy-deny") ?? fake.scenarios.get("role-ok")!;
    const t = sc.snapshot.target;
    const account = String(t.roleArn).split(":")[4];
    const bucket = t.bucketUri.slice("s3://".length).split("/")[0];
    const r = await diagnose([
      "--bucket-uri",
      t.bucketUri,
      "--role-arn",
      String(t.roleArn),
      "--external-id",
      String(t.externalId),
      "--json",
      "--share",
      base,
    ]);
    expect([0, 1]).toContain(r.code);
    const printed = JSON.parse(r.stdout) as { version: number };
    expect(printed.version).toBe(1);
    const m = /Shared \(redacted\): (\S+\/r\/([A-Za-z0-9_-]{24}))\n/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(r.stderr).toMatch(/Delete link \(keep it private\): \S+\/delete\?token=/);

    const saved = await (await fetch(`${base}/api/reports/${m![2]}`)).text();
    expect(JSON.parse(saved).findings.length).toBe((printed as unknown as { findings: unknown[] }).findings.length);
    expect(saved).not.toContain(account);
    expect(saved).not.toContain(bucket);
    for (const canary of [CANARY_SECRET, CANARY_TOKEN]) {
      expect(saved).not.toContain(canary);
      expect(r.stderr).not.toContain(canary);
    }
  });

  it("refuses a --share value that is not an http(s) URL before reading the account (exit 2)", async () => {
    const r = await diagnose([
      "--bucket-uri",
      "s3://b/f/",
      "--role-arn",
      "arn:aws:iam::111122223333:role/x",
      "--external-id",
      "abc123",
      "--share",
      "localhost:3000",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--share: (not a URL|the URL must start with http)/);
    expect(r.stdout).toBe("");
  });

  it("exits 2 and says why when the server cannot be reached", async () => {
    const sc = fake.scenarios.get("role-ok")!;
    const t = sc.snapshot.target;
    const r = await diagnose([
      "--bucket-uri",
      t.bucketUri,
      "--role-arn",
      String(t.roleArn),
      "--external-id",
      String(t.externalId),
      "--share",
      "http://127.0.0.1:9",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--share: cannot reach http:\/\/127\.0\.0\.1:9/);
    expect(r.stdout).toContain("S3 Access Doctor:");
  });
});

describe("analyze --share", () => {
  it("saves the offline report of a snapshot, redacted, and prints its link", async () => {
    const snapshotFile = join(process.cwd(), "tests/fixtures/snapshots/role-getobject-missing-slash-star.json");
    const r = await diagnose(["--snapshot", snapshotFile, "--share", base], "analyze");
    expect(r.code).toBe(1); // the snapshot has a failing check; sharing worked
    const link = /\/r\/([A-Za-z0-9_-]{24})/.exec(r.stderr);
    expect(link, r.stderr).not.toBeNull();
    const saved = await store.load(link![1]);
    expect(saved.state).toBe("found");
    if (saved.state !== "found") return;
    const json = JSON.stringify(saved.saved.report);
    expect(json).not.toContain("111122223333");
    expect(json).not.toContain("tidb-cloud-source-data");
    expect(saved.saved.report.findings.find((f) => f.id === "identity.get-object")?.status).toBe("fail");
  }, 60_000);
});
