/**
 * The fake AWS endpoint as a process, for the browser tests and manual runs:
 *   npx tsx tests/fake-aws/main.ts --port 4599 [--scenario role-ok] [--latency 0]
 * Scenarios are selected per diagnosing access key id (see tests/fake-aws/README.md).
 */
import { parseArgs } from "node:util";
import { startFakeAws } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4599" },
    scenario: { type: "string" },
    latency: { type: "string", default: "0" },
  },
});

const fake = await startFakeAws({
  port: Number(values.port),
  ...(values.scenario ? { scenario: values.scenario } : {}),
  latencyMs: Number(values.latency),
});
process.stdout.write(
  `fake AWS endpoint listening on ${fake.url} (scenarios: ${[...fake.scenarios.keys()].join(", ")})\n`,
);
const stop = () => {
  void fake.stop().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
