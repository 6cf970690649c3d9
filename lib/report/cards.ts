/** The parts of a finding's card: its evidence, its corrected document, the words for documents and lines. Pure. */
import type { Snapshot } from "@/lib/snapshot/schema";
import { documentByName } from "@/lib/snapshot/documents";
import { documentDiff, type DocumentChain } from "./corrected-documents";
import { formatWithStatementLines } from "./document-lines";
import { infraCodeOf, stackNoticeOf } from "./iac";
import type { ReportTranslator } from "./messages";
import type { Finding, Report } from "./types";
import type { CardModel, CorrectedDocumentModel, EvidenceModel, TargetRow } from "./view-model";

const TARGET_FIELDS = ["bucketUri", "roleArn", "externalId", "tidbAccountId", "accessKeyId", "region"] as const;

/** "bucket policy", "role policy s3-read", "key policy of arn:…": a catalogue document name in words. */
export function documentLabel(t: ReportTranslator, name: string): string {
  const colon = name.indexOf(":");
  const kind = colon < 0 ? name : name.slice(0, colon);
  const rest = colon < 0 ? "" : name.slice(colon + 1);
  switch (kind) {
    case "trust-policy":
    case "permissions-boundary":
    case "bucket-policy":
    case "object-ownership":
    case "bucket-encryption":
    case "requester-pays":
    case "access-key":
      return rest ? t("documents.other", { name }) : t(`documents.${kind}`);
    case "role-policy":
    case "user-policy":
      return t(`documents.${kind}`, { name: rest });
    case "group-policy": {
      const slash = rest.indexOf("/");
      return slash < 0
        ? t("documents.other", { name })
        : t("documents.group-policy", { group: rest.slice(0, slash), name: rest.slice(slash + 1) });
    }
    case "key-policy":
      return t("documents.key-policy", { key: rest });
    default:
      return t("documents.other", { name });
  }
}

export function linesText(t: ReportTranslator, ranges: [number, number][]): string {
  return ranges
    .map(([a, b]) => t("card.fix.lines", { single: a === b ? "yes" : "no", from: a + 1, to: b + 1 }))
    .join(", ");
}

export function targetRows(t: ReportTranslator, report: Report): TargetRow[] {
  const target = report.target;
  const rows: TargetRow[] = [
    { key: "mode", label: t("target.mode"), value: t(`target.modes.${target.mode}`), kind: "text" },
  ];
  for (const key of TARGET_FIELDS) {
    const value = target[key];
    if (value) rows.push({ key, label: t(`target.fields.${key}`), value, kind: "code" });
  }
  if (target.errorMessage)
    rows.push({
      key: "errorMessage",
      label: t("target.fields.errorMessage"),
      value: target.errorMessage,
      kind: "block",
    });
  return rows;
}

export function evidenceOf(t: ReportTranslator, f: Finding, snapshot: Snapshot | null): EvidenceModel | null {
  const ev = f.evidence;
  if (!ev) return null;
  const keys = ev.unknownKeys ?? [];
  const document = ev.document;
  if (!document && keys.length === 0) return null;
  const unknownKeys = keys.length ? t("card.evidence.unknownKeys", { keys: keys.join(", ") }) : null;
  if (!document) return { heading: null, unknownKeys, code: null };
  const index = ev.statement;
  const heading =
    index === undefined
      ? t("card.evidence.document", { document })
      : ev.sid
        ? t("card.evidence.statementSid", { document, index, sid: ev.sid })
        : t("card.evidence.statement", { document, index });
  // The statement index is into the document as this finding judged it: its fix's `before`, else the account's own
  // document. When earlier fixes of the report changed that `before`, it is neither the account's document nor the
  // complete corrected one: it is not shown (the fix points at its lines in the complete one).
  const fixed = f.fix?.document === document ? f.fix : undefined;
  if (fixed?.includesFixesOf?.length) return { heading, unknownKeys, code: null };
  const doc = fixed?.before ?? documentByName(snapshot, document);
  if (!doc) return { heading, unknownKeys, code: null };
  const formatted = formatWithStatementLines(doc);
  const range = index === undefined ? undefined : formatted.statementLines[index];
  return {
    heading,
    unknownKeys,
    code: {
      text: formatted.text,
      label: t("card.evidence.label", { document }),
      highlight: range ? [range] : [],
    },
  };
}

export function correctedOf(
  t: ReportTranslator,
  chain: DocumentChain,
  anchor: string,
  cards: Map<string, CardModel>,
): CorrectedDocumentModel {
  const after = chain.final.fix.after;
  const json = after ? JSON.stringify(after, null, 2) : null;
  const all = [...chain.lines.values()].flat().sort((a, b) => a[0] - b[0]);
  const highlight = all.filter((r, i) => i === 0 || r[0] !== all[i - 1][0]);
  const changes =
    chain.members.length < 2
      ? []
      : chain.members.map((m) => {
          const title = cards.get(m.id)?.title ?? m.id;
          const lines = chain.lines.get(m.id) ?? [];
          return lines.length
            ? t("card.fix.change", { lines: linesText(t, lines), title })
            : t("card.fix.changeNoLines", { title });
        });
  return {
    anchor,
    heading: t("card.fix.corrected", { document: chain.document }),
    code:
      json === null
        ? null
        : {
            text: json,
            label: t("card.fix.corrected", { document: chain.document }),
            highlight: chain.members.length > 1 ? highlight : [],
          },
    json,
    cli: chain.final.fix.cli,
    changes,
    diff: after ? documentDiff(chain.original, after) : null,
    infra: infraCodeOf(t, chain.final.fix),
    stack: stackNoticeOf(t, chain.final.fix),
  };
}
