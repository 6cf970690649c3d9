/**
 * The verdict: the one sentence at the top of every result. "The import fails because <cause>; <the change>", or
 * the likely cause when nothing fails but a warning can explain an import that already failed, or what could not be
 * checked, or the warnings to review, or "Everything that decides this import is correct". Pure.
 */
import type { CheckId } from "@/lib/checks/ids";
import type { ReportTranslator } from "./messages";
import type { CheckStatus, Evidence, Finding, ReportLocale } from "./types";

/** The summary step's roll-up of the other checks: the verdict says it first, so it is not listed as a problem. */
export const ROLLUP_CHECK_ID = "summary.next-steps" satisfies CheckId;

/** Checks whose `unknown` no member account can settle: they never keep a verdict open. */
export const NEVER_SETTLED_HERE: readonly CheckId[] = ["org.guardrails", "aws.simulation"];

/**
 * A warning that can explain an import that already failed: its decision hangs on a value TiDB Cloud's requests may
 * not match (a Deny or condition on `aws:SourceIp`, `aws:SourceVpce` and the like, whose value is not known).
 */
export function mayExplainFailure(f: { status: CheckStatus; evidence?: Evidence }): boolean {
  return f.status === "warn" && (f.evidence?.unknownKeys?.length ?? 0) > 0;
}

type VerdictKind = "fails" | "likely" | "open" | "warnings" | "clean" | "empty";

export interface VerdictModel {
  kind: VerdictKind;
  sentence: string;
  /** The findings the sentence is about (the cause, or what could not be checked), in order. */
  about: string[];
}

const MAX_ITEMS = 5;

export interface VerdictInput {
  locale: ReportLocale;
  t: ReportTranslator;
  /** The findings in the viewer's language, in report order. */
  findings: readonly Finding[];
  /** "apply the corrected <document>." or "see <step>", for a finding that is the cause. */
  change: (f: Finding) => string;
}

const FUNCTION_WORD = /^(?:A|An|The|No|Some|Every|Each|All|Any|One|This|That|These|It|Its|There|Nothing)$/;

/**
 * A title as the clause after "because": "A Deny in …" → "a Deny in …", "Bucket policy denies …" → "bucket policy
 * denies …"; names stay as they are ("TiDB Cloud …", "S3 …", "Object Ownership …", "s3:GetObject …").
 */
function asClause(title: string): string {
  // The first word, when it is a plain capitalised word (not "TiDB", "S3", "AWS's"), and the next word's first letter.
  const m = /^([A-Z][a-z]*)(?=$|[\s,:;])\s*(\S)?/.exec(title);
  if (!m) return title;
  const lower = FUNCTION_WORD.test(m[1]) || (m[2] !== undefined && /^[a-z]/.test(m[2]));
  return lower ? title[0].toLowerCase() + title.slice(1) : title;
}

export function verdictOf({ locale, t, findings, change }: VerdictInput): VerdictModel {
  const checks = findings.filter((f) => f.id !== ROLLUP_CHECK_ID);
  const fails = checks.filter((f) => f.status === "fail");
  const warns = checks.filter((f) => f.status === "warn");
  const likely = warns.filter(mayExplainFailure);
  const open = checks.filter((f) => f.status === "unknown" && !NEVER_SETTLED_HERE.includes(f.id));
  // Sentences follow each other with a space in English, directly in Japanese.
  const then = locale === "ja" ? "" : " ";
  const cause = (f: Finding) => (locale === "en" ? asClause(f.title) : f.title);
  const list = (items: readonly Finding[]) => {
    const shown = items.slice(0, MAX_ITEMS).map((f) => t("verdict.item", { title: f.title }));
    if (items.length > MAX_ITEMS) shown.push(t("verdict.andMore", { count: items.length - MAX_ITEMS }));
    return new Intl.ListFormat(locale, { type: "conjunction" }).format(shown);
  };

  if (fails.length) {
    const first = fails[0];
    const more = fails.length > 1 ? then + t("verdict.more", { count: fails.length - 1 }) : "";
    return {
      kind: "fails",
      sentence: t("verdict.fails", { cause: cause(first), change: change(first) }) + more,
      about: fails.map((f) => f.id),
    };
  }
  if (likely.length) {
    const first = likely[0];
    const keys = new Intl.ListFormat(locale, { type: "disjunction" }).format(first.evidence?.unknownKeys ?? []);
    return {
      kind: "likely",
      sentence: t("verdict.likely", { cause: cause(first), keys, change: change(first) }),
      about: likely.map((f) => f.id),
    };
  }
  if (open.length) {
    const also = warns.length ? then + t("verdict.alsoWarnings", { count: warns.length, items: list(warns) }) : "";
    return {
      kind: "open",
      sentence: t("verdict.open", { count: open.length, items: list(open) }) + also,
      about: open.map((f) => f.id),
    };
  }
  if (warns.length) {
    return {
      kind: "warnings",
      sentence: t("verdict.warnings", { count: warns.length, items: list(warns) }),
      about: warns.map((f) => f.id),
    };
  }
  if (!checks.length) return { kind: "empty", sentence: t("verdict.empty"), about: [] };
  return { kind: "clean", sentence: t("verdict.clean"), about: [] };
}
