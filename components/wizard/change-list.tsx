"use client";

import { useTranslations } from "next-intl";
import type { Changes } from "@/lib/wizard/wizard-state";

/** After a re-check: the results of the step whose status changed, and how many stayed the same. */
export function ChangeList({ changes }: { changes: Changes }) {
  const t = useTranslations("wizard.recheck");
  const ts = useTranslations("report.statuses");
  return (
    <div role="status" className="space-y-1 rounded border border-blue-300 bg-blue-50 p-3 text-sm">
      <p className="font-semibold">
        {changes.changed.length > 0 ? t("changed", { count: changes.changed.length }) : t("nothingChanged")}
      </p>
      {changes.changed.length > 0 ? (
        <ul className="list-disc pl-5">
          {changes.changed.map((c) => (
            <li key={c.id} data-change={c.id}>
              {c.title}: {c.before ? ts(c.before) : t("new")} → {c.after ? ts(c.after) : t("gone")}
            </li>
          ))}
        </ul>
      ) : null}
      {changes.unchanged > 0 ? <p>{t("unchanged", { count: changes.unchanged })}</p> : null}
    </div>
  );
}
