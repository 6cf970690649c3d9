import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logAction } from "./log-action";

const CANARY = "CANARYsecretAccessKey0123456789abcdefghij";
let lines: Record<string, unknown>[] = [];

beforeEach(() => {
  lines = [];
  const capture = (s: string | Uint8Array) => {
    for (const l of String(s).split("\n")) if (l.trim()) lines.push(JSON.parse(l));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

describe("one log line per server action", () => {
  it("a server action outside a request logs its outcome without a request id, and never its input", async () => {
    const input = { credentials: { secretAccessKey: CANARY } };
    const result = await logAction(
      "wizard.action",
      async () => ({ ok: true, echo: input }),
      (r) => ({ ok: r.ok }),
    );
    expect(result.ok).toBe(true);
    expect(lines).toEqual([expect.objectContaining({ event: "wizard.action", ok: true })]);
    expect(lines[0].requestId).toBeUndefined();
    expect(JSON.stringify(lines)).not.toContain(CANARY);
  });
});
