/** `diagnose`: reads the live AWS account (as `collect`) and prints the report (as `analyze`). */
import { useColour as colourWanted } from "../args";
import { analyzeSnapshot } from "@/lib/checks";
import type { Finding, Report } from "@/lib/report/types";
import { shareFromCli, SHARE_OPTION_HELP, takeShareOption } from "@/lib/share/cli-share";
import { collectFromArgv, LIVE_OPTIONS_HELP } from "./collect";

export const usage = `Usage: npm run --silent cli -- diagnose --bucket-uri URI (--role-arn ARN --external-id ID | --access-key-id ID) [options]

Reads the live AWS account with read-only calls and prints the report: each check of the troubleshooting guide,
with the corrected document where something is wrong.

Options:
${LIVE_OPTIONS_HELP}
  --json                    print the report as JSON
${SHARE_OPTION_HELP}

Exit status: 0 when no check fails, 1 when one does, 2 for bad input (or when --share could not save the report).`;

const ORDER: Finding["status"][] = ["fail", "warn", "unknown", "pass", "skipped"];

/** A readable summary: failures first, each with its detail and the command that fixes it. */
export function formatReport(report: Report, colour: boolean): string {
  const paint = (code: number, s: string) => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);
  const colours: Record<Finding["status"], number> = { fail: 31, warn: 33, unknown: 35, pass: 32, skipped: 90 };
  const lines: string[] = [];
  const t = report.target;
  lines.push(`S3 Access Doctor: ${t.bucketUri} (${t.mode === "role" ? t.roleArn : `access key ${t.accessKeyId}`})`, "");
  const findings = [...report.findings].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  for (const f of findings) {
    if (f.status === "skipped") continue;
    lines.push(`${paint(colours[f.status], f.status.toUpperCase().padEnd(7))} ${f.id}: ${f.title}`);
    if (f.status !== "pass") {
      lines.push(`        ${f.detail}`);
      if (f.unavailable) lines.push(`        needs: ${f.unavailable}`);
      if (f.fix?.cli) lines.push(`        fix:   ${f.fix.cli}`);
    }
  }
  const s = report.summary;
  lines.push("", `${s.fail} fail, ${s.warn} warn, ${s.unknown} unknown, ${s.pass} pass, ${s.skipped} skipped`);
  if (s.fail > 0) lines.push("Run with --json for the corrected documents.");
  return lines.join("\n");
}

export async function run(argv: string[]): Promise<number> {
  const { share, rest } = takeShareOption(argv);
  const r = await collectFromArgv(rest);
  if (typeof r === "number") return r;
  const report = await analyzeSnapshot(r.snapshot);
  if (r.values.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else process.stdout.write(formatReport(report, colourWanted(process.stdout)) + "\n");
  if (share && !(await shareFromCli(share, report))) return 2;
  return report.summary.fail > 0 ? 1 : 0;
}
