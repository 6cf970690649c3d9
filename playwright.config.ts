import { defineConfig, devices } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const FAKE_AWS_PORT = Number(process.env.E2E_FAKE_AWS_PORT ?? 4599);
const FAKE_AWS_URL = `http://127.0.0.1:${FAKE_AWS_PORT}`;
// The build the server runs: scripts/test-e2e.mjs builds into .next-test (never the .next of `npm run serve`).
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-test";
// Every run gets its own report database and server log, so runs never see each other's data.
const runDir = process.env.E2E_RUN_DIR ?? mkdtempSync(join(tmpdir(), "s3doctor-e2e-"));
process.env.E2E_RUN_DIR = runDir;

export default defineConfig({
  testDir: "./tests/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      // The wire-level fake AWS endpoint (tests/fake-aws): the diagnosing access key id selects the scenario.
      command: `./node_modules/.bin/tsx tests/fake-aws/main.ts --port ${FAKE_AWS_PORT} > ${join(runDir, "fake-aws.log")} 2>&1`,
      port: FAKE_AWS_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // What `npm start` runs (its keep-alive timeout included), on this run's port.
      command: `node scripts/start.mjs > ${join(runDir, "server.log")} 2>&1`,
      url: `${baseURL}/en`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        HOST: "127.0.0.1",
        PORT: String(PORT),
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: DIST_DIR,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        REPORTS_DB_PATH: join(runDir, "reports.db"),
        // Every browser test saves reports from the one loopback address; the limit itself is tested in
        // tests/integration/share-api.test.ts and across two servers in tests/e2e/scale-out.spec.ts, so here it must not
        // make a growing suite flaky.
        REPORTS_RATE_LIMIT: "1000",
        // Likewise for live diagnoses (tests/e2e/live-load.spec.ts alone sends 50): that limit and the wizard's message
        // are tested against two servers of their own (tests/e2e/scale-out.spec.ts) and in the live route's tests.
        LIVE_RATE_LIMIT: "100000",
        // Live mode reads the fake AWS endpoint; no AWS credentials come from the environment.
        AWS_ENDPOINT_URL: FAKE_AWS_URL,
        AWS_ACCESS_KEY_ID: "",
        AWS_SECRET_ACCESS_KEY: "",
        AWS_SESSION_TOKEN: "",
      },
    },
  ],
});
