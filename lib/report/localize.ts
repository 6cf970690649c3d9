import type { Report, ReportLocale } from "./types";

/**
 * The report as read in `locale`: each finding's title, detail, `unavailable` and its fix's console steps, notes and
 * commands (whose comment names the account that runs them) come from its translation into that language when the
 * report carries one (reports made before translations existed keep their own text).
 */
export function localizeReport(report: Report, locale: ReportLocale): Report {
  return {
    ...report,
    findings: report.findings.map((f) => {
      const t = f.translations?.[locale];
      if (!t) return f;
      const out = { ...f, title: t.title, detail: t.detail };
      if (t.unavailable !== undefined) out.unavailable = t.unavailable;
      if (out.fix && (t.console || t.notes || t.cli || t.alternativesCli)) {
        out.fix = { ...out.fix };
        if (t.console) out.fix.console = t.console;
        if (t.notes) out.fix.notes = t.notes;
        if (t.cli) out.fix.cli = t.cli;
        const clis = t.alternativesCli;
        if (clis && out.fix.alternatives?.length === clis.length)
          out.fix.alternatives = out.fix.alternatives.map((alt, i) => ({ ...alt, cli: clis[i] }));
      }
      return out;
    }),
  };
}
