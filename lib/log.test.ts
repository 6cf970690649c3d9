import { describe, expect, it } from "vitest";
import { formatLogLine, scrub } from "./log";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1";
const TOKEN = "IQoJb3JpZ2luX2VjE" + "A".repeat(200) + "CANARY";

describe("structured log lines", () => {
  it("are one JSON object with time, level, event and the fields", () => {
    const line = formatLogLine("info", "report.saved", { requestId: "r-123", id: "abc" });
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({ level: "info", event: "report.saved", requestId: "r-123", id: "abc" });
    expect(Date.parse(parsed.time)).not.toBeNaN();
    expect(line).not.toContain("\n");
  });

  it("never carry a secret access key or a session token, even when one is passed by mistake", () => {
    const line = formatLogLine("error", "aws.failed", { message: `bad key ${SECRET}`, token: TOKEN });
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain("CANARY");
    expect(line).toContain("[redacted]");
  });

  it("keeps ARNs, account ids, access key ids and hex External IDs readable", () => {
    const text =
      "arn:aws:iam::111122223333:role/tidb-import AKIAIOSFODNN7EXAMPLE 696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe";
    expect(scrub(text)).toBe(text);
  });

  it("turns errors into name and message", () => {
    const parsed = JSON.parse(formatLogLine("error", "x", { err: new TypeError("boom") }));
    expect(parsed.err).toEqual({ name: "TypeError", message: "boom" });
  });
});
