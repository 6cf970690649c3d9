import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/load-messages";

type Flat = [string, unknown][];
function flatten(obj: unknown, prefix = ""): Flat {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return [[prefix, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

describe("message files", () => {
  it("English and Japanese define exactly the same keys", async () => {
    const en = flatten(await loadMessages("en")).map(([k]) => k);
    const ja = flatten(await loadMessages("ja")).map(([k]) => k);
    expect(ja.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !ja.includes(k))).toEqual([]);
  });

  it("no English sentence is left untranslated in the Japanese files", async () => {
    const ja = new Map(flatten(await loadMessages("ja")));
    const untranslated = flatten(await loadMessages("en"))
      .filter(([k, v]) => typeof v === "string" && /[a-z]+ [a-z]+ [a-z]+/i.test(v) && ja.get(k) === v)
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });
});
