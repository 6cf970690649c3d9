/** A report as text for people: grouped by wizard step, fixes with their corrected JSON and AWS CLI command. */
import { STEPS, type CheckStatus, type Report, type StepId } from "./types";

const STEP_NAMES: Record<StepId, { en: string; ja: string }> = {
  intake: { en: "1. What is being imported", ja: "1. インポートの対象" },
  "assume-role": { en: "2. Can TiDB Cloud assume the role?", ja: "2. TiDB Cloud がロールを引き受けられるか" },
  "identity-policy": { en: "3. What the role or IAM user may do", ja: "3. ロールまたは IAM ユーザーの権限ポリシー" },
  "bucket-policy": { en: "4. Bucket policy", ja: "4. バケットポリシー" },
  "object-ownership": { en: "5. Object Ownership", ja: "5. オブジェクト所有権" },
  encryption: { en: "6. Encryption", ja: "6. 暗号化" },
  summary: { en: "7. Summary", ja: "7. まとめ" },
};

const MARK: Record<CheckStatus, { text: string; colour: number }> = {
  pass: { text: "PASS", colour: 32 },
  fail: { text: "FAIL", colour: 31 },
  warn: { text: "WARN", colour: 33 },
  unknown: { text: "????", colour: 35 },
  skipped: { text: "SKIP", colour: 90 },
};

export interface FormatOptions {
  colour?: boolean;
  locale?: "en" | "ja";
}

export function formatReportText(report: Report, opts: FormatOptions = {}): string {
  const locale = opts.locale ?? "en";
  const paint = (code: number, s: string) => (opts.colour ? `\u001b[${code}m${s}\u001b[0m` : s);
  const bold = (s: string) => (opts.colour ? `\u001b[1m${s}\u001b[0m` : s);
  const indent = (s: string, n: number) =>
    s
      .split("\n")
      .map((l) => " ".repeat(n) + l)
      .join("\n");
  const out: string[] = [];
  const t = report.target;
  out.push(
    bold(
      `S3 Access Doctor: ${t.bucketUri} (${t.mode === "role" ? `role ${t.roleArn ?? "?"}` : `access key ${t.accessKeyId ?? "?"}`})`,
    ),
  );
  for (const step of STEPS) {
    const findings = report.findings.filter((f) => f.step === step);
    if (findings.length === 0) continue;
    out.push("", bold(STEP_NAMES[step][locale]));
    for (const f of findings) {
      const m = MARK[f.status];
      out.push(`  ${paint(m.colour, `[${m.text}]`)} ${f.title}  ${paint(90, f.id)}`);
      if (f.status !== "pass" && f.status !== "skipped") out.push(indent(f.detail, 9));
      if (f.unavailable && f.status === "unknown")
        out.push(indent(`${locale === "ja" ? "必要なもの" : "Needs"}: ${f.unavailable}`, 9));
      if (f.fix) {
        out.push(indent(`${locale === "ja" ? "修正" : "Fix"} (${f.fix.document}):`, 9));
        if (f.fix.after) out.push(indent(JSON.stringify(f.fix.after, null, 2), 11));
        out.push(indent(f.fix.cli, 11));
        for (const [i, s] of (f.fix.console ?? []).entries()) out.push(indent(`${i + 1}. ${s}`, 11));
        for (const n of f.fix.notes ?? []) out.push(indent(`! ${n}`, 11));
      }
    }
  }
  const s = report.summary;
  out.push("", bold(`pass ${s.pass}  fail ${s.fail}  warn ${s.warn}  unknown ${s.unknown}  skipped ${s.skipped}`));
  return out.join("\n") + "\n";
}
