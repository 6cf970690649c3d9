/** `diagnose`: reads the live AWS account (as `collect`) and prints the report (as `analyze`). */
import { useColour as colourWanted } from "../colour";
import { analyzeSnapshot } from "@/lib/checks";
import { formatReportText } from "@/lib/cli/report-text";
import { shareFromCli, SHARE_OPTION_HELP, takeShareOption } from "../share";
import { collectFromArgv, LIVE_CREDENTIALS_HELP, LIVE_OPTIONS_HELP } from "./collect";

export const usage = `Usage: npm run --silent cli -- diagnose --bucket-uri URI (--role-arn ARN --external-id ID | --access-key-id ID) [options]

Reads the live AWS account with read-only calls and prints the report: each check of the troubleshooting guide,
with the corrected document where something is wrong.

Options:
${LIVE_OPTIONS_HELP}
  --json                    print the report as JSON
${SHARE_OPTION_HELP}

${LIVE_CREDENTIALS_HELP}

Exit status: 0 when no check fails, 1 when one does, 2 for bad input (or when --share could not save the report).`;

export async function run(argv: string[]): Promise<number> {
  const { share, rest } = takeShareOption(argv);
  const r = await collectFromArgv(rest);
  if (typeof r === "number") return r;
  const report = await analyzeSnapshot(r.snapshot);
  if (r.values.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  // The same readable report as `analyze`: grouped by step, with each corrected document and its command.
  else process.stdout.write(formatReportText(report, { colour: colourWanted(process.stdout) }));
  if (share && !(await shareFromCli(share, report))) return 2;
  return report.summary.fail > 0 ? 1 : 0;
}
