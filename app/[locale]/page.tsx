import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";

const STEP_KEYS = ["assume", "identity", "bucket", "ownership", "encryption", "rest"] as const;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("home");
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{t("title")}</h1>
        <p className="max-w-3xl text-lg leading-relaxed text-slate-700">{t("intro")}</p>
        <Link
          href="/wizard"
          className="inline-block rounded-md bg-blue-700 px-5 py-3 font-semibold text-white shadow hover:bg-blue-800"
        >
          {t("start")}
        </Link>
      </section>
      <section aria-labelledby="modes" className="space-y-3">
        <h2 id="modes" className="text-xl font-semibold">
          {t("modesTitle")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-semibold">{t("liveTitle")}</h3>
            <p className="mt-1 text-slate-700">{t("liveBody")}</p>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-semibold">{t("offlineTitle")}</h3>
            <p className="mt-1 text-slate-700">{t("offlineBody")}</p>
          </div>
        </div>
      </section>
      <section aria-labelledby="steps" className="space-y-3">
        <h2 id="steps" className="text-xl font-semibold">
          {t("stepsTitle")}
        </h2>
        <ol className="list-decimal space-y-1 pl-6 text-slate-700">
          {STEP_KEYS.map((k) => (
            <li key={k}>{t(`steps.${k}`)}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}
