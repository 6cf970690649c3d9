import { describe, expect, it } from "vitest";
import { liveConcurrency, Slots } from "./live-slots";

/** A task that runs until `finish()` is called, recording when it started. */
function gate(started: string[], name: string) {
  let finish!: (fail?: boolean) => void;
  const task = () =>
    new Promise<string>((resolve, reject) => {
      started.push(name);
      finish = (fail) => (fail ? reject(new Error(`${name} failed`)) : resolve(name));
    });
  return { task, finish: (fail?: boolean) => finish(fail) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("live diagnosis slots", () => {
  it("runs at most `size` at once; the others start in order of arrival as slots free up", async () => {
    const slots = new Slots(2);
    const started: string[] = [];
    const gates = ["a", "b", "c", "d", "e"].map((n) => gate(started, n));
    const results = gates.map((g) => slots.run(g.task));
    await tick();
    expect(started).toEqual(["a", "b"]);
    gates[1].finish();
    await tick();
    expect(started).toEqual(["a", "b", "c"]);
    gates[0].finish();
    gates[2].finish();
    await tick();
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
    gates[3].finish();
    gates[4].finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("frees the slot of a task that fails, and hands the failure to its caller", async () => {
    const slots = new Slots(1);
    const started: string[] = [];
    const [a, b] = [gate(started, "a"), gate(started, "b")];
    const first = slots.run(a.task);
    const second = slots.run(b.task);
    await tick();
    a.finish(true);
    await expect(first).rejects.toThrow("a failed");
    await tick();
    expect(started).toEqual(["a", "b"]);
    b.finish();
    expect(await second).toBe("b");
    // Nothing is left taken: the next task starts at once.
    const c = gate(started, "c");
    const third = slots.run(c.task);
    await tick();
    expect(started.at(-1)).toBe("c");
    c.finish();
    await third;
  });

  it("reads LIVE_CONCURRENCY, and falls back to two per core for a missing or unusable value", () => {
    expect(liveConcurrency({ LIVE_CONCURRENCY: "3" })).toBe(3);
    const fallback = liveConcurrency({});
    expect(fallback).toBeGreaterThanOrEqual(2);
    for (const bad of ["0", "-1", "2.5", "many", " "])
      expect(liveConcurrency({ LIVE_CONCURRENCY: bad })).toBe(fallback);
  });
});
