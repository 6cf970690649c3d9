"use client";

import type { PasteError } from "@/lib/wizard/paste-result";
import { Field, TextArea } from "./fields";
import { usePasteErrorText } from "./use-paste-error-text";
import { useCurlyQuotes } from "./use-curly-quotes";

/** What the page gives a JSON box: the text, where it goes, the paste errors, and the id's prefix. */
export interface PasteBoxProps {
  text: string;
  onChange: (v: string) => void;
  errors: PasteError[];
  idPrefix?: string;
}

/**
 * A box for one whole pasted JSON file (a snapshot, the collection script's bundle): its error names the JSON path.
 * Options: typographic quotes offered straightened as they are typed (`straightenQuotes`), and a file picker whose
 * file's text fills the box (`fileLabel`; the text stays in the page until the run).
 */
export function JsonPasteBox({
  field,
  label,
  hint,
  text,
  onChange,
  errors,
  idPrefix = "doc",
  straightenQuotes = false,
  fileLabel,
}: PasteBoxProps & {
  /** The paste error's field, and the box's id after the prefix. */
  field: "bundle" | "snapshot";
  label: string;
  hint: string;
  straightenQuotes?: boolean;
  fileLabel?: string;
}) {
  const errorText = usePasteErrorText();
  const quotes = useCurlyQuotes();
  const e = errors.find((x) => x.field === field);
  const id = `${idPrefix}-${field}`;
  const q = straightenQuotes ? quotes(text, onChange) : null;
  const message = q ? { problem: q } : { error: e ? errorText(e) : null };
  const box = (
    <Field id={id} label={label} hint={hint} {...message}>
      <TextArea id={id} value={text} onChange={onChange} hint rows={8} {...message} />
    </Field>
  );
  if (!fileLabel) return box;
  return (
    <div className="space-y-2">
      {box}
      <label className="block text-sm">
        <span className="font-medium">{fileLabel}</span>{" "}
        <input
          type="file"
          accept=".json,application/json"
          className="text-sm"
          onChange={async (ev) => {
            const file = ev.target.files?.[0];
            if (file) onChange(await file.text());
          }}
        />
      </label>
    </div>
  );
}
