"use client";

import type { ReactNode } from "react";
import type { OfflineDocuments } from "@/lib/wizard/form-types";
import { Field, TextArea, TextInput, type ShownProblem } from "./fields";

/** What every document box of the offline form uses: its element id, its error, what its text was recognised as. */
export interface BoxKit {
  id: (field: string) => string;
  errOf: (field: string) => string | null;
  /** A JSON box's message: its typographic quotes with the fix (`apply` puts the straightened text in), else its error. */
  msg: (
    field: string,
    text: string,
    apply: (v: string) => void,
  ) => { problem: ShownProblem } | { error: string | null };
  /** What the box's text was recognised as (null: nothing yet). */
  recognised: (field: string) => ReactNode;
  /** Called when the user leaves a document box. */
  onCheck?: () => void;
}

/** What a group of document boxes is given by the offline form. */
export interface BoxesProps {
  docs: OfflineDocuments;
  onChange: (d: OfflineDocuments) => void;
  kit: BoxKit;
}

/**
 * One pasted document: its label, its hint followed by what the text was recognised as, its message (typographic
 * quotes offered straightened, else its paste error); leaving it reads the documents.
 */
export function DocumentBox({
  kit,
  field,
  label,
  hint,
  text,
  onChange,
  rows,
}: {
  kit: BoxKit;
  /** The paste error's field, e.g. "bucketPolicy", "objectHeads[1]". */
  field: string;
  label: string;
  hint?: string;
  text: string;
  onChange: (v: string) => void;
  rows?: number;
}) {
  const message = kit.msg(field, text, onChange);
  const recognised = kit.recognised(field);
  const shownHint = hint ? (
    <>
      {hint}
      {recognised}
    </>
  ) : (
    recognised
  );
  return (
    <Field id={kit.id(field)} label={label} hint={shownHint} {...message}>
      <TextArea
        onBlur={kit.onCheck}
        id={kit.id(field)}
        value={text}
        onChange={onChange}
        hint={shownHint !== null}
        rows={rows}
        {...message}
      />
    </Field>
  );
}

/** The short text beside a row's document (a policy's name, a key's ARN, an object's key), with its error if any. */
export function RowTextField({
  kit,
  field,
  errorField,
  label,
  hint,
  value,
  onChange,
}: {
  kit: BoxKit;
  /** Its element id before the prefix, e.g. "keyPolicies[0]-arn". */
  field: string;
  /** The paste error's field, e.g. "keyPolicies[0].keyArn" (none: the text is never wrong). */
  errorField?: string;
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const error = errorField ? kit.errOf(errorField) : null;
  return (
    <Field id={kit.id(field)} label={label} hint={hint} error={error}>
      <TextInput id={kit.id(field)} value={value} hint error={error} autoComplete="off" onChange={onChange} />
    </Field>
  );
}
