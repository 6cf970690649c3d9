"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Copies `text` to the clipboard; says so in a live region (for screen readers) and on the button. */
export function CopyButton({ text, label, className = "" }: { text: string; label: string; className?: string }) {
  const t = useTranslations("wizard.copy");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const id = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(id);
  }, [state]);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState("copied");
          } catch {
            setState("failed");
          }
        }}
        className={`rounded border border-slate-400 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 ${className}`}
      >
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-slate-700">
        {state === "copied" ? t("copied") : state === "failed" ? t("failed") : ""}
      </span>
    </span>
  );
}
