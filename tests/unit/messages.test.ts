import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/load-messages";

type Flat = [string, unknown][];
function flatten(obj: unknown, prefix = ""): Flat {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return [[prefix, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

type Element = ReturnType<IntlMessageFormat["getAst"]>[number];
// The parser's element types (@formatjs/icu-messageformat-parser's TYPE, which intl-messageformat does not re-export).
const ARGUMENT = 1,
  NUMBER = 2,
  DATE = 3,
  TIME = 4,
  SELECT = 5,
  PLURAL = 6,
  TAG = 8;

/** The placeholders of an ICU message and its selects' options, as one sorted text ("count; kind=role|user"). */
function icuShape(message: string, locale: string): string {
  const found = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if ([ARGUMENT, NUMBER, DATE, TIME].includes(e.type)) found.add((e as { value: string }).value);
      if (e.type === TAG) walk((e as { children: Element[] }).children);
      if (e.type === SELECT || e.type === PLURAL) {
        const { value, options } = e as { value: string; options: Record<string, { value: Element[] }> };
        // A plural's forms follow the language (Japanese has one); a select's options are the same in both.
        found.add(e.type === SELECT ? `${value}=${Object.keys(options).sort().join("|")}` : value);
        for (const option of Object.values(options)) walk(option.value);
      }
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst());
  return [...found].sort().join("; ");
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

  // A Japanese message that drops a placeholder hides what the English one says (the bucket, the count), and one
  // that drops a select's option shows its "other" wording instead.
  it("Japanese messages use the same placeholders and select options as the English ones", async () => {
    const ja = new Map(flatten(await loadMessages("ja")));
    const differ = flatten(await loadMessages("en"))
      .filter(([k, v]) => typeof v === "string" && typeof ja.get(k) === "string")
      .filter(([k, v]) => icuShape(v as string, "en") !== icuShape(ja.get(k) as string, "ja"))
      .map(([k, v]) => `${k}: en ${icuShape(v as string, "en")}, ja ${icuShape(ja.get(k) as string, "ja")}`);
    expect(differ).toEqual([]);
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
