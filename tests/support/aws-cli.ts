// Finds the AWS CLI v2 for the tests that run the collection script: AWS_CLI_PATH, then Debian's /usr/bin/aws, then
// any `aws` on PATH that is version 2. When none is found, installs Debian's `awscli` package (as
// scripts/find-chromium.mjs does for Chromium); otherwise says exactly why, for the skipped test to show.
import { execFileSync, spawnSync } from "node:child_process";
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

/** Runs apt-get as root, or through sudo when it asks no password (a CI runner's user); false when neither can. */
function aptInstall(pkg: string): boolean {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const sudo = !isRoot && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
  if (!isRoot && !sudo) return false;
  const run = (args: string[]) =>
    sudo
      ? execFileSync("sudo", ["-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", ...args], { stdio: "inherit" })
      : execFileSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  try {
    run(["update"]);
    run(["install", "-y", "--no-install-recommends", pkg]);
    return true;
  } catch {
    return false;
  }
}

export type AwsCliLookup = { path: string; reason?: undefined } | { path: null; reason: string };

let lookedUp: AwsCliLookup | undefined;

/**
 * The AWS CLI v2 for the tests that run the collection script with it: found, or installed from Debian's `awscli`
 * package (as root, or with sudo that asks no password). When it can be neither, the reason to show with the skipped
 * test (tests/integration/cloudshell-script.test.ts runs the script everywhere, with a stand-in for the CLI).
 */
export function findOrInstallAwsCli(): AwsCliLookup {
  if (lookedUp) return lookedUp;
  const found = findAwsCliV2();
  if (found) return (lookedUp = { path: found });
  console.log("[test] No AWS CLI v2 found; installing Debian's awscli package …");
  const after = aptInstall("awscli") ? findAwsCliV2() : null;
  lookedUp = after
    ? { path: after }
    : {
        path: null,
        reason:
          "no AWS CLI v2 here, and Debian's awscli package could not be installed (not root, no password-less sudo, " +
          "or apt-get failed): install it (sudo apt-get install -y awscli) or set AWS_CLI_PATH=/path/to/aws",
      };
  return lookedUp;
}
