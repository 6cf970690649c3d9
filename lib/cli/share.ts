/**
 * `--share URL` for the command line (`diagnose`, `analyze`): takes the option out of argv before the command parses
 * its own options, then saves the report (redacted) on the S3 Access Doctor server at URL and prints the links on
 * stderr, so that stdout keeps only the report. No server-only: runs in the CLI.
 */
import { CliUsageError } from "./args";
import type { Report } from "@/lib/report/types";
import { ShareError, shareReport } from "@/lib/share/client";

export const SHARE_OPTION_HELP = `  --share URL               also save the report, redacted (account IDs, bucket and object names replaced), on the
                            S3 Access Doctor server at URL (e.g. http://localhost:3000) and print its link on stderr`;

/** A bad --share value: the CLI prints it with the usage and exits 2. */
export class ShareOptionError extends CliUsageError {}

/** Removes `--share URL` / `--share=URL` from argv; the URL must be http(s). */
export function takeShareOption(argv: string[]): { share: string | null; rest: string[] } {
  const rest: string[] = [];
  let share: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--share" || a.startsWith("--share=")) {
      const value = a === "--share" ? argv[++i] : a.slice("--share=".length);
      if (!value || value.startsWith("--"))
        throw new ShareOptionError("--share: expected the server's URL, e.g. --share http://localhost:3000");
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        throw new ShareOptionError(`--share: not a URL: ${value}`);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new ShareOptionError("--share: the URL must start with http:// or https://");
      share = value;
      continue;
    }
    rest.push(a);
  }
  return { share, rest };
}

/** Shares the report and prints the links; returns false (after printing why) when it could not be shared. */
export async function shareFromCli(
  baseUrl: string,
  report: Report,
  out: { write(s: string): unknown } = process.stderr,
  fetchImpl?: typeof fetch,
): Promise<boolean> {
  try {
    const link = await shareReport(baseUrl, report, { fetch: fetchImpl });
    out.write(`Shared (redacted): ${link.url}\nDelete link (keep it private): ${link.deleteUrl}\n`);
    if (link.expiresAt) out.write(`The link works until ${link.expiresAt}.\n`);
    return true;
  } catch (e) {
    const msg = e instanceof ShareError || e instanceof Error ? e.message : String(e);
    out.write(`--share: ${msg}\n`);
    return false;
  }
}
