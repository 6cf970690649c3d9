// `npm test`: every check the project has, in order, stopping at the first failure.
import { spawnSync } from "node:child_process";

const steps = [
  ["type check", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings=0", "."]],
  ["format", "npx", ["prettier", "--check", "."]],
  ["unused files, exports and dependencies", "npx", ["knip"]],
  ["unit and integration tests", "npx", ["vitest", "run"]],
  ["browser tests", "node", ["scripts/test-e2e.mjs"]],
];

const started = Date.now();
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) {
    console.error(`\n=== ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`=== ${name} passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
