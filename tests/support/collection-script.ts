// Runs a generated collection script with bash and the real AWS CLI against the fake endpoint, as a user would in
// AWS CloudShell, with an `aws` on PATH that records every invocation (its arguments) before running the real CLI.
import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ScriptRun {
  /** The bundle file the script wrote (parsed), or null when there is none. */
  bundle: unknown;
  /** Each `aws` invocation's arguments, in order. */
  invocations: string[][];
  stderr: string;
  code: number | null;
  /** The folder the script ran in (removed by cleanup()). */
  dir: string;
  cleanup(): void;
}

export async function runCollectionScript(
  script: string,
  opts: { awsCli: string; endpoint: string; accessKeyId: string; secretAccessKey: string; timeoutMs?: number },
): Promise<ScriptRun> {
  const dir = mkdtempSync(join(tmpdir(), "s3ad-script-"));
  const bin = join(dir, "bin");
  const log = join(dir, "aws-calls");
  mkdirSync(bin);
  mkdirSync(log);
  const shim = join(bin, "aws");
  writeFileSync(
    shim,
    `#!/bin/bash\nprintf '%s\\0' "$@" >"${log}/$(date +%s%N)-$$"\nexec ${JSON.stringify(opts.awsCli)} "$@"\n`,
  );
  chmodSync(shim, 0o755);
  writeFileSync(join(dir, "collect.sh"), script);
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: `${bin}:/usr/bin:/bin`,
    HOME: dir,
    LANG: "C.UTF-8",
    AWS_ACCESS_KEY_ID: opts.accessKeyId,
    AWS_SECRET_ACCESS_KEY: opts.secretAccessKey,
    AWS_ENDPOINT_URL: opts.endpoint,
    AWS_CONFIG_FILE: join(dir, "no-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "no-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
  };
  const child = spawn("bash", ["collect.sh"], { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 600_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  clearTimeout(timer);
  const bundlePath = join(dir, "s3-access-doctor-bundle.json");
  const invocations = readdirSync(log)
    .sort((a, b) => (BigInt(a.split("-")[0]) < BigInt(b.split("-")[0]) ? -1 : 1))
    .map((f) => readFileSync(join(log, f), "utf8").split("\0").slice(0, -1));
  return {
    bundle: existsSync(bundlePath) ? (JSON.parse(readFileSync(bundlePath, "utf8")) as unknown) : null,
    invocations,
    stderr,
    code,
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
