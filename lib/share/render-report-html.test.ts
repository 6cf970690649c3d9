import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reportTranslator } from "@/lib/report/messages";
import type { Report } from "@/lib/report/types";
import sample from "./__fixtures__/report-role.json";
import { pageMessages } from "./report-page";
import { parseReport } from "./report-schema";
import {
  escapeHtml,
  renderGoneHtml,
  renderInvalidHtml,
  renderNotFoundHtml,
  renderReportHtml,
} from "./render-report-html";

function valid(raw: unknown): Report {
  const r = parseReport(raw);
  if (!r.ok) throw new Error(r.message);
  return r.report;
}

const report = valid(sample);
const meta = {
  id: "AbCdEfGhIjKlMnOpQrStUv-_",
  createdAt: new Date("2026-11-28T03:00:00Z"),
  expiresAt: new Date("2026-12-28T03:00:00Z"),
};

const SCRIPT = "<script>window.__xss=1</script>";
const IMG = '"><img src=x onerror="window.__xss=1">';
const JS_URL = "javascript:window.__xss=1";
const SVG = "<svg/onload=window.__xss=1>";
const QUOTE = "' onmouseover='window.__xss=1";
const AMP = "&lt;script&gt; &amp; &#x3C;";
const ALL = [SCRIPT, IMG, JS_URL, SVG, QUOTE, AMP];

/** Every string field a valid report can carry holds `payload` (the enums keep their values). */
function payloadReport(payload: string): Report {
  const policy = {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: payload,
        Effect: "Deny",
        Principal: { AWS: payload },
        Action: [payload],
        Resource: payload,
        Condition: { [payload]: { [payload]: payload } },
      },
    ],
  };
  const text = { title: payload, detail: payload, unavailable: payload, console: [payload], notes: [payload] };
  return valid({
    version: 1,
    generatedAt: payload,
    target: {
      mode: "role",
      bucketUri: payload || "x",
      roleArn: payload,
      externalId: payload,
      tidbAccountId: payload,
      accessKeyId: payload,
      region: payload,
      errorMessage: payload,
    },
    findings: [
      {
        id: "bucket.policy.deny",
        step: "bucket-policy",
        status: "fail",
        title: payload,
        detail: payload,
        evidence: { document: payload, statement: 0, sid: payload, unknownKeys: [payload, payload] },
        fix: {
          document: payload,
          before: policy,
          after: policy,
          cli: payload,
          console: [payload, payload],
          notes: [payload],
        },
        unavailable: payload,
        translations: { en: text, ja: text },
      },
    ],
    summary: { pass: 0, fail: 1, warn: 0, unknown: 0, skipped: 0 },
  });
}

const TAGS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "link",
  "body",
  "a",
  "header",
  "div",
  "span",
  "nav",
  "main",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "p",
  "ul",
  "ol",
  "li",
  "section",
  "dl",
  "dt",
  "dd",
  "article",
  "code",
  "pre",
  "details",
  "summary",
  "strong",
  "mark",
]);
const ATTRS = new Set([
  "data-finding",
  "data-status",
  "data-verdict",
  "open",
  "lang",
  "charset",
  "name",
  "content",
  "rel",
  "href",
  "type",
  "class",
  "id",
  "aria-hidden",
  "aria-label",
  "aria-labelledby",
  "aria-current",
  "hreflang",
  "tabindex",
  "download",
]);

/**
 * Every tag in the document. Text never holds `<` and attribute values never hold `"` once escaped, so each `<`
 * starts a tag the renderer wrote; each tag and attribute must be one the renderer uses, and links stay on this site.
 */
