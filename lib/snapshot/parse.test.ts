import { describe, expect, it } from "vitest";
import { parseSnapshot } from "./parse";

describe("parseSnapshot", () => {
  it("accepts a minimal snapshot", () => {
    const r = parseSnapshot({ version: 1, target: { mode: "role", bucketUri: "s3://b1b/f/" } });
    expect(r.ok).toBe(true);
  });

  it("names the JSON path of each problem instead of throwing", () => {
    const r = parseSnapshot({
      version: 1,
      target: { mode: "role", bucketUri: "s3://b1b/f/" },
      bucket: { exists: true, objectOwnership: "Nope" },
      objects: [{ size: 1 }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(["bucket.objectOwnership", "objects[0].key"]);
    expect(r.issues[0].message).toContain("BucketOwnerEnforced");
  });

  it("rejects what is not a snapshot at all", () => {
    for (const raw of [null, 42, "x", [], { version: 2 }]) expect(parseSnapshot(raw).ok).toBe(false);
  });
});
