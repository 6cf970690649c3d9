"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import type { StartInput } from "@/lib/wizard/form-types";
import type { PasteError } from "@/lib/wizard/paste-result";
import { scriptQuery } from "@/lib/wizard/script-query";
import { JsonPasteBox, type PasteBoxProps } from "./json-paste-box";

const SCRIPT_FILE = "s3-access-doctor-collect.sh";

/**
 * The third way in, with no credential leaving the account: the collection script for AWS CloudShell, made by the
 * server for the start form's values (copy or download), and the box for the bundle it writes.
 */
export function ScriptSource({
  start,
  bundleText,
  onBundle,
  errors,
  policyJson,
}: {
  start: StartInput;
  bundleText: string;
  onBundle: (text: string) => void;
  errors: PasteError[];
  /** The diagnosing policy: the reads the CloudShell session needs (an administrator has them). */
  policyJson: string;
}) {
  const t = useTranslations("wizard.script");
  const locale = useLocale();
  const query = scriptQuery(start);
  const url = `/${locale}/wizard/collect-script?${query}`;
  const [shown, setShown] = useState<{ query: string; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const current = shown?.query === query ? shown.text : null;

  const show = async () => {
    setLoading(true);
    setProblem(null);
    try {
      const res = await fetch(url, { cache: "no-store" });
      if (res.ok) setShown({ query, text: await res.text() });
      else {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setShown(null);
        setProblem(body?.error?.message ?? t("failed"));
      }
    } catch {
      setProblem(t("failed"));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="space-y-5">
      <p className="text-slate-700">{t("intro")}</p>
      <ol className="list-decimal space-y-1 pl-6 text-sm text-slate-800">
        {(["open", "upload", "run", "download", "paste"] as const).map((k) => (
          <li key={k}>{t(`steps.${k}`)}</li>
        ))}
      </ol>
      <div className="space-y-3">
        <button
          type="button"
          onClick={show}
          disabled={loading}
          className="rounded-md border border-blue-700 bg-blue-50 px-4 py-2 font-semibold text-blue-950 hover:bg-blue-100 disabled:opacity-60"
        >
          {current ? t("refresh") : t("show")}
        </button>
        {problem ? (
          <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-950">
            {problem}
          </p>
        ) : null}
        {shown && !current ? <p className="text-sm text-slate-700">{t("stale")}</p> : null}
        {current ? (
          <div className="space-y-2" data-testid="collection-script">
            <div className="flex flex-wrap items-center gap-3">
              <CopyButton text={current} label={t("copy")} />
              <a
                href={url}
                download={SCRIPT_FILE}
                className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
              >
                {t("download", { file: SCRIPT_FILE })}
              </a>
            </div>
            <p className="text-sm text-slate-700">{t("readOnly")}</p>
            <CodeBlock code={current} label={t("label")} />
          </div>
        ) : null}
      </div>
      <details className="rounded border border-slate-200 p-3">
        <summary className="cursor-pointer font-medium">{t("permissions.title")}</summary>
        <div className="mt-3 space-y-2">
          <p className="text-sm text-slate-700">{t("permissions.text")}</p>
          <CopyButton text={policyJson} label={t("permissions.copy")} />
          <CodeBlock code={policyJson} label={t("permissions.title")} />
        </div>
      </details>
      <BundlePaste text={bundleText} onChange={onBundle} errors={errors} />
    </div>
  );
}

/** The bundle the script wrote: pasted, or read from the chosen file. */
export function BundlePaste(props: PasteBoxProps) {
  const t = useTranslations("wizard.script.bundle");
  return <JsonPasteBox field="bundle" label={t("label")} hint={t("hint")} fileLabel={t("file")} {...props} />;
}
