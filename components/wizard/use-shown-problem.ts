"use client";

import { useTranslations } from "next-intl";
import type { InputProblem } from "@/lib/wizard/input-problem";
import type { ShownProblem } from "./fields";

/**
 * Turns a problem found as the user types into what the field shows: the message in the user's language, "did you
 * mean …?" and the button that puts that value in the field. A credential's fix is labelled, never shown.
 */
export function useShownProblem() {
  const t = useTranslations("wizard.errors");
  return (p: InputProblem | undefined, apply: (value: string) => void): ShownProblem | null => {
    if (!p) return null;
    const value = p.suggestion;
    const text = t(p.code, { ...p.params });
    if (value === undefined) return { text, level: p.level };
    if (p.hidden) return { text, level: p.level, fix: { label: t("removeSpaces"), apply: () => apply(value) } };
    return {
      text: `${text} ${t("didYouMean", { value })}`,
      level: p.level,
      fix: { label: t("useIt"), ariaLabel: t("use", { value }), apply: () => apply(value) },
    };
  };
}
