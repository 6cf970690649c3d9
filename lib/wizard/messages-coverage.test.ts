import { describe, expect, it } from "vitest";
import { ACTION_ERROR_CODES } from "@/lib/actions/result";
import { STEPS } from "@/lib/report/types";
import { EXAMPLE_IDS } from "./examples";
import { PASTE_ERROR_CODES } from "./paste-result";
import { INPUT_PROBLEM_CODES } from "./input-problem";
import en from "@/lib/i18n/messages/en/wizard.json";
import ja from "@/lib/i18n/messages/ja/wizard.json";
import reportEn from "@/lib/i18n/messages/en/report.json";
import reportJa from "@/lib/i18n/messages/ja/report.json";

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
    ...STEPS.map((s) => `steps.${s}.intro`),
    ...EXAMPLE_IDS.map((id) => `examples.${id}`),
  ];
  it.each([
    ["en", en],
    ["ja", ja],
  ])("%s", (_, messages) => {
    expect(keys.filter((k) => typeof at(messages, k) !== "string")).toEqual([]);
  });

  it.each([
    ["en", reportEn],
    ["ja", reportJa],
  ])("%s: step names and statuses, from the report's messages (one place for every surface)", (_, messages) => {
    const names = [
      ...STEPS.map((s) => `steps.${s}`),
      ...["pass", "fail", "warn", "unknown", "skipped", "none"].map((s) => `statuses.${s}`),
    ];
    expect(names.filter((k) => typeof at(messages, k) !== "string")).toEqual([]);
  });
});
