"use client";

import type { ReactNode } from "react";

/** A problem of a field as shown: its text, and the one-click fix when there is one ("did you mean"). */
export interface ShownProblem {
  text: string;
  /** "invalid" marks the field wrong (red, aria-invalid); a "note" is information (blue). */
  level: "invalid" | "note";
  fix?: { label: string; ariaLabel?: string; apply: () => void };
}

/**
 * Shared field chrome: a visible label, an optional hint, and the field's message (an error, or a problem found as
 * it is typed), tied to the control (aria-describedby) and announced when it appears or changes (a polite live
 * region that is always there).
 */
export function Field({
  id,
  label,
  hint,
  error,
  problem,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  problem?: ShownProblem | null;
  children: ReactNode;
}) {
  const shown: ShownProblem | null = error ? { text: error, level: "invalid" } : (problem ?? null);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </div>
      ) : null}
      {children}
      <div aria-live="polite">
        {shown ? (
          <p
            id={`${id}-error`}
            data-level={shown.level}
            className={`text-sm ${shown.level === "invalid" ? "font-medium text-red-800" : "text-blue-900"}`}
          >
            <span aria-hidden="true">{shown.level === "invalid" ? "✕ " : "ℹ "}</span>
            {shown.text}
            {shown.fix ? (
              <>
                {" "}
                <button
                  type="button"
                  onClick={shown.fix.apply}
                  aria-label={shown.fix.ariaLabel}
                  className="rounded border border-current px-2 py-0.5 font-medium underline-offset-2 hover:underline"
                >
                  {shown.fix.label}
                </button>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

const inputClass =
  "block w-full rounded border border-slate-500 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700";
const textareaClass = `${inputClass} font-mono text-xs sm:text-sm`;

/** aria-invalid and aria-describedby of a control from its error or shown problem. */
function ariaOf(id: string, hint: boolean, error: string | null | undefined, problem: ShownProblem | null | undefined) {
  return {
    "aria-invalid": error || problem?.level === "invalid" ? true : undefined,
    "aria-describedby": describedBy(id, hint, !!error || !!problem),
  };
}

/** What every control takes: its id (also its name), its value and setter, whether a hint and a message describe it. */
interface ControlProps {
  id: string;
  value: string;
  onChange: (v: string) => void;
  hint?: boolean;
  error?: string | null;
  problem?: ShownProblem | null;
}
type InputAttributes = Omit<React.InputHTMLAttributes<HTMLInputElement>, keyof ControlProps>;

export function TextInput({ id, value, onChange, hint, error, problem, ...rest }: ControlProps & InputAttributes) {
  return (
    <input
      id={id}
      name={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...ariaOf(id, !!hint, error, problem)}
      className={inputClass}
      {...rest}
    />
  );
}

export function TextArea({
  id,
  value,
  onChange,
  hint,
  error,
  problem,
  rows = 6,
  ...rest
}: ControlProps & { rows?: number } & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, keyof ControlProps>) {
  return (
    <textarea
      id={id}
      name={id}
      value={value}
      rows={rows}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
      {...ariaOf(id, !!hint, error, problem)}
      className={textareaClass}
      {...rest}
    />
  );
}

/**
 * A text field checked as it is typed (the start form, the credentials): its label and hint, the server's message
 * about it or the problem found, and `onTouch` when it is left or pasted into (from then on its problems show).
 */
export function CheckedTextField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  problem,
  onTouch,
  ...rest
}: Omit<ControlProps, "hint"> & {
  label: string;
  hint?: string;
  onTouch: (how: "blur" | "paste") => void;
} & Omit<InputAttributes, "onBlur" | "onPaste">) {
  return (
    <Field id={id} label={label} hint={hint} error={error} problem={problem}>
      <TextInput
        id={id}
        value={value}
        onChange={onChange}
        hint={!!hint}
        error={error}
        problem={problem}
        onBlur={() => onTouch("blur")}
        onPaste={() => onTouch("paste")}
        {...rest}
      />
    </Field>
  );
}
