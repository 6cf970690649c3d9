import type { CheckStatus, Finding, FindingText, Report, StepId } from "@/lib/report/types";
import { REPORT_LOCALES, STATUSES } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { FixWorkspace } from "@/lib/fixes/workspace";
import { REDACTED, scrubSecrets, secretKindOf } from "@/lib/security/secrets";
import { derive, type Derived } from "./derive/derived";
import { CHECKS } from "./registry";
import type { Check, CheckContext, Localized, Outcome, ReportLocale } from "./types";
import { l } from "./types";
import { proveFixes, withholdFix, type Withheld } from "./prove";
import { cliIn, withAccount, type AccountFacts } from "@/lib/fixes/accounts";
import { withIac } from "@/lib/fixes/iac/snippets";

export interface AnalyzeOptions {
  /** Run only the checks of these steps (the wizard's "Re-check this step"). */
  steps?: StepId[];
  /** Time of the analysis: the session TiDB Cloud starts is issued then (aws:TokenIssueTime, aws:CurrentTime). */
  now?: Date;
  /** Language of titles and details (default English). */
  locale?: ReportLocale;
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs one check; a throw becomes `unknown` with the reason, never a failed run. */
async function runIsolated(check: Check, ctx: CheckContext): Promise<Outcome> {
  try {
    const out = await check.run(ctx);
    if (!out || !STATUSES.includes(out.status)) throw new Error("the check returned no status");
    return out;
  } catch (e) {
    return {
      status: "unknown",
      detail: l(
        `The check could not run: ${describeError(e)}.`,
        `チェックを実行できませんでした: ${describeError(e)}。`,
      ),
      unavailable: l(
        `internal error in ${check.id}: ${describeError(e)}`,
        `${check.id} の内部エラー: ${describeError(e)}`,
      ),
    };
  }
}

function pick(x: Localized | string, locale: ReportLocale): string {
  return typeof x === "string" ? x : x[locale];
}

/** Turns the outcomes into a Report in one language. */
export function toReport(
  snapshot: Snapshot,
  results: { check: Check; outcome: Outcome }[],
  locale: ReportLocale,
  now: Date,
): Report {
  const findings: Finding[] = results.map(({ check, outcome }) => {
    const f: Finding = {
      id: check.id,
      step: check.step,
      status: outcome.status,
      title: pick(outcome.title ?? check.title, locale),
      detail: pick(outcome.detail, locale),
    };
    if (outcome.evidence) f.evidence = outcome.evidence;
    const notes = (lang: ReportLocale) => {
      const list = [...(outcome.fixText?.notes?.[lang] ?? [])];
      if (outcome.fix?.alternatives?.length && outcome.fixText?.alternative)
        list.push(outcome.fixText.alternative[lang]);
      return list;
    };
    const kind = snapshot.target.mode === "access-key" ? "user" : "role";
    const fix = outcome.fix;
    if (fix) {
      f.fix = { ...fix, cli: cliIn(fix, kind, locale) };
      if (fix.alternatives)
        f.fix.alternatives = fix.alternatives.map((alt) => ({ ...alt, cli: cliIn(alt, kind, locale) }));
      if (outcome.fixText?.console) f.fix.console = outcome.fixText.console[locale];
      if (notes(locale).length) f.fix.notes = notes(locale);
    }
    if (outcome.unavailable) f.unavailable = pick(outcome.unavailable, locale);
    const translations: Finding["translations"] = {};
    for (const other of REPORT_LOCALES.filter((x) => x !== locale)) {
      const t: FindingText = { title: pick(outcome.title ?? check.title, other), detail: pick(outcome.detail, other) };
      if (outcome.unavailable) t.unavailable = pick(outcome.unavailable, other);
      if (outcome.fix && outcome.fixText?.console) t.console = outcome.fixText.console[other];
      if (outcome.fix && notes(other).length) t.notes = notes(other);
      // Across accounts a command's first line is a comment naming the account: it reads in each language.
      if (fix?.account) t.cli = cliIn(fix, kind, other);
      if (fix?.alternatives?.some((alt) => alt.account))
        t.alternativesCli = fix.alternatives.map((alt) => cliIn(alt, kind, other));
      translations[other] = t;
    }
    f.translations = translations;
    return f;
  });
  const summary = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<CheckStatus, number>;
  for (const f of findings) summary[f.status]++;
  const target = { ...snapshot.target };
  // TiDB Cloud's access-key message can echo the secret access key, and a secret can be pasted where the access
  // key ID belongs: a report never carries either.
  if (target.errorMessage) target.errorMessage = scrubSecrets(target.errorMessage);
  const report: Report = { version: 1, target, findings, summary, generatedAt: now.toISOString() };
  const pasted = target.accessKeyId;
  return pasted && secretKindOf(pasted) ? withoutText(report, pasted) : report;
}

/** Every string of the report with `secret` replaced (a check may quote the input it judges). */
function withoutText<T>(value: T, secret: string): T {
  if (typeof value === "string") return value.split(secret).join(REDACTED) as T;
  if (Array.isArray(value)) return value.map((v) => withoutText(v, secret)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutText(v, secret)])) as T;
  }
  return value;
}

