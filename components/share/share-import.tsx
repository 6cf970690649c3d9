"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Report } from "@/lib/report/types";
import { checkReport } from "@/lib/share/report-schema";
import { syntaxErrorAt } from "@/lib/wizard/json-error-position";
import { SharePanel } from "./share-panel";

/** Paste a report saved by the command line (`--json`), then share it with the SharePanel. */
export function ShareImport() {
  const t = useTranslations("share.import");
  const locale = useLocale();
  const uid = useId();
  const [text, setText] = useState("");
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = () => {
    setReport(null);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      // The browser's own message is English: a Japanese page names the line and column instead.
      const english = e instanceof Error ? e.message : String(e);
      setProblem(t("notJson", { message: locale === "ja" ? t("notJsonAt", syntaxErrorAt(text)) : english }));
      return;
    }
    const checked = checkReport(raw, locale === "ja" ? "ja" : "en");
    if (!checked.ok) {
      const message =
        checked.code === "secret-detected"
          ? t("secret", { path: checked.path, kind: checked.kind.replaceAll("-", "_") })
          : checked.message;
      setProblem(t("invalid", { message }));
      return;
    }
    setProblem(null);
    setReport(checked.report);
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <label htmlFor={`${uid}-json`} className="block font-medium">
          {t("label")}
        </label>
        <textarea
          id={`${uid}-json`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={10}
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${uid}-problem` : undefined}
          className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm"
        />
        <button
          type="button"
          onClick={load}
          className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100"
        >
          {t("load")}
        </button>
        {problem ? (
          <p id={`${uid}-problem`} role="alert" className="text-red-800">
            {problem}
          </p>
        ) : null}
      </div>
      {report ? <SharePanel report={report} /> : null}
    </div>
  );
}
