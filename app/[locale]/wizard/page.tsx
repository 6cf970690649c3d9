import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Wizard } from "@/components/wizard/wizard";
import { HOW_TO_GET_CREDENTIALS, READ_ONLY_POLICY } from "@/lib/aws/diagnosing-policy";
import { clientMessages } from "@/i18n/client-messages";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "wizard" });
  return { title: t("title") };
}

export default async function WizardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const howTo = locale === "ja" ? HOW_TO_GET_CREDENTIALS.ja : HOW_TO_GET_CREDENTIALS.en;
  return (
    <NextIntlClientProvider messages={await clientMessages(["common", "wizard", "report", "share"])}>
      <Wizard policyJson={JSON.stringify(READ_ONLY_POLICY, null, 2)} howTo={howTo} />
    </NextIntlClientProvider>
  );
}
