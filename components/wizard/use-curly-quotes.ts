"use client";

import { useTranslations } from "next-intl";
import { curlyQuotes } from "@/lib/wizard/curly-quotes";
import type { ShownProblem } from "./fields";

/**
 * A pasted JSON box with typographic quotes (“ ”) says so as it is typed, with one click to straighten them. It
 * replaces the box's JSON error, which they cause.
 */
export function useCurlyQuotes() {
  const t = useTranslations("wizard.pasteErrors");
  return (text: string, apply: (straight: string) => void): ShownProblem | null => {
    const c = curlyQuotes(text);
    if (!c) return null;
    return {
      text: t("curlyQuotes", { count: c.count }),
      level: "invalid",
      fix: { label: t("straighten"), apply: () => apply(c.straight) },
    };
  };
}
