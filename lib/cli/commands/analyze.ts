/**
 * `analyze --snapshot FILE|- [--json] [--lang en|ja]`: analyses a snapshot (or the bundle the collection script for
 * AWS CloudShell wrote) offline and prints the report.
 */
import { CliUsageError, parseCliArgs, parseJsonInput, readInput } from "../args";
import { useColour as colourWanted } from "../colour";
import { snapshotFromBundle } from "@/lib/aws/from-bundle";
import { analyzeSnapshot, parseSnapshot } from "@/lib/checks";
import { looksLikeBundle } from "@/lib/cloudshell/bundle-format";
import type { Snapshot } from "@/lib/snapshot/schema";
import { formatReportText } from "@/lib/cli/report-text";
import { shareFromCli, SHARE_OPTION_HELP, takeShareOption } from "../share";

export const usage = `Usage: npm run --silent cli -- analyze --snapshot FILE|- [--json] [--lang en|ja] [--share URL]

Runs every check of the catalogue over a snapshot (no network) and prints the report.

Options:
  --snapshot FILE  the snapshot as JSON ("-" reads standard input); see README, "Snapshot". The bundle written
                   by the collection script for AWS CloudShell is taken as is
  --json           print the Report as JSON
  --lang en|ja     language of titles and details (default en)
${SHARE_OPTION_HELP.replace(/^ {2}--share URL {15}/, "  --share URL      ").replace(/\n {28}/g, "\n                   ")}

Exit status: 0 when no check fails, 1 when one does, 2 for bad input (the message names the JSON path, or --share
could not save the report).`;

export async function run(argv: string[]): Promise<number> {
  const { share, rest } = takeShareOption(argv);
  const { values } = parseCliArgs(rest, {
    snapshot: { type: "string" },
    json: { type: "boolean" },
    lang: { type: "string" },
  });
  if (!values.snapshot) throw new CliUsageError("--snapshot: required (a file, or - for standard input)");
  const lang = values.lang ?? "en";
  if (lang !== "en" && lang !== "ja") throw new CliUsageError(`--lang: expected en or ja, got "${lang}"`);
  const raw = parseJsonInput(readInput(values.snapshot, "--snapshot"), "--snapshot");
  let snapshot: Snapshot;
  if (looksLikeBundle(raw)) {
    const read = await snapshotFromBundle(raw);
    if (!read.ok) {
      process.stderr.write(
        `--snapshot: not a valid collection bundle:\n${read.issues.map((i) => `  bundle${i.path ? `.${i.path}`.replace(".[", "[") : ""}: ${i.message}`).join("\n")}\n`,
      );
      return 2;
    }
    snapshot = read.snapshot;
  } else {
    const parsed = parseSnapshot(raw);
    if (!parsed.ok) {
      process.stderr.write(
        `--snapshot: not a valid snapshot (version 1):\n${parsed.issues.map((i) => `  snapshot${i.path ? `.${i.path}`.replace(".[", "[") : ""}: ${i.message}`).join("\n")}\n`,
      );
      return 2;
    }
    snapshot = parsed.snapshot;
  }
  const report = await analyzeSnapshot(snapshot, { locale: lang });
  process.stdout.write(
    values.json
      ? JSON.stringify(report, null, 2) + "\n"
      : formatReportText(report, { colour: colourWanted(), locale: lang }),
  );
  if (share && !(await shareFromCli(share, report))) return 2;
  return report.summary.fail > 0 ? 1 : 0;
}
