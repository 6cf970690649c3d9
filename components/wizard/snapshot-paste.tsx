"use client";

import { useTranslations } from "next-intl";
import { JsonPasteBox, type PasteBoxProps } from "./json-paste-box";

/** Offline alternative: a whole snapshot saved by `npm run cli -- collect` (perhaps edited), analysed as is. */
export function SnapshotPaste(props: PasteBoxProps) {
  const t = useTranslations("wizard.offline.snapshot");
  return <JsonPasteBox field="snapshot" label={t("label")} hint={t("hint")} straightenQuotes {...props} />;
}
