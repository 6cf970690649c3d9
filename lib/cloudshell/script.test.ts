// The collection script is built so that nothing a user (or a crafted link) puts in the form can change its commands:
// every value is checked against its strict shape, and the one free-form value (the folder or file of the bucket
// URI) enters only as a single-quoted word in the values block. Its AWS CLI commands are reads, generated from the
// operation table; running it is tests/integration/cloudshell-script.test.ts (call for call against the live
// collector) and cloudshell-aws-cli.test.ts (the real AWS CLI).
import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/reads/operations";
import { READ_IDS, READS } from "@/lib/reads/table";
import { ensureShellcheck } from "@/tests/support/aws-cli";
import { collectionScript, type ScriptResult } from "./script";
import { shellQuote } from "./sh";

const ROLE = {
  mode: "role",
  bucketUri: "s3://tidb-cloud-source-data/mydata/",
  roleArn: "arn:aws:iam::111122223333:role/tidb-import",
  externalId: "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe",
  tidbAccountId: "380838443567",
  region: "ap-northeast-1",
};
const KEY = {
  mode: "access-key",
  bucketUri: "s3://tidb-cloud-source-data/mydata/",
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
};

const HOSTILE = [
  "'",
  '"',
  "$(touch /tmp/pwned)",
  "`id`",
  "; rm -rf ~",
  "a\nb",
  "a\rb",
  "\\",
  "$HOME",
  "${IFS}",
  "' ; echo owned ; '",
  "|& >x <y",
  "\u2018curly\u2019",
  "%0a",
];

