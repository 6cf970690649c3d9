import { getMessages } from "next-intl/server";
import type { Namespace } from "@/lib/i18n/namespaces";

/**
 * The messages client components of one page need. Every message handed to NextIntlClientProvider is serialised
 * into the page, so each page passes only its own namespaces (the layout: `common`, for the language switcher).
 */
export async function clientMessages(namespaces: readonly Namespace[]): Promise<Record<string, unknown>> {
  const all = (await getMessages()) as Record<string, unknown>;
  return Object.fromEntries(namespaces.filter((ns) => ns in all).map((ns) => [ns, all[ns]]));
}
