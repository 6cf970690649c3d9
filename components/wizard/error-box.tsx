"use client";

import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/result";
import type { PasteError } from "@/lib/wizard/paste-result";

/** The element the focus moves to after a failed job. */
export const ERROR_BOX_ID = "wizard-error";

/** Why a job failed: the server's error with what to do, or how many pasted boxes could not be read. */
export function ErrorBox({ actionError, pasteErrors }: { actionError: ActionError | null; pasteErrors: PasteError[] }) {
  const t = useTranslations("wizard");
  if (!actionError && pasteErrors.length === 0) return null;
  return (
    <div
      id={ERROR_BOX_ID}
      tabIndex={-1}
      role="alert"
      className="space-y-1 rounded border border-red-700 bg-red-50 p-3 text-red-950"
    >
      {actionError ? (
        <>
          <p className="font-semibold">{t(`actionErrors.${actionError.code}.title`)}</p>
          <p>{t(`actionErrors.${actionError.code}.todo`)}</p>
          {actionError.message ? <p className="break-words text-sm">{actionError.message}</p> : null}
        </>
      ) : (
        <p className="font-semibold">{t("pasteErrors.summary", { count: pasteErrors.length })}</p>
      )}
    </div>
  );
}