const script = (r: ScriptResult) => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.script;
};
const VALUES_START = "# ---- Values checked and filled in by S3 Access Doctor";
/** The script without its values block (the assignments up to the first blank line). */
function commandsOf(text: string): string {
  const start = text.indexOf(VALUES_START);
  const end = text.indexOf("\n\n", start);
  return text.slice(0, start) + text.slice(end);
}
/** What bash makes of the values block: each variable's exact value. */
function valuesOf(text: string): Record<string, string> {
  const start = text.indexOf(VALUES_START);
  const block = text.slice(start, text.indexOf("\n\n", start));
  const names = [...block.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
  const out = execFileSync("bash", ["-c", `${block}\nprintf '%s\\0' ${names.map((n) => `"$${n}"`).join(" ")}`], {
    encoding: "utf8",
  });
  const vals = out.split("\0");
  return Object.fromEntries(names.map((n, i) => [n, vals[i]]));
}

describe("shellQuote", () => {
  it("gives bash exactly the value, whatever it holds", () => {
    for (const v of [...HOSTILE, "", "plain", "日本語", "it's", "'''"]) {
      const r = spawnSync("bash", ["-c", `X=${shellQuote(v)}; printf '%s' "$X"`], { encoding: "utf8" });
      expect(r.stdout, JSON.stringify(v)).toBe(v);
    }
  });
});

describe("collectionScript: the values that may go in", () => {
  it("refuses a hostile value in every field of strict shape, naming the field, in English and Japanese", () => {
    const fields = { roleArn: ROLE, externalId: ROLE, tidbAccountId: ROLE, region: ROLE, accessKeyId: KEY } as const;
    for (const [field, base] of Object.entries(fields)) {
      for (const bad of HOSTILE) {
        const value =
          field === "externalId" || field === "region" ? bad : `${(base as Record<string, string>)[field]}${bad}`;
        const r = collectionScript({ ...base, [field]: value });
        expect(r.ok, `${field} = ${JSON.stringify(value)}`).toBe(false);
        if (!r.ok) {
          expect(r.problems.map((p) => p.field)).toEqual([field]);
          expect(r.problems[0].ja).toMatch(/[ぁ-んァ-ン一-龥]/);
        }
      }
    }
    expect(collectionScript({ ...ROLE, mode: "role; reboot" }).ok).toBe(false);
    for (const bad of ["a\nb", "a\rb", "x\u0000y", "\t"])
      expect(collectionScript({ ...ROLE, bucketUri: `s3://tidb-cloud-source-data/my${bad}data/` }).ok).toBe(false);
    expect(collectionScript({ ...ROLE, bucketUri: "s3://Bad_Bucket/mydata/" }).ok).toBe(false);
    // a console URL is rewritten and decoded: a line break hidden in it is refused too
    expect(
      collectionScript({
        ...ROLE,
        bucketUri: "https://s3.console.aws.amazon.com/s3/buckets/tidb-cloud-source-data?prefix=my%0Adata/",
      }).ok,
    ).toBe(false);
  });

  it("takes a hostile folder as one value: only the values block differs, and bash reads it back exactly", () => {
    const benign = script(collectionScript(ROLE));
    for (const bad of HOSTILE.filter((b) => !/[\r\n]/.test(b))) {
      const folder = `my${bad}data/`;
      const text = script(collectionScript({ ...ROLE, bucketUri: `s3://tidb-cloud-source-data/${folder}` }));
      expect(commandsOf(text), JSON.stringify(bad)).toBe(commandsOf(benign));
      const values = valuesOf(text);
      expect(values.FOLDER).toBe(folder);
      expect(values.PREFIX).toBe(folder);
      expect(values.BUCKET).toBe("tidb-cloud-source-data");
      expect(JSON.parse(values.TARGET_JSON).bucketUri).toBe(`s3://tidb-cloud-source-data/${folder}`);
    }
  });

  it("fills in the checked values of each mode", () => {
    const role = valuesOf(script(collectionScript(ROLE)));
    expect(role).toMatchObject({
      MODE: "role",
      ROLE_NAME: "tidb-import",
      ROLE_ACCOUNT: "111122223333",
      TARGET_REGION: "ap-northeast-1",
    });
    expect(JSON.parse(role.TARGET_JSON)).toMatchObject({ externalId: ROLE.externalId, tidbAccountId: "380838443567" });
    const key = valuesOf(script(collectionScript(KEY)));
    expect(key).toMatchObject({ MODE: "access-key", ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", ROLE_ARN: "" });
    const pattern = valuesOf(script(collectionScript({ ...ROLE, bucketUri: "s3://tidb-cloud-source-data/d/*.c?v" })));
    expect(pattern.KEY_PATTERN).toBe("^d/[^/]*\\.c[^/]v$");
  });
});

describe("collectionScript: its commands", () => {
  const both = [script(collectionScript(ROLE)), script(collectionScript(KEY, "ja"))];

  it("runs the AWS CLI in one place only, with the operation table's read commands", () => {
    for (const text of both) {
      const code = text
        .split("\n")
        .filter((l) => !/^\s*#/.test(l))
        .join("\n");
      const uses = [...code.matchAll(/(^|[\s;|&(!])aws\s+(\S+)/gm)].map((m) => m[2]);
      expect(uses.sort()).toEqual(['"${CMD[@]}"', "--version", ">/dev/null"].sort());
      const commands = [...code.matchAll(/CMD=\(([^)]*)\)/g)].map((m) => m[1]);
      expect(commands.sort()).toEqual(
        Object.values(OPERATIONS)
          .map((o) => o.cli.command)
          .sort(),
      );
      for (const c of commands)
        expect(c).toMatch(/^(sts|iam|s3api|kms) (get|list|head|describe|simulate-principal-policy)\b/);
    }
  });

  it("has one section per row of the read table for its mode, calling that row's operations", () => {
    for (const [mode, text] of [
      ["role", both[0]],
      ["access-key", both[1]],
    ] as const) {
      const called = new Set([...text.matchAll(/call '([a-z0-9]+:[A-Za-z0-9]+)'/g)].map((m) => m[1]));
      for (const id of READ_IDS) {
        const row = READS[id];
        if (row.mode && row.mode !== mode) {
          expect(text).not.toContain(`# ---- ${id}:`);
          continue;
        }
        expect(text).toContain(`# ---- ${id}: ${row.what}`);
        for (const op of row.ops) expect(called, `${mode} ${id}`).toContain(op);
      }
    }
  });

  it("in Japanese makes the same commands: only comments and the messages it prints differ", () => {
    const message = /^(# |echo '|printf '|if ! command -v aws >\/dev\/null 2>&1; then echo ')/;
    const commands = (text: string) => text.split("\n").filter((l) => !message.test(l));
    const en = script(collectionScript(ROLE));
    const ja = script(collectionScript(ROLE, "ja"));
    expect(ja).not.toBe(en);
    expect(commands(ja)).toEqual(commands(en));
    expect(commands(en).length).toBeGreaterThan(300);
  });

  it("speaks the user's language and names the file it writes", () => {
    expect(both[0]).toContain("read-only collection script for AWS CloudShell");
    expect(both[1]).toContain("読み取り専用の収集スクリプト");
    for (const text of both) expect(text).toContain("s3-access-doctor-bundle.json");
  });

  // Optional: Debian's shellcheck, installed when missing and running as root; skipped (and shown so) otherwise.
  const shellcheck = ensureShellcheck();
  it.skipIf(!shellcheck)("passes shellcheck", () => {
    for (const text of both) {
      const r = spawnSync(shellcheck!, ["-s", "bash", "-S", "warning", "-"], { input: text, encoding: "utf8" });
      expect(r.stdout).toBe("");
    }
  });
});
