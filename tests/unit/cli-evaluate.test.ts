/** The `evaluate` command, run as users run it: a child process of the CLI entry point. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const repo = join(__dirname, "..", "..");
const tsx = join(repo, "node_modules", ".bin", "tsx");

function cli(args: string[], stdin?: string) {
  const r = spawnSync(tsx, ["--conditions=react-server", "lib/cli/main.ts", ...args], {
    cwd: repo,
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ROLE_SESSION = "arn:aws:sts::111122223333:assumed-role/tidb-import/s";
const question = (action: string, resource: string) => ({
  request: { principal: ROLE_SESSION, action, resource, context: {}, unknownKeys: ["aws:SourceIp"] },
  principalAccount: "111122223333",
  resourceAccount: "111122223333",
  identityPolicies: [
    {
      Version: "2012-10-17",
      Statement: [{ Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/mydata/*" }],
    },
  ],
  permissionsBoundary: null,
  sessionPolicy: null,
  resourcePolicy: {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyOutsideOffice",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: "arn:aws:s3:::b/*",
        Condition: { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
      },
    ],
  },
});

describe("cli evaluate", () => {
  it("prints the JSON answer of one question, without explanations unless asked, and exits 0", () => {
    const r = cli(
      ["evaluate", "--input", "-", "--json"],
      JSON.stringify(question("s3:GetObject", "arn:aws:s3:::b/mydata/a.csv")),
    );
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a).toEqual({
      decision: "unknown",
      reason: expect.stringContaining("aws:SourceIp"),
      matched: expect.arrayContaining([
        expect.objectContaining({ policy: "resource", statement: 0, sid: "DenyOutsideOffice", undecided: true }),
      ]),
      unknownKeys: ["aws:SourceIp"],
    });
  });

  it("answers a list of questions in order, with explanations on --explain", () => {
    const input = [
      question("s3:GetObject", "arn:aws:s3:::b/mydata/a.csv"),
      question("s3:GetObject", "arn:aws:s3:::b/other/a.csv"),
    ];
    const r = cli(["evaluate", "--input", "-", "--json", "--explain"], JSON.stringify(input));
    expect(r.code).toBe(0);
    const answers = JSON.parse(r.stdout);
    expect(answers.map((a: { decision: string }) => a.decision)).toEqual(["unknown", "implicit-deny"]);
    expect(answers[1].explanations).toHaveLength(2);
    expect(answers[1].explanations[0]).toMatchObject({
      policy: "identity:0",
      statement: 0,
      resource: "no-match",
      applies: "no-match",
    });
  });

  it("prints a readable answer without --json", () => {
    const r = cli(["evaluate", "--input", "-"], JSON.stringify(question("s3:GetObject", "arn:aws:s3:::b/other/a.csv")));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^IMPLICIT-DENY: implicitly denied: no identity policy allows s3:GetObject on arn:aws:s3:::b\/other\/a.csv/,
    );
  });

  it("exits 2 and names the JSON path of a malformed question", () => {
    const q = question("s3:GetObject", "arn:aws:s3:::b/k") as Record<string, unknown>;
    delete (q.request as Record<string, unknown>).action;
    const r = cli(
      ["evaluate", "--input", "-", "--json"],
      JSON.stringify([question("s3:GetObject", "arn:aws:s3:::b/k"), q]),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[1].request.action: required");
    expect(r.stdout).toBe("");
  });

  it("exits 2 on input that is not JSON, and when --input is missing", () => {
    const bad = cli(["evaluate", "--input", "-"], "{not json");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--input: not valid JSON");
    const missing = cli(["evaluate"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--input: required");
  });
});
