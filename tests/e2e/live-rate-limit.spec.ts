import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, watchConsole } from "./support";

// The wizard when the server's per-client limit on live diagnoses refuses a run: a server of its own (next start of the
// same build, LIVE_RATE_LIMIT=1, its own store) next to the one playwright.config.ts starts, whose limit is out of
// reach; the same fake AWS endpoint. The first run is diagnosed; the next, in either language, is refused with a
// sentence that says how long to wait.
const FAKE_AWS_URL = `http://127.0.0.1:${Number(process.env.E2E_FAKE_AWS_PORT ?? 4599)}`;
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0099";

let server: ChildProcess | undefined;
let base = "";
let dir = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "s3doctor-e2e-limit-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const log = openSync(join(dir, "server.log"), "a");
  server = spawn("node", ["scripts/start.mjs"], {
    stdio: ["ignore", log, log],
    detached: true, // a process group of its own, stopped by its id
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      REPORTS_DB_PATH: join(dir, "reports.db"),
      LIVE_RATE_LIMIT: "1",
      LIVE_RATE_WINDOW_SECONDS: "600",
      AWS_ENDPOINT_URL: FAKE_AWS_URL,
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
      AWS_SESSION_TOKEN: "",
    },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(readFileSync(join(dir, "server.log"), "utf8"));
    try {
      if ((await fetch(`${base}/en`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    process.kill(-server.pid, "SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** The start form and the credentials, by field id (the same in both languages). */
async function fillLiveRun(page: Page) {
  await page.locator("#bucketUri").fill("s3://tidb-cloud-source-data/mydata/");
  await page.locator("#roleArn").fill("arn:aws:iam::111122223333:role/tidb-import");
  await page.locator("#externalId").fill("696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe");
  await page.locator("#tidbAccountId").fill("380838443567");
  await page.locator("#cred-accessKeyId").fill("AKIAFAKEROLEOWNER001");
  await page.locator("#cred-secretAccessKey").fill(SECRET);
}

test.describe("live diagnosis rate limit", () => {
  test("past the limit, the wizard says how long to wait, in English and in Japanese", async ({ page }) => {
    await page.goto(`${base}/en/wizard`);
    await fillLiveRun(page);
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();

    const console = watchConsole(page);
    await page.goto(`${base}/en/wizard`);
    await fillLiveRun(page);
    const answered = page.waitForResponse((r) => r.url().endsWith("/en/wizard/live"));
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    const refused = await answered;
    expect(refused.status()).toBe(429);
    const wait = Number(refused.headers()["retry-after"]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    const minutes = Math.ceil(wait / 60);
    const alert = page.locator("#wizard-error");
    await expect(alert).toHaveAttribute("role", "alert");
    await expect(alert).toContainText("Too many live diagnoses");
    await expect(alert).toContainText(
      wait < 60
        ? `Run it again in ${wait} second${wait === 1 ? "" : "s"}; offline mode works meanwhile.`
        : `Run it again in ${minutes} minute${minutes === 1 ? "" : "s"}; offline mode works meanwhile.`,
    );
    // One sentence in the page's language, not the server's English message beside it.
    await expect(alert).not.toContainText("try again in");
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    // The refusal itself is the browser's only complaint (a failed request in the console and the 429 response).
    expect(console.problems.every((p) => /429|Too Many Requests/.test(p))).toBe(true);

    await page.goto(`${base}/ja/wizard`);
    await fillLiveRun(page);
    await page.getByRole("button", { name: "診断を実行" }).click();
    const alertJa = page.locator("#wizard-error");
    await expect(alertJa).toContainText("ライブ診断の実行回数が上限に達しました");
    await expect(alertJa).toContainText(
      /\d+ (分|秒)後にもう一度実行してください。その間もオフラインモードは使えます。/,
    );
    await expect(alertJa).not.toContainText("Too many");
  });
});
