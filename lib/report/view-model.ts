/**
 * The report as people read it, once for every surface: the wizard's cards, the shared page and the share preview
 * (lib/report/render-html.ts), the Markdown export and the command line's text. Each surface only lays this model
 * out; none of them re-derives a status, a label, an order or a document. Pure.
 *
 * Order: the verdict first; then the problems (failing findings first, then warnings), each with the change to make;
 * then every other check by step. A document several findings correct is shown once, complete (see
 * corrected-documents.ts).
 */
import type { Snapshot } from "@/lib/snapshot/schema";
import { correctedOf, documentLabel, evidenceOf, linesText, targetRows } from "./cards";
import { documentChains, type DiffLine, type DocumentChain } from "./corrected-documents";
import { infraCodeOf, stackNoticeOf, type InfraCodeModel } from "./iac";
import { localizeReport } from "./localize";
import { REPORT_MESSAGES, reportTranslator, type ReportMessages, type ReportTranslator } from "./messages";
import { sortFindings, worstStatus, type StepStatus } from "./status";
import { STATUSES, STEPS, type CheckStatus, type Finding, type Report, type ReportLocale, type StepId } from "./types";
import { ROLLUP_CHECK_ID, verdictOf, type VerdictModel } from "./verdict";

export type { DiffLine };

export interface TargetRow {
  key: string;
  label: string;
  value: string;
  /** text: a word; code: an identifier (ARN, URI); block: a message kept as written. */
  kind: "text" | "code" | "block";
}

export interface CodeModel {
  text: string;
  label: string;
  /** Lines to mark (0-based, inclusive). */
  highlight: [number, number][];
}

export interface EvidenceModel {
  /** "The statement that decided: Statement 1 of bucket-policy", or null when only condition keys are known. */
  heading: string | null;
  /** "Condition keys whose value is not known: aws:SourceIp". */
  unknownKeys: string | null;
  /** The current document with the deciding statement marked, when the report or the snapshot holds it. */
  code: CodeModel | null;
}

export interface CorrectedDocumentModel {
  anchor: string;
  heading: string;
  /** The complete corrected document as JSON, or null for a change made by console steps only. */
  code: CodeModel | null;
  /** The JSON itself (what a copy button copies). */
  json: string | null;
  cli: string;
  /** When several findings build the document: what each changed, with its lines. */
  changes: string[];
  /** Line diff against the document before any of these changes. */
  diff: DiffLine[] | null;
  /** The same document as Terraform and as CloudFormation (lib/report/iac.ts). */
  infra: InfraCodeModel[];
  /** When a CloudFormation stack made what it edits: which, and that the change belongs in its template. */
  stack: string | null;
}

/** Another way to the same result a fix offers (e.g. the key user in the key policy), instead of the change above. */
interface AlternativeModel {
  heading: string;
  code: CodeModel | null;
  json: string | null;
  cli: string;
  infra: InfraCodeModel[];
  stack: string | null;
}

interface FixModel {
  document: string;
  /** Other ways to the same result, each applied instead of this change (the notes say what they do). */
  alternatives: AlternativeModel[];
  /** The complete document, on the first card (in reading order) of the findings that correct it. */
  corrected: CorrectedDocumentModel | null;
  /** On the other cards of those findings: where the complete document is (its anchor and step), and this finding's lines in it. */
  partOf: { sentence: string; anchor: string; step: StepId } | null;
  console: string[];
  notes: string[];
}

export interface CardModel {
  id: Finding["id"];
  anchor: string;
  step: StepId;
  stepName: string;
  status: CheckStatus;
  statusLabel: string;
  /** A failing finding or a warning: listed under "What to change". */
  problem: boolean;
  title: string;
  detail: string;
  unavailable: string | null;
  evidence: EvidenceModel | null;
  fix: FixModel | null;
}

export interface StepModel {
  id: StepId;
  number: number;
  name: string;
  status: StepStatus;
  /** Failing first. */
  cards: CardModel[];
}

export interface ReportModel {
  locale: ReportLocale;
  verdict: VerdictModel;
  labels: ReturnType<typeof labelsOf>;
  target: TargetRow[];
  generatedAt: string | null;
  countsLine: string;
  /** Failing findings, then warnings (the summary's roll-up aside): what to change, in that order. */
  problems: CardModel[];
  /** Every step of the catalogue, each with all its findings (problems included), failing first. */
  steps: StepModel[];
  cardCount: number;
}

export interface ModelOptions {
  locale: ReportLocale;
  messages?: ReportMessages;
  /** The analysed snapshot (the wizard has it): the current documents the evidence points into. */
  snapshot?: Snapshot | null;
}

