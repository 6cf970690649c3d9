"use client";

import { useTranslations } from "next-intl";
import { EXAMPLE_IDS, type ExampleId } from "@/lib/wizard/examples";

/** One button per classic mistake: fills the start form and the documents with a ready example. */
export function ExampleButtons({ onLoad }: { onLoad: (id: ExampleId) => void }) {
  const t = useTranslations("wizard.examples");
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">{t("title")}</h3>
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <ul className="flex flex-wrap gap-2">
        {EXAMPLE_IDS.map((id) => (
          <li key={id}>
            <button
              type="button"
              onClick={() => onLoad(id)}
              className="rounded-full border border-blue-700 bg-blue-50 px-3 py-1 text-sm text-blue-950 hover:bg-blue-100"
            >
              {t(id)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
