import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader() {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <span
            aria-hidden="true"
            className="inline-block h-6 w-6 rounded bg-blue-700 text-center text-sm leading-6 text-white"
          >
            S3
          </span>
          {t("appName")}
        </Link>
        <div className="flex items-center gap-4">
          <Link href="/wizard" className="text-sm font-medium text-blue-800 underline-offset-2 hover:underline">
            {t("nav.wizard")}
          </Link>
          <LocaleSwitcher />
        </div>
      </div>
    </header>
  );
}
