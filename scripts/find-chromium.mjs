// Finds a Chromium for Playwright: CHROMIUM_PATH, then Debian's binaries. When none is found and we run as root,
// installs Debian's `chromium` package; otherwise says exactly how to point the tests at one.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

const CANDIDATES = [
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      "No Chromium found for the browser tests. Install Debian's package (sudo apt-get install -y chromium) " +
        "or set CHROMIUM_PATH=/path/to/chromium.",
    );
  }
  console.log("[test] No Chromium found; installing Debian's chromium package (root) …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
  const after = findChromium();
  if (!after) throw new Error("apt-get installed chromium, but no binary was found at " + CANDIDATES.join(", "));
  return after;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium());
  } catch (e) {
    console.error(String(e instanceof Error ? e.message : e));
    process.exit(1);
  }
}
