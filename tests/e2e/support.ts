import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Collects console errors and uncaught page errors; call `assertClean()` at the end of a test. */
export function watchConsole(page: Page) {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    // A page that is meant to answer 404 or 410 makes the browser log its own status: that is the page working.
    // Failed subresources are caught with their URL by the response listener below.
    if (msg.text().startsWith("Failed to load resource") && msg.location().url === page.url()) return;
    problems.push(`console.error: ${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("response", (res) => {
    if (res.status() >= 400 && res.request().resourceType() !== "document")
      problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return {
    problems,
    assertClean: () => expect(problems, problems.join("\n")).toEqual([]),
  };
}

/** No serious or critical axe violations on the current page. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** The URLs of the POST requests the page sends from now on (a server action or an API call): empty means none was sent. */
export function watchPosts(page: Page): string[] {
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  return posts;
}
