// Browser tests: builds the production app, makes sure a Chromium exists, runs Playwright against `next start`.
import { spawnSync } from "node:child_process";
import { ensureChromium } from "./find-chromium.mjs";

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let chromium;
try {
  chromium = ensureChromium();
} catch (e) {
  console.error(String(e instanceof Error ? e.message : e));
  process.exit(1);
}
const env = { ...process.env, CHROMIUM_PATH: chromium, NEXT_TELEMETRY_DISABLED: "1" };
if (!process.env.SKIP_BUILD) {
  // The shared report page's stylesheet (public/report.css), then the app.
  run("node", ["scripts/build-report-css.mjs"], env);
  run("npx", ["next", "build"], env);
}
run("npx", ["playwright", "test", ...process.argv.slice(2)], env);
