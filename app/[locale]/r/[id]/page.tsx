import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { ReportView } from "@/components/report/report-view";
import { getReportStore } from "@/lib/share/get-store";
import { isReportId } from "@/lib/share/ids";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "share.page" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

function formatDate(date: Date, locale: string): string {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(date)} UTC`;
}

/** The read-only shared report, rendered on the server in the viewer's language. */
export default async function SharedReportPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  if (!isReportId(id)) notFound();
  const res = await (await getReportStore()).load(id);
  if (res.state === "missing") notFound();
  // Expired or deleted: the gone page answers 410 (a page cannot set that status itself).
  if (res.state === "gone") redirect(`/${locale}/r/${id}/gone`);
  const t = await getTranslations("share.page");
  const { report, createdAt, expiresAt } = res.saved;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-slate-700">{t("readOnly", { expires: formatDate(expiresAt, locale) })}</p>
        <p className="text-sm text-slate-600">
          {t("created", { created: formatDate(createdAt, locale) })} {t("redactedNote")}
        </p>
        <ul className="flex flex-wrap gap-4 text-sm">
          <li>
            <a className="font-medium text-blue-800 underline" href={`/api/reports/${id}/markdown?locale=${locale}`} download>
              {t("downloadMarkdown")}
            </a>
          </li>
          <li>
            <a className="font-medium text-blue-800 underline" href={`/api/reports/${id}`}>
              {t("viewJson")}
            </a>
          </li>
        </ul>
      </header>
      <ReportView report={report} />
    </div>
  );
}
