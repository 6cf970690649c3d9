import { describe, expect, it } from "vitest";
import { formatWithStatementLines } from "./document-lines";

describe("formatWithStatementLines", () => {
  it("prints exactly what JSON.stringify prints and locates each statement", () => {
    const doc = {
      Version: "2012-10-17",
      Statement: [
        { Sid: "A", Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::b/*" },
        { Sid: "B", Effect: "Deny", Action: "s3:*", Resource: "*" },
      ],
      Id: "x",
    };
    const { text, statementLines } = formatWithStatementLines(doc);
    expect(text).toBe(JSON.stringify(doc, null, 2));
    const lines = text.split("\n");
    expect(statementLines).toHaveLength(2);
    const second = lines.slice(statementLines[1][0], statementLines[1][1] + 1).join("\n");
    expect(second).toContain('"Sid": "B"');
    expect(second).not.toContain('"Sid": "A"');
    expect(lines[statementLines[0][0]].trim()).toBe("{");
  });

  it("treats a single statement object as statement 0", () => {
    const doc = { Version: "2012-10-17", Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "*" } };
    const { text, statementLines } = formatWithStatementLines(doc);
    expect(text).toBe(JSON.stringify(doc, null, 2));
    expect(statementLines).toHaveLength(1);
    expect(text.split("\n")[statementLines[0][0]]).toContain('"Statement"');
  });
});
