"use client";

import { useTranslations } from "next-intl";
import type { PasteError } from "@/lib/wizard/paste-result";

/** Turns a paste error into the user's language, naming the field and the JSON path. */
export function usePasteErrorText() {
  const t = useTranslations("wizard.pasteErrors");
  return (e: PasteError) =>
    t(e.code, {
      path: e.path,
      line: Number(e.params?.line ?? 0),
      column: Number(e.params?.column ?? 0),
      message: String(e.params?.message ?? ""),
      size: Number(e.params?.size ?? 0),
      total: Number(e.params?.total ?? 0),
      limit: Number(e.params?.limit ?? 0),
      parts: String(e.params?.parts ?? ""),
    });
}
