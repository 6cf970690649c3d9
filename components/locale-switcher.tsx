"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

/** Links to the same page in each language; the current one is marked for assistive technology. */
export function LocaleSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t("language")} className="flex items-center gap-1 text-sm">
      {routing.locales.map((l) => (
        <Link
          key={l}
          href={pathname}
          locale={l}
          lang={l}
          hrefLang={l}
          aria-current={l === locale ? "true" : undefined}
          className={
            l === locale
              ? "rounded px-2 py-1 font-semibold text-slate-900 bg-slate-200"
              : "rounded px-2 py-1 text-slate-700 hover:bg-slate-100 underline-offset-2 hover:underline"
          }
        >
          {t(`languageNames.${l}`)}
        </Link>
      ))}
    </nav>
  );
}
