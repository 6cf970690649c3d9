"use client";

import { useTranslations } from "next-intl";
import type { PasteError } from "@/lib/wizard/paste-result";
import { Field, TextArea } from "./fields";
import { usePasteErrorText } from "./use-paste-error-text";
import { useCurlyQuotes } from "./use-curly-quotes";

/** Offline alternative: a whole snapshot saved by `npm run cli -- collect` (perhaps edited), analysed as is. */
export function SnapshotPaste({
  text,
  onChange,
  errors,
  idPrefix = "doc",
}: {
  text: string;
  onChange: (v: string) => void;
  errors: PasteError[];
  idPrefix?: string;
}) {
  const t = useTranslations("wizard.offline.snapshot");
  const errorText = usePasteErrorText();
  const quotes = useCurlyQuotes();
  const e = errors.find((x) => x.field === "snapshot");
  const id = `${idPrefix}-snapshot`;
  const q = quotes(text, onChange);
  const message = q ? { problem: q } : { error: e ? errorText(e) : null };
  return (
    <Field id={id} label={t("label")} hint={t("hint")} {...message}>
      <TextArea id={id} value={text} onChange={onChange} hint rows={8} {...message} />
    </Field>
  );
}
