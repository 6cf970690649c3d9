"use client";

import { useTranslations } from "next-intl";
import type { PasteError } from "@/lib/wizard/paste-result";
import { Field, TextArea } from "./fields";
import { usePasteErrorText } from "./use-paste-error-text";

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
  const e = errors.find((x) => x.field === "snapshot");
  const id = `${idPrefix}-snapshot`;
  return (
    <Field id={id} label={t("label")} hint={t("hint")} error={e ? errorText(e) : null}>
      <TextArea id={id} value={text} onChange={onChange} hint error={e ? errorText(e) : null} rows={8} />
    </Field>
  );
}
