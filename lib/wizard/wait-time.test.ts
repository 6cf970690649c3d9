import { describe, expect, it } from "vitest";
import { formatWait } from "./wait-time";

describe("formatWait", () => {
  it("says seconds under a minute and minutes, rounded up, above", () => {
    expect(formatWait(1, "en")).toBe("1 second");
    expect(formatWait(42, "en")).toBe("42 seconds");
    expect(formatWait(60, "en")).toBe("1 minute");
    expect(formatWait(61, "en")).toBe("2 minutes");
    expect(formatWait(600, "en")).toBe("10 minutes");
  });

  it("in Japanese", () => {
    expect(formatWait(42, "ja")).toBe("42 秒");
    expect(formatWait(299, "ja")).toBe("5 分");
  });

  it("never says zero or nothing, even without a wait from the server", () => {
    expect(formatWait(0, "en")).toBe("1 second");
    expect(formatWait(NaN, "en")).toBe("1 minute");
  });
});
