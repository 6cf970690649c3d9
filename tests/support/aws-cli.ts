// Finds the AWS CLI v2 for the tests that run the collection script: AWS_CLI_PATH, then Debian's /usr/bin/aws, then
// any `aws` on PATH that is version 2. When none is found and we run as root, installs Debian's `awscli` package
// (as scripts/find-chromium.mjs does for Chromium); otherwise says exactly what to do.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

function versionOf(path: string): string | null {
  try {
    return execFileSync(path, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  } catch {
    return null;
  }
}

function findAwsCliV2(): string | null {
  const fromEnv = process.env.AWS_CLI_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`AWS_CLI_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  const candidates = ["/usr/bin/aws", ...(process.env.PATH ?? "").split(delimiter).map((d) => join(d, "aws"))];
  return candidates.find((p) => existsSync(p) && /^aws-cli\/2\./.test(versionOf(p) ?? "")) ?? null;
}

/** Debian's shellcheck (optional lint of the script): found, or installed when we run as root; null otherwise. */
export function ensureShellcheck(): string | null {
  const ok = (p: string) => {
    try {
      execFileSync(p, ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  if (ok("shellcheck")) return "shellcheck";
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "shellcheck"], { stdio: "ignore", env });
  } catch {
    return null;
  }
  return ok("shellcheck") ? "shellcheck" : null;
}

export function ensureAwsCli(): string {
  const found = findAwsCliV2();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      "The collection-script tests need the AWS CLI version 2. Install Debian's package (sudo apt-get install -y awscli) " +
        "or set AWS_CLI_PATH=/path/to/aws (version 2).",
    );
  }
  console.log("[test] No AWS CLI v2 found; installing Debian's awscli package (root) …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "awscli"], { stdio: "inherit", env });
  const after = findAwsCliV2();
  if (!after) throw new Error("apt-get installed awscli, but no AWS CLI version 2 was found at /usr/bin/aws");
  return after;
}
