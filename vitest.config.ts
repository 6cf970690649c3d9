import { defineConfig } from "vitest/config";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The app's own log lines (route handlers and actions called in-process) go to this file, not the console.
process.env.TEST_SERVER_LOG ??= join(mkdtempSync(join(tmpdir(), "s3doctor-vitest-")), "server.log");

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside React's server condition; unit tests run plain Node.
      "server-only": fileURLToPath(new URL("./tests/support/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "tests/unit/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "tests/fuzz/**/*.test.ts",
      "tests/load/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
    ],
    environment: "node",
    env: {
      TEST_SERVER_LOG: process.env.TEST_SERVER_LOG,
      // The AWS SDK's warning about Node.js 20 (README, Configuration) is not a test result.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    setupFiles: ["tests/support/quiet-server-log.ts"],
    globalSetup: ["tests/support/server-log-summary.ts"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
