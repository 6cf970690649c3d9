// "Re-check this step" reads exactly what lib/reads/table.ts declares for that step: against the fake endpoint, a
// run asked for one step makes every call of the step's rows (and of the rows they need) that a full run makes, and
// no other. With the offline side (lib/reads/table.test.ts), this proves the collector, the offline boxes and the
// re-check read from the one declaration.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSnapshot } from "@/lib/aws/collect";
import { CONDITIONAL_OPERATIONS } from "@/lib/reads/operations";
import { operationsOf, readsForSteps } from "@/lib/reads/table";
import { STEPS } from "@/lib/report/types";
import type { FakeAws } from "@/tests/fake-aws/server";
import { CANARY_SECRET, startFake } from "./support/live";

let fake: FakeAws;
let n = 0;

beforeAll(async () => {
  fake = await startFake();
});
afterAll(async () => {
  await fake?.stop();
});

/** The operations one collection made (the fake's own names for what it received), sorted. */
async function opsOf(scenario: string, only?: (typeof STEPS)[number][]): Promise<string[]> {
  const accessKeyId = `AKIARECHECK${String(++n).padStart(9, "0")}`;
  fake.setScenario(scenario, accessKeyId);
  await collectSnapshot({
    target: fake.scenarios.get(scenario)!.snapshot.target,
    credentials: { accessKeyId, secretAccessKey: CANARY_SECRET },
    simulate: true,
    ...(only ? { only } : {}),
  });
  return [...new Set(fake.calls.filter((c) => c.accessKeyId === accessKeyId).map((c) => c.op))].sort();
}

describe("a re-check reads what the read table declares for its step", () => {
  // role-tag-conditions has policies with tag conditions, so that the operations made only for them are made too.
  for (const [scenario, mode, conditional] of [
    ["role-ok", "role", false],
    ["access-key-ok", "access-key", false],
    ["role-tag-conditions", "role", true],
  ] as const) {
    it(`${scenario}: each step's run makes exactly the calls of its rows`, async () => {
      const full = await opsOf(scenario);
      // the full run exercises every operation its mode declares (so the comparison below misses nothing), but the
      // ones made only when a policy asks for them in an account whose policies do not
      expect(full).toEqual(
        operationsOf(readsForSteps(undefined, true), mode).filter(
          (op) => conditional || !CONDITIONAL_OPERATIONS.includes(op),
        ),
      );
      for (const step of STEPS) {
        if (mode === "access-key" && step === "assume-role") continue;
        const declared = new Set<string>(operationsOf(readsForSteps([step], true), mode));
        expect(await opsOf(scenario, [step]), step).toEqual(full.filter((op) => declared.has(op)));
      }
    });
  }
});
