/**
 * A report model (view-model.ts) as HTML: the body of the shared page (lib/share/render-report-html.ts wraps it in
 * the page) and, the very same string, the share panel's preview of what will be shared. Plain markup, no script, no
 * inline style: it reads the same with JavaScript off and under a CSP without a nonce.
 *
 * Every string goes through escapeHtml. The Tailwind classes used here (and in status.ts) are compiled into
 * public/report.css by scripts/build-report-css.mjs, which scans these files; the app's own stylesheet has them too.
 */
import { BADGE_CLASS, STATUS_TOKENS, type StepStatus } from "./status";
import type { InfraCodeModel } from "./iac";
import type { CardModel, CodeModel, DiffLine, ReportModel, StepModel } from "./view-model";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute value (always double-quoted here) as inert HTML. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const e = escapeHtml;

function statusBadgeHtml(status: StepStatus, label: string): string {
  const token = STATUS_TOKENS[status];
  return `<span class="${BADGE_CLASS} ${token.badge}" data-status="${status}"><span aria-hidden="true">${e(token.icon)}</span>${e(label)}</span>`;
}

const PRE_CLASS =
  "max-h-96 overflow-auto rounded border border-slate-300 bg-slate-950 p-3 text-xs leading-5 text-slate-100 sm:text-sm";

/**
 * A document or command as a focusable block. Marked lines are <mark>: no words are added inside the block, so that
 * what a reader selects and copies is the document itself.
 */
function codeBlockHtml(code: CodeModel | { text: string; label: string }): string {
  const marks = "highlight" in code ? code.highlight : [];
  const body = marks.length
    ? code.text
        .split("\n")
        .map((line, i) => {
          // Each line keeps its line break, so that the text copied from the page is the document as it is.
          const marked = marks.some(([a, b]) => i >= a && i <= b);
          return marked
            ? `<mark class="block bg-amber-300/30 text-inherit outline-1 outline-amber-300">${e(line)}\n</mark>`
            : `<span class="block">${e(line)}\n</span>`;
        })
        .join("")
    : e(code.text);
  return `<pre tabindex="0" aria-label="${e(code.label)}" class="${PRE_CLASS}"><code>${body}</code></pre>`;
}

function diffHtml(lines: DiffLine[], labels: ReportModel["labels"]): string {
  const body = lines
    .map((l) => {
      const cls =
        l.sign === "+"
          ? "block bg-emerald-100 text-emerald-950"
          : l.sign === "-"
            ? "block bg-red-100 text-red-950"
            : "block text-slate-700";
      const word = l.sign === "+" ? labels.added : l.sign === "-" ? labels.removed : null;
      const sr = word === null ? "" : `<span class="sr-only">${e(word)} </span>`;
      const sign = l.sign === "+" ? "+ " : l.sign === "-" ? "− " : "  ";
      return `<span class="${cls}">${sr}<span aria-hidden="true">${sign}</span>${e(l.text)}\n</span>`;
    })
    .join("");
  return `<pre tabindex="0" aria-label="${e(labels.diffLabel)}" class="max-h-96 overflow-auto rounded border border-slate-300 bg-white p-3 text-xs leading-5 sm:text-sm"><code>${body}</code></pre>`;
}

/** The corrected document as Terraform and CloudFormation, each folded under its heading (open: the stack's). */
function infraHtml(infra: InfraCodeModel[]): string {
  return infra
    .map(
      (c) =>
        `<details class="text-sm" data-infra="${c.kind}"${c.open ? " open" : ""}><summary class="cursor-pointer font-medium">${e(c.heading)}</summary><div class="mt-2">${codeBlockHtml({ text: c.text, label: c.heading })}</div></details>`,
    )
    .join("");
}

/** That a CloudFormation stack made what the fix edits, and where the change belongs. */
function stackHtml(stack: string | null): string {
  return stack ? `<p class="rounded bg-amber-50 p-2 text-sm text-amber-950" data-stack="">${e(stack)}</p>` : "";
}

/** Where the markup goes: a prefix for its ids (and the links to them), so that a preview inside a page repeats none. */
interface Place {
  labels: ReportModel["labels"];
  /** The element id of an anchor, escaped for an attribute. */
  id: (anchor: string) => string;
}

