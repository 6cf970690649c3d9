/**
 * Every word a page shows comes from the message files (lib/i18n/messages), so that it exists in English and in
 * Japanese: a component holds no English text of its own, neither between its tags nor in the attributes a user
 * reads or hears (aria-label, title, placeholder, alt). Examples of values (an ARN as a placeholder) and code are
 * not prose and may stay.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components"];
const READ_ATTRIBUTES = new Set(["aria-label", "title", "placeholder", "alt", "aria-description", "aria-placeholder"]);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith(".tsx") && !/\.(test|spec)\.tsx$/.test(path) ? [path] : [];
  });
}

/** Prose: two or more Latin words side by side (a value like an ARN, a file name or a product name is one word). */
const isProse = (text: string) => /[A-Za-z]{2,}[,.!?]?\s+[A-Za-z]{2,}/.test(text.replace(/\s+/g, " ").trim());

/** The literal texts a component shows: JSX text, and string literals given to the attributes a user reads. */
function shownLiterals(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && node.text.trim()) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const value = ts.isJsxExpression(init) ? init.expression : init;
      if (value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value))) found.push(value.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the components' own text", () => {
  it("the scan finds English prose between tags and in a read attribute, and lets an example value pass", () => {
    expect(isProse("Paste the policy here")).toBe(true);
    expect(isProse("arn:aws:iam::111122223333:user/tidb-importer")).toBe(false);
    expect(isProse("S3")).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), "ui-literals-"));
    const file = join(dir, "sample.tsx");
    writeFileSync(
      file,
      `export const A = () => <button aria-label="Close the dialog" title={"Copy it"} placeholder="s3://b/f/">\n  Show more\n  {t("x")}</button>;`,
    );
    expect(shownLiterals(file).sort()).toEqual(["Close the dialog", "Copy it", "Show more", "s3://b/f/"]);
  });

  it("no component shows English words of its own: every shown text comes from the message files", () => {
    const files = ROOTS.flatMap(tsxFiles);
    expect(files.length).toBeGreaterThan(10);
    const english = files.flatMap((f) =>
      shownLiterals(f)
        .filter(isProse)
        .map((text) => `${f}: "${text}"`),
    );
    expect(english).toEqual([]);
  });
});
