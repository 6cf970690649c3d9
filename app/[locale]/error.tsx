"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <button type="button" onClick={reset} className="rounded bg-blue-700 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </div>
  );
}