function fixHtml(card: CardModel, { labels, id }: Place, level: number): string {
  const fix = card.fix!;
  const out: string[] = [
    `<section aria-label="${e(labels.fix)}" class="space-y-3 rounded border border-emerald-200 bg-emerald-50/50 p-3">`,
    `<h${level + 1} class="font-semibold text-emerald-950">${e(labels.fix)}</h${level + 1}>`,
  ];
  const doc = fix.corrected;
  if (doc) {
    out.push(stackHtml(doc.stack));
    out.push(`<div id="${id(doc.anchor)}" class="space-y-2"><p class="text-sm font-medium">${e(doc.heading)}</p>`);
    if (doc.code) out.push(codeBlockHtml(doc.code));
    if (doc.changes.length) {
      out.push(`<p class="text-sm">${e(labels.changes)}</p><ul class="list-disc space-y-1 pl-5 text-sm">`);
      for (const c of doc.changes) out.push(`<li>${e(c)}</li>`);
      out.push("</ul>");
    }
    out.push("</div>");
    if (doc.diff)
      out.push(
        `<details class="text-sm"><summary class="cursor-pointer font-medium">${e(labels.diff)}</summary><div class="mt-2">${diffHtml(doc.diff, labels)}</div></details>`,
      );
    if (doc.cli)
      out.push(
        `<div class="space-y-2"><p class="text-sm font-medium">${e(labels.cli)}</p>${codeBlockHtml({ text: doc.cli, label: labels.cli })}</div>`,
      );
    out.push(infraHtml(doc.infra));
  }
  if (fix.partOf)
    out.push(
      `<p class="text-sm"><a href="#${id(fix.partOf.anchor)}" class="text-blue-800 underline">${e(fix.partOf.sentence)}</a></p>`,
    );
  if (fix.notes.length) {
    out.push(`<ul class="list-disc space-y-1 pl-5 text-sm">`);
    for (const n of fix.notes) out.push(`<li>${e(n)}</li>`);
    out.push("</ul>");
  }
  for (const alt of fix.alternatives) {
    out.push(`<div class="space-y-2"><p class="text-sm font-medium">${e(alt.heading)}</p>`);
    if (alt.code) out.push(codeBlockHtml(alt.code));
    if (alt.cli)
      out.push(
        `<p class="text-sm font-medium">${e(labels.cli)}</p>${codeBlockHtml({ text: alt.cli, label: labels.cli })}`,
      );
    out.push(stackHtml(alt.stack), infraHtml(alt.infra));
    out.push("</div>");
  }
  if (fix.console.length) {
    out.push(
      `<div><p class="text-sm font-medium">${e(labels.console)}</p><ol class="list-decimal space-y-1 pl-6 text-sm">`,
    );
    for (const s of fix.console) out.push(`<li>${e(s)}</li>`);
    out.push("</ol></div>");
  }
  out.push("</section>");
  return out.join("");
}

/** One finding. `level` is its heading's level (the fix's heading is one below). */
function cardHtml(card: CardModel, place: Place, level: 3 | 4): string {
  const { labels, id } = place;
  const out: string[] = [
    `<article id="${id(card.anchor)}" aria-labelledby="${id(card.anchor)}-title" data-finding="${e(card.id)}" data-status="${card.status}" class="space-y-3 rounded-lg border border-l-4 border-slate-200 bg-white p-4 ${STATUS_TOKENS[card.status].border}">`,
    `<h${level} id="${id(card.anchor)}-title" class="flex flex-wrap items-start gap-2 text-base font-semibold">${statusBadgeHtml(card.status, card.statusLabel)}<span class="min-w-0 flex-1 break-words">${e(card.title)}</span></h${level}>`,
    `<p class="text-xs text-slate-600"><span class="sr-only">${e(labels.checkId)}: </span><code>${e(card.id)}</code></p>`,
  ];
  if (card.detail) out.push(`<p class="whitespace-pre-line break-words text-slate-800">${e(card.detail)}</p>`);
  if (card.unavailable)
    out.push(
      `<p class="rounded bg-violet-50 p-2 text-sm text-violet-950"><strong>${e(labels.unavailable)}: </strong>${e(card.unavailable)}</p>`,
    );
  const ev = card.evidence;
  if (ev?.heading && ev.code)
    out.push(
      `<details${card.problem ? " open" : ""}><summary class="cursor-pointer text-sm font-medium text-slate-800">${e(ev.heading)}</summary><div class="mt-2">${codeBlockHtml(ev.code)}</div></details>`,
    );
  else if (ev?.heading) out.push(`<p class="text-sm font-medium text-slate-800">${e(ev.heading)}</p>`);
  if (ev?.unknownKeys) out.push(`<p class="break-words text-sm text-slate-800">${e(ev.unknownKeys)}</p>`);
  if (card.fix) out.push(fixHtml(card, place, level));
  out.push("</article>");
  return out.join("");
}