function labelsOf(t: ReportTranslator) {
  return {
    verdict: t("verdict.title"),
    target: t("target.title"),
    summary: t("summary.title"),
    problems: t("sections.problems"),
    others: t("sections.others"),
    findings: t("sections.findings"),
    empty: t("verdict.empty"),
    checkId: t("card.checkId"),
    unavailable: t("card.unavailable"),
    fix: t("card.fix.title"),
    cli: t("card.fix.cli"),
    console: t("card.fix.console"),
    changes: t("card.fix.changes"),
    diff: t("card.fix.diff"),
    diffLabel: t("card.fix.diffLabel"),
    added: t("card.fix.added"),
    removed: t("card.fix.removed"),
    copyJson: t("card.fix.copyJson"),
    copyCli: t("card.fix.copyCli"),
    alternative: t("card.fix.alternativeLabel"),
  };
}

function anchorsFor(findings: readonly Finding[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const f of findings) {
    const base = `finding-${f.id.replace(/[^A-Za-z0-9-]+/g, "-")}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    out.set(f.id, anchor);
  }
  return out;
}

export function reportModel(input: Report, opts: ModelOptions): ReportModel {
  const { locale } = opts;
  const t = reportTranslator(locale, opts.messages ?? REPORT_MESSAGES[locale]);
  const report = localizeReport(input, locale);
  const findings = report.findings;
  const labels = labelsOf(t);
  const anchors = anchorsFor(findings);
  const chains = documentChains(findings);
  const stepName = (step: StepId) => t(`steps.${step}`);
  const isProblem = (f: Finding) => (f.status === "fail" || f.status === "warn") && f.id !== ROLLUP_CHECK_ID;
  const problemFindings = [
    ...findings.filter((f) => f.status === "fail"),
    ...findings.filter((f) => f.status === "warn"),
  ].filter(isProblem);
  // Reading order: problems first, then the rest in report order. A chain's document goes with its first card in it.
  const reading = [...problemFindings, ...findings.filter((f) => !isProblem(f))];
  const shownWith = new Map<DocumentChain, Finding>();
  for (const f of reading) {
    const chain = chains.get(f.id);
    if (chain && !shownWith.has(chain)) shownWith.set(chain, f);
  }

  const change = (f: Finding) =>
    f.fix
      ? t("verdict.change.document", { document: documentLabel(t, f.fix.document) })
      : t("verdict.change.step", { step: stepName(f.step) });
  const verdict = verdictOf({ locale, t, findings, change });

  const cards = new Map<string, CardModel>();
  for (const f of findings) {
    cards.set(f.id, {
      id: f.id,
      anchor: anchors.get(f.id)!,
      step: f.step,
      stepName: stepName(f.step),
      status: f.status,
      statusLabel: t(`statuses.${f.status}`),
      problem: isProblem(f),
      title: f.title,
      detail: f.detail,
      unavailable: f.unavailable ?? null,
      evidence: evidenceOf(t, f, opts.snapshot ?? null),
      fix: null,
    });
  }
  for (const f of findings) {
    const chain = chains.get(f.id);
    if (!f.fix || !chain) continue;
    const home = shownWith.get(chain)!;
    const homeCard = cards.get(home.id)!;
    const label = documentLabel(t, chain.document);
    const mine = chain.lines.get(f.id) ?? [];
    const fix: FixModel = {
      document: f.fix.document,
      corrected: null,
      partOf: null,
      console: f.fix.console ?? [],
      notes: f.fix.notes ?? [],
      alternatives: (f.fix.alternatives ?? []).map((alt) => {
        const heading = t("card.fix.alternative", { document: alt.document });
        const json = alt.after ? JSON.stringify(alt.after, null, 2) : null;
        return {
          heading,
          json,
          code: json === null ? null : { text: json, label: heading, highlight: [] },
          cli: alt.cli,
          infra: infraCodeOf(t, alt),
          stack: stackNoticeOf(t, alt),
        };
      }),
    };
    if (home.id === f.id) fix.corrected = correctedOf(t, chain, `${homeCard.anchor}-fix`, cards);
    else
      fix.partOf = {
        sentence: mine.length
          ? t("card.fix.partOf", { document: label, title: homeCard.title, lines: linesText(t, mine) })
          : t("card.fix.partOfNoLines", { document: label, title: homeCard.title }),
        anchor: `${homeCard.anchor}-fix`,
        step: home.step,
      };
    cards.get(f.id)!.fix = fix;
  }

  const steps: StepModel[] = STEPS.map((id, i) => {
    const inStep = findings.filter((f) => f.step === id);
    return {
      id,
      number: i + 1,
      name: stepName(id),
      status: worstStatus(inStep.map((f) => f.status)),
      cards: sortFindings(inStep).map((f) => cards.get(f.id)!),
    };
  });
  const n = Object.fromEntries(STATUSES.map((s) => [s, findings.filter((f) => f.status === s).length]));
  return {
    locale,
    verdict,
    labels,
    target: targetRows(t, report),
    generatedAt: report.generatedAt
      ? t("target.generatedAt", { time: report.generatedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") })
      : null,
    countsLine: t("summary.line", n),
    problems: problemFindings.map((f) => cards.get(f.id)!),
    steps,
    cardCount: findings.length,
  };
}
