/**
 * What the wizard shows of a failed request beside its own translated title and advice: the server's message is
 * English (lib/actions/result.ts), so a Japanese page shows it only where it holds something the translation does
 * not: AWS's reason, in the words the report uses for it (lib/checks/reasons.ts). Pure.
 */
import type { ActionError } from "@/lib/actions/result";
import { localizeReason } from "@/lib/checks/reasons";

/** The line under the error's title and advice, in the page's language; null when there is nothing to add. */
export function actionErrorDetail(error: ActionError, locale: string): string | null {
  if (!error.message || error.code === "rate.limited") return null;
  if (locale === "en") return error.message;
  // An AWS error's message is the reason AWS gave: said in Japanese where the report knows its shape, else quoted.
  if (error.code.startsWith("aws.")) return localizeReason(error.message).ja;
  // Input errors mark their field (with the Japanese title, see fieldErrorText); an internal error's message says
  // what the title and advice already say.
  return null;
}

/** The text under a start field the server refused: its English message on an English page, the title otherwise. */
export function fieldErrorText(error: ActionError, locale: string, title: string): string {
  return locale === "en" && error.message ? error.message : title;
}
