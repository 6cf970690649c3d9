import { describe, expect, it } from "vitest";
import { ACTION_ERROR_CODES } from "@/lib/actions/result";
import { STEPS } from "@/lib/report/types";
import { EXAMPLE_IDS } from "./examples";
import { PASTE_ERROR_CODES } from "./parse-pasted";
import { INPUT_PROBLEM_CODES } from "./validate-start";
import en from "@/lib/i18n/messages/en/wizard.json";
import ja from "@/lib/i18n/messages/ja/wizard.json";

/** next-intl reads a dotted key as a path of nested objects. */
function at(messages: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), messages);
}

describe("every code the wizard shows has a message in English and Japanese", () => {
  const keys = [
    ...ACTION_ERROR_CODES.flatMap((c) => [`actionErrors.${c}.title`, `actionErrors.${c}.todo`]),
    ...PASTE_ERROR_CODES.map((c) => `pasteErrors.${c}`),
    ...INPUT_PROBLEM_CODES.map((c) => `errors.${c}`),
    ...STEPS.flatMap((s) => [`steps.${s}.title`, `steps.${s}.intro`]),
    ...EXAMPLE_IDS.map((id) => `examples.${id}`),
  ];
  it.each([
    ["en", en],
    ["ja", ja],
  ])("%s", (_, messages) => {
    expect(keys.filter((k) => typeof at(messages, k) !== "string")).toEqual([]);
  });
});