function checkMarkup(html: string): void {
  const body = html.replace(/^<!DOCTYPE html>\n/, "");
  expect(body).not.toMatch(/<!|<\?/);
  const tags = [...body.matchAll(/<(\/?)([^\s>/]*)([^>]*)>/g)];
  // Nothing between tags looks like markup.
  const text = body.replace(/<(\/?)([^\s>/]*)([^>]*)>/g, "");
  expect(text).not.toMatch(/[<>]/);
  expect(text).not.toMatch(/&(?!(?:amp|lt|gt|quot|#39);)/);
  for (const [, , name, rest] of tags) {
    expect(TAGS, `tag <${name}>`).toContain(name.toLowerCase());
    const attrs = rest.trim();
    const parsed = [...attrs.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)];
    // The attributes account for the whole rest of the tag.
    expect(parsed.map((m) => m[0]).join(" ")).toBe(attrs.replace(/\s+(?=[^"]*(?:"[^"]*"[^"]*)*$)/g, " "));
    for (const [, attr, value] of parsed) {
      expect(ATTRS, `attribute ${attr} on <${name}>`).toContain(attr);
      if (attr === "href") expect(value).toMatch(/^(\/(?!\/)|#)/);
      if (value !== undefined) expect(value).not.toMatch(/[<>]/);
    }
  }
}

function unescape(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_m, k: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[k]!,
  );
}

describe("the markup check of these tests", () => {
  it("rejects unescaped payloads", () => {
    const page = renderNotFoundHtml("/r/x", "en", pageMessages("en"));
    for (const bad of [SCRIPT, IMG, SVG, `<a href="${JS_URL}">x</a>`, `<p title='x' onclick="y">`, "a & b"]) {
      expect(() => checkMarkup(page.replace("<main", `${bad}<main`))).toThrow();
    }
    expect(() => checkMarkup(page)).not.toThrow();
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and double- or single-quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
    expect(escapeHtml("plain text 日本語")).toBe("plain text 日本語");
    expect(escapeHtml(42)).toBe("42");
    expect(escapeHtml("")).toBe("");
  });

  it("leaves no markup character behind and round-trips any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
        expect(unescape(out)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("renderReportHtml", () => {
  it("is a complete document: language, title, noindex, icon, stylesheet, header, main, footer; no script, no inline style", () => {
    const html = renderReportHtml(report, meta, "en", pageMessages("en"));
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain("<title>Shared report · S3 Access Doctor</title>");
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<link rel="icon" href="/favicon.ico" type="image/svg+xml">');
    expect(html).toContain('<link rel="stylesheet" href="/report.css">');
    expect(html).toContain('<a href="/en" class="flex items-center gap-2 font-semibold text-slate-900">');
    expect(html).toContain('<a href="/en/wizard"');
    expect(html).toContain(`<a href="/en/r/${meta.id}" lang="en" hreflang="en" aria-current="true"`);
    expect(html).toContain(`<a href="/ja/r/${meta.id}" lang="ja" hreflang="ja" class=`);
    expect(html).toContain('<nav aria-label="Language"');
    expect(html).toContain('<main id="main"');
    expect(html).toContain("<footer");
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
    checkMarkup(html);
  });

  it("shows the verdict first, then what to change (failing first, each fix with its document and command), then the other checks by step", () => {
    const html = renderReportHtml(report, meta, "en", pageMessages("en"));
    expect(html).toContain('<h1 class="text-3xl font-bold tracking-tight">Shared report</h1>');
    expect(html).toContain("Anyone with the link can read it until December 28, 2026 at 3:00 AM UTC.");
    expect(html).toContain("Shared on November 28, 2026 at 3:00 AM UTC.");
    expect(html).toContain(`href="/api/reports/${meta.id}/markdown?locale=en" download>Download as Markdown`);
    expect(html).toContain(`href="/api/reports/${meta.id}">Report as JSON</a>`);
    const verdict =
      "The import fails because the trust policy requires another External ID; apply the corrected trust policy. One more problem has to be fixed as well.";
    expect(html).toContain(`data-verdict="fails">${escapeHtml(verdict)}</p>`);
    const order = ["Verdict", "Target", "Summary", "What to change", "Every other check, by step"].map((h2) =>
      html.search(new RegExp(`<h2 id="[^"]+" class="[^"]+">${h2}</h2>`)),
    );
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Failing findings first, in the guide's order; the pass after them, under its step.
    const cards = [
      "The trust policy requires another External ID",
      "A Deny statement in the bucket policy blocks the import",
      "Permission policies</h3>",
      "s3:GetObject is allowed on the objects under the folder",
      "Encryption and KMS keys</h3>",
      "The key policy could not be read",
    ].map((t) => html.indexOf(t));
    expect(cards.every((p) => p > 0)).toBe(true);
    expect([...cards].sort((a, b) => a - b)).toEqual(cards);
    expect(html).toContain('<dd class="break-all font-mono">arn:aws:iam::123456789012:role/tidb-import</dd>');
    expect(html).toContain("<p>2 failed, 0 warnings, 1 unknown, 1 passed, 1 skipped</p>");
    expect(html).toContain('aria-label="Corrected document: bucket-policy"');
    expect(html).toContain(
      "aws s3api put-bucket-policy --bucket acme-tidb-source-data --policy file://bucket-policy.json",
    );
    expect(html).toContain("The statement that decided: Statement 1 (Sid “DenyOutsideVpc”) of bucket-policy");
    expect(html).toMatch(/<pre tabindex="0" aria-label="Current document bucket-policy"/);
    // Every labelled region points at a heading that exists, once.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, ref] of html.matchAll(/aria-labelledby="([^"]+)"/g)) expect(ids).toContain(ref);
    for (const [, ref] of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(ref);
    // As many finding cards as findings.
    expect(html.match(/<article /g)?.length).toBe(report.findings.length);
  });

  it("speaks Japanese for a Japanese viewer", () => {
    const html = renderReportHtml(report, meta, "ja", pageMessages("ja"));
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    expect(html).toContain(">共有されたレポート</h1>");
    expect(html).toContain("インポートが失敗する原因は「The trust policy requires another External ID」です。");
    expect(html).toContain(">変更が必要な項目</h2>");
    expect(html).toContain(">権限ポリシー</h3>");
    expect(html).toContain("Markdown でダウンロード");
    expect(html).toContain(`href="/api/reports/${meta.id}/markdown?locale=ja"`);
    expect(html).toContain(`<a href="/ja/r/${meta.id}" lang="ja" hreflang="ja" aria-current="true"`);
    expect(html).toContain('<a href="/ja/wizard"');
    expect(html).toContain("2026年12月28日");
    expect(html).not.toContain("Shared report");
    checkMarkup(html);
  });

  for (const payload of ALL) {
    it(`shows ${JSON.stringify(payload)} as text in every field`, () => {
      for (const locale of ["en", "ja"] as const) {
        const html = renderReportHtml(payloadReport(payload), meta, locale, pageMessages(locale));
        checkMarkup(html);
        expect(html).not.toMatch(/<script|<img|<svg/i);
        expect(html).not.toMatch(/href="javascript:/i);
        const escaped = escapeHtml(payload);
        // Title, detail, unavailable, console steps, notes, target fields, check id, sid, document, cli, key list.
        const count = html.split(escaped).length - 1;
        expect(count).toBeGreaterThanOrEqual(17);
        expect(html).toContain(`${escaped}</span></h3>`);
        const t = reportTranslator(locale);
        expect(html).toContain(`aria-label="${escapeHtml(t("card.fix.corrected", { document: payload }))}"`);
        expect(html).toContain(escapeHtml(JSON.stringify(payload).slice(1, -1)));
      }
    });
  }

  it("keeps any string inert, in any field (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.constantFrom("en" as const, "ja" as const),
        (s, locale) => {
          const html = renderReportHtml(payloadReport(s), meta, locale, pageMessages(locale));
          checkMarkup(html);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("says so when a report has no findings", () => {
    const empty = valid({ ...sample, findings: [], summary: { pass: 0, fail: 0, warn: 0, unknown: 0, skipped: 0 } });
    const html = renderReportHtml(empty, meta, "en", pageMessages("en"));
    expect(html).toContain('data-verdict="empty">This report has no findings.</p>');
    expect(html).toContain("<p>This report has no findings.</p>");
    checkMarkup(html);
  });
});

describe("gone and not-found pages", () => {
  it("say why the report is gone, in the viewer's language", () => {
    const en = renderGoneHtml("deleted", meta.id, "en", pageMessages("en"));
    expect(en).toContain(">This report is no longer available</h1>");
    expect(en).toContain("The person who shared it has deleted it.");
    checkMarkup(en);
    const ja = renderGoneHtml("expired", meta.id, "ja", pageMessages("ja"));
    expect(ja).toMatch(/<html lang="ja">/);
    checkMarkup(ja);
  });

  it("say that a stored report no longer passes the checks, naming the problem", () => {
    const html = renderInvalidHtml(`findings[0].translations.ja.console: ${SCRIPT}`, meta.id, "en", pageMessages("en"));
    expect(html).toContain(">This report cannot be shown</h1>");
    expect(html).toContain(escapeHtml(`findings[0].translations.ja.console: ${SCRIPT}`));
    checkMarkup(html);
  });

  it("escape the path they link", () => {
    const html = renderNotFoundHtml(`/r/${IMG}`, "en", pageMessages("en"));
    expect(html).toContain(">Page not found</h1>");
    checkMarkup(html);
  });
});
