"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/result";
import type { PasteError } from "@/lib/wizard/paste-result";
import { actionErrorDetail } from "@/lib/wizard/action-error-text";
import { formatWait } from "@/lib/wizard/wait-time";

/** The element the focus moves to after a failed job. */
export const ERROR_BOX_ID = "wizard-error";

/** Why a job failed: the server's error with what to do, or how many pasted boxes could not be read. */
export function ErrorBox({ actionError, pasteErrors }: { actionError: ActionError | null; pasteErrors: PasteError[] }) {
  const t = useTranslations("wizard");
  const locale = useLocale();
  if (!actionError && pasteErrors.length === 0) return null;
  // Refused by the server's rate limit: one sentence in the page's language with the wait, and not the server's
  // English message (which says the same).
  const limited = actionError?.code === "rate.limited";
  const detail = actionError ? actionErrorDetail(actionError, locale) : null;
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
          <p>
            {limited
              ? t("actionErrors.rate.limited.todo", { wait: formatWait(actionError.retryAfterSeconds ?? NaN, locale) })
              : t(`actionErrors.${actionError.code}.todo`)}
          </p>
          {detail ? <p className="break-words text-sm">{detail}</p> : null}
        </>
      ) : (
        <p className="font-semibold">{t("pasteErrors.summary", { count: pasteErrors.length })}</p>
      )}
    </div>
  );
}