/** Across accounts, a fix says which account applies it (see lib/fixes/accounts.ts). */
function namingAccount(outcome: Outcome, facts: AccountFacts): Outcome {
  const named = withAccount(outcome.fix!, facts);
  if (!named) return outcome;
  const notes = outcome.fixText?.notes ?? { en: [], ja: [] };
  return {
    ...outcome,
    fix: named.fix,
    fixText: { ...outcome.fixText, notes: { en: [named.note.en, ...notes.en], ja: [named.note.ja, ...notes.ja] } },
  };
}

/**
 * Once proven, each fix gets its Terraform and CloudFormation snippets and, when a CloudFormation stack made what it
 * edits, that stack (see lib/fixes/iac/snippets.ts).
 */
function withCode(snapshot: Snapshot) {
  return (r: { check: Check; outcome: Outcome }): { check: Check; outcome: Outcome } =>
    r.outcome.fix ? { ...r, outcome: { ...r.outcome, fix: withIac(r.outcome.fix, snapshot) } } : r;
}

/** Runs the checks (all, or those of some steps) in catalogue order and returns the outcomes. */
export async function runChecks(
  snapshot: Snapshot,
  opts: AnalyzeOptions = {},
): Promise<{ check: Check; outcome: Outcome }[]> {
  return runCheckList(CHECKS, snapshot, opts);
}

export interface RunListOptions extends AnalyzeOptions {
  /**
   * Checks whose fix the proof rejected: they run as usual, but what their fix would record stays out of the shared
   * workspace (later fixes do not build on it) and the finding says in words why no document is shown.
   */
  withheld?: ReadonlyMap<string, Withheld>;
}

/** Runs the given checks in order, each isolated: a throw becomes `unknown` with the reason. */
export async function runCheckList(
  checks: readonly Check[],
  snapshot: Snapshot,
  opts: RunListOptions = {},
): Promise<{ check: Check; outcome: Outcome }[]> {
  const now = opts.now ?? new Date();
  let derived: Derived;
  try {
    derived = derive(snapshot, now);
  } catch (e) {
    // Should not happen for a valid snapshot; every check then says unknown rather than the run failing.
    const reason = describeError(e);
    return checks
      .filter((c) => !opts.steps || opts.steps.includes(c.step))
      .map((check) => ({
        check,
        outcome: {
          status: "unknown" as const,
          detail: l(
            `The snapshot could not be analysed: ${reason}.`,
            `スナップショットを分析できませんでした: ${reason}。`,
          ),
          unavailable: l(reason, reason),
        },
      }));
  }
  const fixes = new FixWorkspace();
  const accounts: AccountFacts = {
    principalAccount: derived.principal?.accountId ?? null,
    principalKind: derived.principal?.kind ?? null,
    bucketAccount: derived.bucketAccount,
    keyAccounts: Object.fromEntries(derived.keys.map((k) => [k.arn, k.accountId])),
  };
  const results: { check: Check; outcome: Outcome }[] = [];
  for (const check of checks) {
    if (opts.steps && !opts.steps.includes(check.step)) continue;
    const withheld = opts.withheld?.get(check.id);
    let outcome = await runIsolated(check, {
      snapshot,
      derived,
      fixes: withheld ? fixes.clone() : fixes,
      previous: results.map((r) => ({ id: r.check.id, step: r.check.step, outcome: r.outcome })),
      now,
    });
    if (withheld && outcome.fix) outcome = withholdFix(outcome, withheld);
    if (outcome.fix) outcome = namingAccount(outcome, accounts);
    results.push({ check, outcome });
  }
  return results;
}

/**
 * Analyses a snapshot: every check of the catalogue (or those of `steps`), findings in catalogue order, summary
 * counts. Every fix is proven before it is returned (see prove.ts): applied to the snapshot with the others and
 * checked again, it turns its check to pass, changes its document and makes no other check fail, or it is withheld.
 * Never throws for a valid snapshot.
 */
export async function analyzeSnapshot(snapshot: Snapshot, opts: AnalyzeOptions = {}): Promise<Report> {
  const now = opts.now ?? new Date();
  const results = await proveFixes(CHECKS, snapshot, { ...opts, now }, runCheckList);
  return toReport(snapshot, results.map(withCode(snapshot)), opts.locale ?? "en", now);
}
