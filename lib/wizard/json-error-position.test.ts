import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "./json-error-position";

describe("jsonErrorOffset", () => {
  it("accepts every text JSON.parse accepts", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4), (v, indent) => {
        expect(jsonErrorOffset(JSON.stringify(v, null, indent))).toBeNull();
      }),
    );
  });

  it("points at the first character that breaks the grammar", () => {
    expect(jsonErrorOffset('{"a": [,]}')).toBe(7);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8); // trailing comma: the closing brace
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
  });

  it("agrees with JSON.parse on random broken texts", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        let valid = true;
        try {
          JSON.parse(s);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(s) === null).toBe(valid);
      }),
    );
  });
});
