/** Vitest global setup: at the end of the run, says where the app's log lines went (see quiet-server-log.ts). */
import { existsSync, readFileSync } from "node:fs";

export default function setup() {
  return () => {
    const file = process.env.TEST_SERVER_LOG;
    if (!file || !existsSync(file)) return;
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean).length;
    console.log(`\nLog lines the app wrote during these tests (${lines}): ${file}`);
  };
}
