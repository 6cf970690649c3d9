// The `collect` and `diagnose` commands against the fake AWS endpoint, with the diagnosing credentials taken from
// the standard SDK credential chain (environment variables here), as a user runs them.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSnapshot } from "@/lib/snapshot/parse";
import type { FakeAws } from "@/tests/fake-aws/server";
import { CANARY_IMPORT_SECRET, CANARY_SECRET, CANARY_TOKEN, startFake } from "./support/live";

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(async () => {
  await fake?.stop();
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  // Only this test's AWS settings: no profile, no metadata service, the fake endpoint.
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(childEnv)) if (k.startsWith("AWS_")) delete childEnv[k];
  Object.assign(childEnv, {
    AWS_CONFIG_FILE: "/nonexistent/aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL: fake.url,
    NO_COLOR: "1",
    ...env,
  });
  return new Promise((resolve) => {
    const child = execFile(
      "node_modules/.bin/tsx",
      ["--conditions=react-server", "lib/cli/main.ts", ...args],
      {
        env: childEnv,
        timeout: 60_000,
      },
      (error: Error | null, stdout: string, stderr: string) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

const creds = (accessKeyId: string) => ({
  AWS_ACCESS_KEY_ID: accessKeyId,
  AWS_SECRET_ACCESS_KEY: CANARY_SECRET,
  AWS_SESSION_TOKEN: CANARY_TOKEN,
});
const roleArgs = (s: { target: { bucketUri: string; roleArn?: string | null; externalId?: string | null } }) => [
  "--bucket-uri",
  s.target.bucketUri,
  "--role-arn",
  s.target.roleArn as string,
  "--external-id",
  s.target.externalId as string,
];

function expectNoSecret(r: CliResult) {
  for (const canary of [CANARY_SECRET, CANARY_TOKEN, CANARY_IMPORT_SECRET]) {
    expect(r.stdout).not.toContain(canary);
    expect(r.stderr).not.toContain(canary);
  }
}

describe("npm run cli -- collect", () => {
  it("prints the snapshot read from the account, which the offline analysis accepts", async () => {
    const sc = fake.scenarios.get("role-ok")!;
    const r = await cli(
      ["collect", ...roleArgs(sc.snapshot), "--region", "ap-northeast-1"],
      creds("AKIAFAKEROLEOK000001"),
    );
    expect(r.code).toBe(0);
    const { target, ...read } = JSON.parse(r.stdout);
    const { target: _expectedTarget, ...expected } = sc.snapshot;
    expect(read).toEqual(expected);
    expect(target).toMatchObject({ mode: "role", roleArn: sc.snapshot.target.roleArn, region: "ap-northeast-1" });
    expect(parseSnapshot(JSON.parse(r.stdout)).ok).toBe(true);
    // not a terminal and no --progress: no progress lines, but the endpoint override is announced
    expect(r.stderr).not.toMatch(/sts:GetCallerIdentity/);
    expect(r.stderr).toMatch(/AWS endpoint override in effect: AWS_ENDPOINT_URL=http:\/\/127\.0\.0\.1:\d+/);
    expectNoSecret(r);
    if (existsSync("lib/cli/commands/analyze.ts")) {
      const a = await cli(["analyze", "--snapshot", "-", "--json"], {}, r.stdout);
      expect([0, 1]).toContain(a.code);
      expect(JSON.parse(a.stdout).version).toBe(1);
    }
  }, 60_000);

  it("prints a progress line per read on stderr with --progress", async () => {
    const sc = fake.scenarios.get("role-ok")!;
    const r = await cli(["collect", ...roleArgs(sc.snapshot), "--progress"], creds("AKIAFAKEROLEOK000001"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ok\s+intake\s+sts:GetCallerIdentity/);
    expect(r.stderr).toMatch(/ok\s+encryption\s+kms:GetKeyPolicy arn:aws:kms:/);
    expect(r.stdout).not.toMatch(/sts:GetCallerIdentity/);
    expectNoSecret(r);
  }, 60_000);

  it.runIf(existsSync("/usr/bin/script"))(
    "prints progress lines by itself when stderr is a terminal",
    async () => {
      // given a pseudo-terminal (util-linux `script`) around the command, and stdout sent to a file
      const sc = fake.scenarios.get("role-ok")!;
      const out = `${process.env.TMPDIR ?? "/tmp"}/collect-tty-${process.pid}.json`;
      const command = [
        "node_modules/.bin/tsx",
        "--conditions=react-server",
        "lib/cli/main.ts",
        "collect",
        ...roleArgs(sc.snapshot),
      ]
        .map((a) => `'${a}'`)
        .join(" ");
      const r = await new Promise<CliResult>((resolve) => {
        const childEnv: NodeJS.ProcessEnv = {
          ...process.env,
          ...creds("AKIAFAKEROLEOK000001"),
          AWS_ENDPOINT_URL: fake.url,
          NO_COLOR: "1",
        };
        execFile(
          "/usr/bin/script",
          ["-qec", `${command} > '${out}'`, "/dev/null"],
          { env: childEnv, timeout: 60_000 },
          (error: Error | null, stdout: string, stderr: string) => resolve({ code: error ? 1 : 0, stdout, stderr }),
        );
      });
      expect(r.code).toBe(0);
      // then the terminal showed a line per read, and the snapshot went to stdout untouched
      expect(r.stdout).toMatch(/ok\s+intake\s+sts:GetCallerIdentity/);
      expect(JSON.parse(readFileSync(out, "utf8")).bucket).toEqual(sc.snapshot.bucket);
      rmSync(out, { force: true });
      expectNoSecret(r);
    },
    60_000,
  );

  it("runs the import's own calls with the import key's secret from an environment variable", async () => {
    const sc = fake.scenarios.get("access-key-no-get-object")!;
    const r = await cli(
      [
        "collect",
        "--bucket-uri",
        sc.snapshot.target.bucketUri,
        "--access-key-id",
        sc.snapshot.target.accessKeyId as string,
        "--import-secret-env",
        "IMPORT_SECRET",
      ],
      { ...creds("AKIAFAKEACCESSKEY002"), IMPORT_SECRET: CANARY_IMPORT_SECRET },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).groundTruth).toEqual(sc.snapshot.groundTruth);
    expectNoSecret(r);
  }, 60_000);

  it("exits 2 naming the option for a region that is not AWS's", async () => {
    const sc = fake.scenarios.get("role-ok")!;
    const r = await cli(["collect", ...roleArgs(sc.snapshot), "--region", "ap-tokyo-1"], creds("AKIAFAKEROLEOK000001"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--region: "ap-tokyo-1" is not an AWS region/);
    expect(r.stdout).toBe("");
  }, 60_000);

  it("exits 2 with a clear message when the credential chain finds nothing", async () => {
    const sc = fake.scenarios.get("role-ok")!;
    const r = await cli(["collect", ...roleArgs(sc.snapshot)], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No AWS credentials found/);
  }, 60_000);
});

describe("npm run cli -- diagnose", () => {
  it("--json prints the report and exits 1 when a check fails", async () => {
    const sc = fake.scenarios.get("role-wrong-external-id")!;
    const r = await cli(["diagnose", ...roleArgs(sc.snapshot), "--json"], creds("AKIAFAKEROLEEXTID001"));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(report.findings.find((f: { id: string }) => f.id === "role.trust.external-id").status).toBe("fail");
    expectNoSecret(r);
  }, 60_000);

  it("--simulate shows AWS's simulator verdict beside the analysis, and a disagreement as a warning", async () => {
    const sc = fake.scenarios.get("role-simulation-disagrees")!;
    const r = await cli(["diagnose", ...roleArgs(sc.snapshot), "--simulate", "--json"], creds("AKIAFAKEROLESIMNO001"));
    const report = JSON.parse(r.stdout);
    expect(report.findings.find((f: { id: string }) => f.id === "aws.simulation").status).toBe("warn");
    expect(r.code).toBe(0);
    expectNoSecret(r);
  }, 60_000);

  it("exits 0 for an account where the import works, with a readable summary", async () => {
    const sc = fake.scenarios.get("role-ok")!;
    const r = await cli(["diagnose", ...roleArgs(sc.snapshot)], creds("AKIAFAKEROLEOK000001"));
    expect(r.stdout).toContain("Everything that decides this import is correct.");
    expect(r.stdout).toMatch(/\[PASS\] .* role\.trust\.external-id/);
    expect(r.stdout).toMatch(/^0 failed, 0 warnings, \d+ unknown, \d+ passed, \d+ skipped$/m);
    expect(r.code).toBe(0);
    expectNoSecret(r);
  }, 60_000);
});
