// Browser tests: builds the production app into its own folder (.next-test, so that a server already running from
// this checkout's .next keeps working), makes sure a Chromium exists, runs Playwright against `next start`.
// The build's output and the servers' logs go to files in the run folder, named at the start and at the end.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureChromium } from "./find-chromium.mjs";

const TEST_DIST = ".next-test";

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** SKIP_BUILD=1 reuses the newest build there is: the test build, or the one `npm run build` made. */
function reusedBuild() {
  const built = (dir) => (existsSync(join(dir, "BUILD_ID")) ? statSync(join(dir, "BUILD_ID")).mtimeMs : 0);
  const candidates = [TEST_DIST, ".next"].filter((d) => built(d) > 0).sort((a, b) => built(b) - built(a));
  if (!candidates.length)
    fail(`SKIP_BUILD is set, but there is no build in ${TEST_DIST}/ or .next/: run once without it.`);
  return candidates[0];
}

let chromium;
try {
  chromium = ensureChromium();
} catch (e) {
  fail(String(e instanceof Error ? e.message : e));
}
const distDir = process.env.NEXT_DIST_DIR || (process.env.SKIP_BUILD ? reusedBuild() : TEST_DIST);
const runDir = process.env.E2E_RUN_DIR || mkdtempSync(join(tmpdir(), "s3doctor-e2e-"));
const env = {
  ...process.env,
  CHROMIUM_PATH: chromium,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: distDir,
  E2E_RUN_DIR: runDir,
};
const logs = `${join(runDir, "server.log")} (the app) and ${join(runDir, "fake-aws.log")} (the fake AWS endpoint)`;

if (!process.env.SKIP_BUILD) {
  const buildLog = join(runDir, "build.log");
  console.log(`Building the app into ${distDir}/ for the browser tests (output in ${buildLog}) …`);
  const t0 = Date.now();
  // The shared report page's stylesheet (public/report.css), then the app.
  for (const [cmd, args] of [
    ["node", ["scripts/build-report-css.mjs"]],
    ["npx", ["next", "build"]],
  ]) {
    const fd = openSync(buildLog, "a");
    const r = spawnSync(cmd, args, { stdio: ["ignore", fd, fd], env });
    closeSync(fd);
    if (r.status !== 0) {
      const tail = readFileSync(buildLog, "utf8").trimEnd().split("\n").slice(-40).join("\n");
      fail(`${tail}\n\n${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal}); its whole output: ${buildLog}`);
    }
  }
  console.log(`Built in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
} else {
  console.log(`Reusing the build in ${distDir}/ (SKIP_BUILD).`);
}

console.log(`Server logs: ${logs}.`);
const r = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
console.log(`\nServer logs of this run: ${logs}.`);
process.exit(r.status ?? 1);