function stepHtml(step: StepModel, cards: CardModel[], place: Place): string {
  const id = place.id(`step-${step.id}`);
  return (
    `<section aria-labelledby="${id}" class="space-y-3"><h3 id="${id}" class="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">${e(step.name)}</h3>` +
    cards.map((c) => cardHtml(c, place, 4)).join("") +
    `</section>`
  );
}

/** The report: verdict, target, summary, what to change, then every other check by step. */
export function renderReportBody(model: ReportModel, opts: { idPrefix?: string } = {}): string {
  const l = model.labels;
  const prefix = opts.idPrefix ?? "";
  const place: Place = { labels: l, id: (anchor) => e(`${prefix}${anchor}`) };
  const id = place.id;
  const out: string[] = [`<div class="space-y-8">`];
  const tone =
    STATUS_TOKENS[model.verdict.kind === "fails" ? "fail" : model.verdict.kind === "clean" ? "pass" : "warn"];
  out.push(
    `<section aria-labelledby="${id("report-verdict")}" class="space-y-1 rounded-lg border border-l-4 border-slate-200 bg-white p-4 ${tone.border}"><h2 id="${id("report-verdict")}" class="text-sm font-semibold uppercase tracking-wide text-slate-600">${e(l.verdict)}</h2><p class="text-lg font-medium text-slate-900" data-verdict="${model.verdict.kind}">${e(model.verdict.sentence)}</p></section>`,
  );

  out.push(
    `<section aria-labelledby="${id("report-target")}" class="space-y-2"><h2 id="${id("report-target")}" class="text-xl font-semibold">${e(l.target)}</h2>`,
    `<dl class="grid grid-cols-1 gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[12rem_1fr]">`,
  );
  for (const row of model.target) {
    const cls =
      row.kind === "code"
        ? "break-all font-mono"
        : row.kind === "block"
          ? "whitespace-pre-wrap break-words font-mono"
          : "";
    out.push(
      `<div class="contents"><dt class="font-medium text-slate-700">${e(row.label)}</dt><dd${cls ? ` class="${cls}"` : ""}>${e(row.value)}</dd></div>`,
    );
  }
  out.push("</dl>");
  if (model.generatedAt) out.push(`<p class="text-sm text-slate-600">${e(model.generatedAt)}</p>`);
  out.push("</section>");

  out.push(
    `<section aria-labelledby="${id("report-summary")}" class="space-y-2"><h2 id="${id("report-summary")}" class="text-xl font-semibold">${e(l.summary)}</h2><p>${e(model.countsLine)}</p></section>`,
  );

  if (model.problems.length) {
    out.push(
      `<section aria-labelledby="${id("report-problems")}" class="space-y-3"><h2 id="${id("report-problems")}" class="text-xl font-semibold">${e(l.problems)}</h2>`,
      ...model.problems.map((c) => cardHtml(c, place, 3)),
      "</section>",
    );
  }
  const rest = model.steps
    .map((s) => ({ step: s, cards: s.cards.filter((c) => !c.problem) }))
    .filter((s) => s.cards.length);
  if (rest.length || model.cardCount === 0) {
    const title = model.problems.length ? l.others : l.findings;
    out.push(
      `<section aria-labelledby="${id("report-findings")}" class="space-y-6"><h2 id="${id("report-findings")}" class="text-xl font-semibold">${e(title)}</h2>`,
    );
    if (model.cardCount === 0) out.push(`<p>${e(l.empty)}</p>`);
    for (const { step, cards } of rest) out.push(stepHtml(step, cards, place));
    out.push("</section>");
  }
  out.push("</div>");
  return out.join("");
}
