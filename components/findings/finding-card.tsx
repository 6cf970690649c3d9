"use client";

import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { StatusBadge } from "@/components/ui/status-badge";
import { STATUS_TOKENS } from "@/lib/report/status";
import type { InfraCodeModel } from "@/lib/report/iac";
import type { CardModel, ReportModel } from "@/lib/report/view-model";
import { PolicyDiff } from "./policy-diff";

/** That a CloudFormation stack made what the fix edits, and where the change belongs. */
function StackNotice({ text }: { text: string }) {
  return (
    <p className="rounded bg-amber-50 p-2 text-sm text-amber-950" data-testid="fix-stack">
      {text}
    </p>
  );
}

/** The corrected document as Terraform and CloudFormation, each folded under its heading with a copy button. */
function InfraCode({ infra }: { infra: InfraCodeModel[] }) {
  return infra.map((c) => (
    <details key={c.kind} open={c.open} className="text-sm" data-testid={`fix-${c.kind}`}>
      <summary className="cursor-pointer font-medium">{c.heading}</summary>
      <div className="mt-2 space-y-2">
        <CopyButton text={c.text} label={c.copy} />
        <CodeBlock code={c.text} label={c.heading} />
      </div>
    </details>
  ));
}

/** Where a link to a corrected document shown with another card goes (perhaps in another step). */
export type ShowDocument = (target: NonNullable<NonNullable<CardModel["fix"]>["partOf"]>) => void;

/**
 * The wizard's card of one finding, from the report model (lib/report/view-model.ts): status, title, explanation,
 * the deciding statement in its document, and the fix with copy buttons. It lays out the same parts, in the same
 * order, as the shared page's card (lib/report/render-html.ts).
 */
export function FindingCard({
  card,
  labels,
  onShowDocument,
}: {
  card: CardModel;
  labels: ReportModel["labels"];
  onShowDocument: ShowDocument;
}) {
  const titleId = `${card.anchor}-title`;
  const ev = card.evidence;
  const fix = card.fix;
  const doc = fix?.corrected;
  return (
    <article
      id={card.anchor}
      aria-labelledby={titleId}
      data-finding={card.id}
      data-status={card.status}
      className={`space-y-3 rounded-lg border border-l-4 border-slate-200 bg-white p-4 ${STATUS_TOKENS[card.status].border}`}
    >
      <h3 id={titleId} className="flex flex-wrap items-start gap-2 text-base font-semibold">
        <StatusBadge status={card.status} />
        <span className="min-w-0 flex-1 break-words">{card.title}</span>
      </h3>
      <p className="text-xs text-slate-600">
        <span className="sr-only">{labels.checkId}: </span>
        <code>{card.id}</code>
      </p>
      {card.detail ? <p className="whitespace-pre-line break-words text-slate-800">{card.detail}</p> : null}
      {card.unavailable ? (
        <p className="rounded bg-violet-50 p-2 text-sm text-violet-950">
          <strong>{labels.unavailable}: </strong>
          {card.unavailable}
        </p>
      ) : null}
      {ev?.heading && ev.code ? (
        <details open={card.problem}>
          <summary className="cursor-pointer text-sm font-medium text-slate-800">{ev.heading}</summary>
          <div className="mt-2">
            <CodeBlock
              code={ev.code.text}
              label={ev.code.label}
              highlight={ev.code.highlight}
              testId="evidence-document"
            />
          </div>
        </details>
      ) : ev?.heading ? (
        <p className="text-sm font-medium text-slate-800">{ev.heading}</p>
      ) : null}
      {ev?.unknownKeys ? <p className="break-words text-sm text-slate-800">{ev.unknownKeys}</p> : null}

      {fix ? (
        <section aria-label={labels.fix} className="space-y-3 rounded border border-emerald-200 bg-emerald-50/50 p-3">
          <h4 className="font-semibold text-emerald-950">{labels.fix}</h4>
          {doc?.stack ? <StackNotice text={doc.stack} /> : null}
          {doc ? (
            <div id={doc.anchor} tabIndex={-1} className="space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm font-medium">{doc.heading}</p>
                {doc.json !== null ? <CopyButton text={doc.json} label={labels.copyJson} /> : null}
              </div>
              {doc.code ? (
                <CodeBlock
                  code={doc.code.text}
                  label={doc.code.label}
                  highlight={doc.code.highlight}
                  testId="fix-after"
                />
              ) : null}
              {doc.changes.length ? (
                <>
                  <p className="text-sm">{labels.changes}</p>
                  <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="fix-changes">
                    {doc.changes.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : null}
          {doc?.diff ? (
            <details>
              <summary className="cursor-pointer text-sm font-medium">{labels.diff}</summary>
              <div className="mt-2">
                <PolicyDiff lines={doc.diff} labels={labels} />
              </div>
            </details>
          ) : null}
          {doc?.cli ? (
            <div className="space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm font-medium">{labels.cli}</p>
                <CopyButton text={doc.cli} label={labels.copyCli} />
              </div>
              <CodeBlock code={doc.cli} label={labels.cli} testId="fix-cli" />
            </div>
          ) : null}
          {doc ? <InfraCode infra={doc.infra} /> : null}
          {fix.partOf ? (
            <p className="text-sm">
              <a
                href={`#${fix.partOf.anchor}`}
                data-testid="fix-part-of"
                onClick={(e) => {
                  e.preventDefault();
                  onShowDocument(fix.partOf!);
                }}
                className="text-blue-800 underline"
              >
                {fix.partOf.sentence}
              </a>
            </p>
          ) : null}
          {fix.notes.length ? (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {fix.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
          {fix.alternatives.map((alt, i) => (
            <section
              key={i}
              aria-label={labels.alternative}
              data-testid="fix-alternative"
              className="space-y-2 border-t border-emerald-200 pt-3"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm font-medium">{alt.heading}</p>
                {alt.json !== null ? <CopyButton text={alt.json} label={labels.copyJson} /> : null}
              </div>
              {alt.code ? <CodeBlock code={alt.code.text} label={alt.code.label} /> : null}
              {alt.cli ? (
                <div className="space-y-2">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p className="text-sm font-medium">{labels.cli}</p>
                    <CopyButton text={alt.cli} label={labels.copyCli} />
                  </div>
                  <CodeBlock code={alt.cli} label={labels.cli} />
                </div>
              ) : null}
              {alt.stack ? <StackNotice text={alt.stack} /> : null}
              <InfraCode infra={alt.infra} />
            </section>
          ))}
          {fix.console.length ? (
            <div>
              <p className="text-sm font-medium">{labels.console}</p>
              <ol className="list-decimal space-y-1 pl-6 text-sm">
                {fix.console.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ol>
            </div>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
