import { NAMESPACES } from "./namespaces";
import type { Locale } from "./locales";

export type Messages = Record<string, unknown>;

/** Loads every namespace file of one locale into one messages object keyed by namespace. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => {
      const mod = (await import(`./messages/${locale}/${ns}.json`)) as { default: Messages };
      return [ns, mod.default] as const;
    }),
  );
  return Object.fromEntries(entries);
}
