import { collectionScript } from "@/lib/cloudshell/script";
import { logRequest } from "@/lib/request-log";

export const dynamic = "force-dynamic";

const FIELDS = ["mode", "bucketUri", "roleArn", "externalId", "tidbAccountId", "accessKeyId", "region"] as const;

/**
 * The collection script for AWS CloudShell, as a file: GET with the start form's values in the query
 * (`mode`, `bucketUri`, `roleArn`, `externalId`, `tidbAccountId` or `accessKeyId`, `region`). Every value is checked
 * against its strict shape before it goes into the script; a bad one answers 400 naming the field, never a script.
 * The query holds no secret (the form takes none for the script).
 */
export async function GET(req: Request, { params }: { params: Promise<{ locale: string }> }) {
  return logRequest("wizard.collect-script", req, async () => {
    const lang = (await params).locale === "ja" ? "ja" : "en";
    const query = new URL(req.url).searchParams;
    const repeated = FIELDS.find((f) => query.getAll(f).length > 1);
    const input = Object.fromEntries(FIELDS.map((f) => [f, query.get(f) ?? undefined]));
    const result = repeated
      ? {
          ok: false as const,
          problems: [
            {
              field: repeated,
              en: `${repeated} is given more than once.`,
              ja: `${repeated} が複数回指定されています。`,
            },
          ],
        }
      : collectionScript(input, lang);
    if (!result.ok) {
      return Response.json(
        {
          ok: false,
          error: {
            code: "input.invalid",
            field: result.problems[0].field,
            message: result.problems.map((p) => p[lang]).join(" "),
          },
        },
        { status: 400, headers: { "cache-control": "no-store" } },
      );
    }
    return new Response(result.script, {
      headers: {
        "content-type": "text/x-shellscript; charset=utf-8",
        "content-disposition": `attachment; filename="${result.fileName}"`,
        "cache-control": "no-store",
      },
    });
  });
}
