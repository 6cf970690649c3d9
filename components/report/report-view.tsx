import { useTranslations } from "next-intl";
import { useId } from "react";
import { STATUSES, STEPS, type Report } from "@/lib/report/types";
import { FindingCard } from "./finding-card";

const TARGET_FIELDS = ["bucketUri", "roleArn", "externalId", "tidbAccountId", "accessKeyId", "region"] as const;

/**
 * A read-only report: target, summary, findings grouped by step, fixes. Plain markup, so it reads the same with
 * JavaScript off; works as a Server Component (the shared page) and inside client components (the share preview).
 */
export function ReportView({ report }: { report: Report }) {
  const t = useTranslations("share.report");
  const target = report.target;
  const uid = useId();
  return (
    <div className="space-y-8">
      <section aria-labelledby={`${uid}-target`} className="space-y-2">
        <h2 id={`${uid}-target`} className="text-xl font-semibold">
          {t("target")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-slate-700">{t("mode")}</dt>
          <dd>
            {target.mode === "role" || target.mode === "access-key" ? t(`modes.${target.mode}`) : String(target.mode)}
          </dd>
          {TARGET_FIELDS.map((k) =>
            target[k] ? (
              <div key={k} className="contents">
                <dt className="font-medium text-slate-700">{t(`fields.${k}`)}</dt>
                <dd className="break-all font-mono">{target[k]}</dd>
              </div>
            ) : null,
          )}
          {target.errorMessage ? (
            <div className="contents">
              <dt className="font-medium text-slate-700">{t("fields.errorMessage")}</dt>
              <dd className="whitespace-pre-wrap break-words font-mono">{target.errorMessage}</dd>
            </div>
          ) : null}
        </dl>
        {report.generatedAt ? (
          <p className="text-sm text-slate-600">
            {t("generatedAt", { time: report.generatedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby={`${uid}-summary`} className="space-y-2">
        <h2 id={`${uid}-summary`} className="text-xl font-semibold">
          {t("summary")}
        </h2>
        <ul className="flex flex-wrap gap-3 text-sm">
          {STATUSES.map((s) => (
            <li key={s} className="rounded border border-slate-200 bg-white px-3 py-1">
              {t(`statuses.${s}`)}: <strong>{report.summary?.[s] ?? 0}</strong>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={`${uid}-findings`} className="space-y-6">
        <h2 id={`${uid}-findings`} className="text-xl font-semibold">
          {t("findings")}
        </h2>
        {report.findings.length === 0 ? <p>{t("noFindings")}</p> : null}
        {STEPS.map((step) => {
          const findings = report.findings.filter((f) => f.step === step);
          if (!findings.length) return null;
          return (
            <section key={step} aria-labelledby={`${uid}-step-${step}`} className="space-y-3">
              <h3 id={`${uid}-step-${step}`} className="text-lg font-semibold text-slate-900">
                {t(`steps.${step}`)}
              </h3>
              {findings.map((f, i) => (
                <FindingCard key={`${f.id}-${i}`} finding={f} />
              ))}
            </section>
          );
        })}
      </section>
    </div>
  );
}
