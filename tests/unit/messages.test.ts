import { IntlMessageFormat } from "intl-messageformat";
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

  // next-intl returns a message without values as written, and parses one given values: there `<bucket>` is a tag and
  // a stray brace an argument, and the page shows the key instead.
  it("every message with a placeholder is valid ICU (no angle bracket or stray brace beside it)", async () => {
    for (const locale of ["en", "ja"] as const) {
      const broken = flatten(await loadMessages(locale)).filter(([, v]) => {
        if (typeof v !== "string" || !v.includes("{")) return false;
        try {
          new IntlMessageFormat(v, locale);
          return false;
        } catch {
          return true;
        }
      });
      expect(broken.map(([k]) => `${locale}: ${k}`)).toEqual([]);
    }
  });
});
