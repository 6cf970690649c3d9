import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const RESULTS = ["deleted", "forbidden", "gone", "missing", "no-token"] as const;
type Result = (typeof RESULTS)[number];
const RESULT_KEY: Record<Result, "deleted" | "forbidden" | "gone" | "missing" | "noToken"> = {
  deleted: "deleted",
  forbidden: "forbidden",
  gone: "gone",
  missing: "missing",
  "no-token": "noToken",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "share.delete" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * The creator's delete link: a confirmation form (a GET never deletes, so link previews cannot), posted to the API
 * without JavaScript; the API sends the browser back here with the result.
 */
export default async function DeleteSharedReportPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("share.delete");
  const token = typeof query.token === "string" ? query.token : "";
  const result = RESULTS.find((r) => r === query.result);
  const message = result ? t(RESULT_KEY[result]) : !token ? t("noToken") : null;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {message ? (
        <p role="status" className="rounded-md border border-slate-300 bg-white p-4">
          {message}
        </p>
      ) : (
        <form method="post" action={`/api/reports/${encodeURIComponent(id)}/delete`} className="space-y-4">
          <p>{t("body", { id })}</p>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800">
            {t("confirm")}
          </button>
        </form>
      )}
    </div>
  );
}
