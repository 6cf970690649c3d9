"use client";

import type { ReactNode } from "react";

/**
 * A list of rows the user grows and shrinks (identity policies, key policies, objects): each row as `children`
 * draws it, with its own setter, a remove button while more than one row is left (when rows may be removed), and
 * the add button after the last row.
 */
export function RowList<T extends object>({
  rows,
  onChange,
  blank,
  addLabel,
  removeLabel,
  rowClassName,
  children,
}: {
  rows: readonly T[];
  onChange: (rows: T[]) => void;
  /** The row the add button appends. */
  blank: T;
  addLabel: string;
  /** The remove button's label of row i; without it, rows are not removed one by one. */
  removeLabel?: (i: number) => string;
  rowClassName: string;
  children: (row: T, i: number, set: (patch: Partial<T>) => void) => ReactNode;
}) {
  return (
    <>
      {rows.map((row, i) => (
        <div key={i} className={rowClassName}>
          {children(row, i, (patch) => onChange(rows.map((x, j) => (j === i ? { ...x, ...patch } : x))))}
          {removeLabel && rows.length > 1 ? (
            <button
              type="button"
              className="text-sm text-red-800 underline"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {removeLabel(i)}
            </button>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
        onClick={() => onChange([...rows, blank])}
      >
        {addLabel}
      </button>
    </>
  );
}
