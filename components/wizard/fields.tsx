"use client";

import type { ReactNode } from "react";

/** Shared field chrome: a visible label, an optional hint and error, both tied to the control for screen readers. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
}) {
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
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      ) : null}
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

export function TextInput({
  id,
  value,
  onChange,
  hint,
  error,
  ...rest
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  hint?: boolean;
  error?: string | null;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "onChange" | "value" | "id">) {
  return (
    <input
      id={id}
      name={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, !!hint, !!error)}
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
  rows = 6,
  ...rest
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  hint?: boolean;
  error?: string | null;
  rows?: number;
} & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "onChange" | "value" | "id">) {
  return (
    <textarea
      id={id}
      name={id}
      value={value}
      rows={rows}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, !!hint, !!error)}
      className={textareaClass}
      {...rest}
    />
  );
}
