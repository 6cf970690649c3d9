import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ShareImport } from "@/components/share/share-import";
import { clientMessages } from "@/i18n/client-messages";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "share.import" });
  return { title: t("title") };
}

/** Share a report produced by the command line: paste, preview (redacted), save. */
export default async function ShareReportPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("share.import");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      <NextIntlClientProvider messages={await clientMessages(["common", "wizard", "share"])}>
        <ShareImport />
      </NextIntlClientProvider>
    </div>
  );
}
