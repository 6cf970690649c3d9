import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startFakeAws, type FakeAws } from "../fake-aws/server";
import { startPostgres, type PostgresCluster } from "../support/postgres";
import { expectNoSeriousA11yViolations, watchConsole } from "./support";
import { startAppServer, stopAllAppServers, windowWithRoomLeft, type AppServer } from "./two-instances";

// Scale-out, for real: two production servers (next start of this run's build, each on a free loopback port) with
// DATABASE_URL on one database of a throwaway PostgreSQL cluster (tests/support/postgres.ts), as behind a load
// balancer, and a fake AWS endpoint of this spec's own (so that it can count the AWS calls). Through both servers:
// - the report-creation limit is one limit (requests alternate between them; sent to both at once, exactly the limit
//   gets through);
// - the live-diagnosis limit is one limit, hit the way users hit it: the wizard in the browser, on A then on B, and
//   the refusal shown in the wizard with how long to wait, in English and in Japanese;
// - each server keeps its own cache of rendered report pages (reports never change), yet a report deleted on A
//   through its delete link is gone on B at once, and a report whose time is up is gone on both at once.
const REPORTS_LIMIT = 4;
const LIVE_LIMIT = 2;
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSCALE0001";
// A saved report of the role mode (its first finding's title is what a page that shows it contains).
const sample = JSON.parse(readFileSync(join(process.cwd(), "lib/share/__fixtures__/report-role.json"), "utf8")) as {
  findings: { title: string }[];
};
const TITLE = sample.findings[0].title;

let dir = "";
let cluster: PostgresCluster | undefined;
let databaseUrl = "";
let fake: FakeAws | undefined;
let a: AppServer | undefined;
let b: AppServer | undefined;
let windowSeconds = 0;

test.beforeAll(async () => {
  // Two cold starts of next start, and the cluster's initdb, on a machine the other specs share.
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), "s3doctor-e2e-scale-"));
  cluster = await startPostgres();
  databaseUrl = await cluster.createDatabase();
  fake = await startFakeAws({});
  // Both limits' windows leave room for this whole spec (see windowWithRoomLeft).
  windowSeconds = windowWithRoomLeft(900);
  const env = (name: string) => ({
    DATABASE_URL: databaseUrl,
    // Never opened with DATABASE_URL set: a limit kept in a file of each server's own would prove nothing.
    REPORTS_DB_PATH: join(dir, `${name}-unused.db`),
    REPORTS_RATE_LIMIT: String(REPORTS_LIMIT),
    REPORTS_RATE_WINDOW_SECONDS: String(windowSeconds),
    LIVE_RATE_LIMIT: String(LIVE_LIMIT),
    LIVE_RATE_WINDOW_SECONDS: String(windowSeconds),
    // Each API test is a client of its own (X-Forwarded-For); the browser is 127.0.0.1, the address both servers see.
    TRUST_PROXY: "1",
    AWS_ENDPOINT_URL: fake!.url,
  });
  // Their logs go to the run folder (named at the start and end of the browser tests), kept after the run.
  const logs = process.env.E2E_RUN_DIR || dir;
  [a, b] = await Promise.all(
    (["a", "b"] as const).map((name) => startAppServer(name, env(name), logs, `scale-out-${name}.log`)),
  );
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  // Both, by their process group's id, also when one of them did not start or a test failed.
  await stopAllAppServers();
  await fake?.stop();
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function share(server: AppServer, client: string) {
  return fetch(`${server.base}/api/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    body: JSON.stringify(sample),
  });
}

async function created(server: AppServer, client: string) {
  const res = await share(server, client);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; deleteUrl: string };
}

async function reportPage(server: AppServer, id: string, locale = "en") {
  const res = await fetch(`${server.base}/${locale}/r/${id}`);
  return { status: res.status, html: await res.text() };
}

async function sql(text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** Changes a report's body in the database, behind both servers' backs: a server showing it did not cache the page. */
async function changeBehindTheCaches(id: string) {
  const changed = { ...sample, findings: sample.findings.map((f) => ({ ...f, title: "CHANGED BEHIND THE CACHE" })) };
  await sql("UPDATE shared_reports SET report = $1 WHERE id = $2", [JSON.stringify(changed), id]);
}

function expectRetryAfter(res: Response) {
  const wait = Number(res.headers.get("retry-after"));
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(windowSeconds);
  return wait;
}

test.describe("two production servers on one PostgreSQL", () => {
  test("hold one report-creation limit between them, per client", async () => {
    const servers = [a!, b!];
    for (let n = 0; n < REPORTS_LIMIT; n++) expect((await share(servers[n % 2], "203.0.113.20")).status).toBe(201);
    // The next one is refused whichever server answers it.
    for (const server of [servers[REPORTS_LIMIT % 2], servers[(REPORTS_LIMIT + 1) % 2]]) {
      const refused = await share(server, "203.0.113.20");
      expect(refused.status, server.name).toBe(429);
      expectRetryAfter(refused);
      expect(await refused.json()).toMatchObject({ error: { code: "rate-limited" } });
    }
    // Another client has a budget of its own, on either server.
    expect((await share(b!, "203.0.113.21")).status).toBe(201);
    // Counted in PostgreSQL: neither server opened a SQLite file.
    expect(existsSync(join(dir, "a-unused.db")) || existsSync(join(dir, "b-unused.db"))).toBe(false);

    // Sent to both at once, exactly the limit gets through.
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => share(servers[n % 2], "203.0.113.22")));
    expect(answers.map((r) => r.status).sort()).toEqual([
      ...Array(REPORTS_LIMIT).fill(201),
      ...Array(10 - REPORTS_LIMIT).fill(429),
    ]);
  });

  test("hold one live-diagnosis limit between them: the wizard on either says how long to wait", async ({ page }) => {
    const run = async (server: AppServer, locale: "en" | "ja") => {
      await page.goto(`${server.base}/${locale}/wizard`);
      await page.locator("#bucketUri").fill("s3://tidb-cloud-source-data/mydata/");
      await page.locator("#roleArn").fill("arn:aws:iam::111122223333:role/tidb-import");
      await page.locator("#externalId").fill("696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe");
      await page.locator("#tidbAccountId").fill("380838443567");
      await page.locator("#cred-accessKeyId").fill("AKIAFAKEROLEOWNER001");
      await page.locator("#cred-secretAccessKey").fill(SECRET);
      const answered = page.waitForResponse((r) => r.url() === `${server.base}/${locale}/wizard/live`);
      await page.getByRole("button", { name: locale === "en" ? "Run the diagnosis" : "診断を実行" }).click();
      return answered;
    };
    // The limit's worth of diagnoses, on A then on B.
    for (const server of [a!, b!].slice(0, LIVE_LIMIT)) {
      expect((await run(server, "en")).status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
    }
    const calls = fake!.calls.length;
    expect(calls).toBeGreaterThan(0);

    // Then refused on either, before any AWS call, with the wait in the page's language.
    for (const server of [a!, b!]) {
      const console = watchConsole(page);
      const refused = await run(server, "en");
      expect(refused.status(), server.name).toBe(429);
      const wait = Number(refused.headers()["retry-after"]);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(windowSeconds);
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
      // The refusal itself is the browser's only complaint (a failed request in the console and the 429 response).
      expect(
        console.problems.every((p) => /429|Too Many Requests/.test(p)),
        console.problems.join("\n"),
      ).toBe(true);
    }
    await expectNoSeriousA11yViolations(page);

    expect((await run(b!, "ja")).status()).toBe(429);
    const alertJa = page.locator("#wizard-error");
    await expect(alertJa).toContainText("ライブ診断の実行回数が上限に達しました");
    await expect(alertJa).toContainText(
      /\d+ (分|秒)後にもう一度実行してください。その間もオフラインモードは使えます。/,
    );
    await expect(alertJa).not.toContainText("Too many");
    expect(fake!.calls.length).toBe(calls);
  });

  test("each cache a report's page, and a deletion on A through its delete link shows on B at once", async ({
    page,
  }) => {
    const { id, deleteUrl } = await created(a!, "203.0.113.30");
    expect(deleteUrl.startsWith(a!.base)).toBe(true);
    for (const server of [a!, b!]) {
      const shown = await reportPage(server, id);
      expect(shown.status, server.name).toBe(200);
      expect(shown.html).toContain(TITLE);
    }
    // Reports never change, so each server keeps the page it rendered: a body changed behind their backs does not show.
    await changeBehindTheCaches(id);
    for (const server of [a!, b!]) {
      const cached = await reportPage(server, id);
      expect(cached.status, server.name).toBe(200);
      expect(cached.html).toContain(TITLE);
    }

    // The creator opens the delete link (served by A) and confirms.
    await page.goto(deleteUrl);
    await page.getByRole("button", { name: "Delete the shared report" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "The shared report was deleted. Its link now says that it is gone.",
    );
    expect(new URL(page.url()).origin).toBe(a!.base);

    // B answers 410 at once, although it had the page cached; so does A, and the API on both.
    for (const server of [b!, a!]) {
      for (const locale of ["en", "ja"]) {
        const gone = await reportPage(server, id, locale);
        expect(gone.status, `${server.name} ${locale}`).toBe(410);
        expect(gone.html).not.toContain(TITLE);
      }
      expect((await fetch(`${server.base}/api/reports/${id}`)).status, server.name).toBe(410);
    }
  });

  test("both answer 410 as soon as a report's time is up, though both had its page cached", async () => {
    const { id } = await created(b!, "203.0.113.31");
    for (const server of [a!, b!])
      for (const locale of ["en", "ja"]) expect((await reportPage(server, id, locale)).status).toBe(200);
    await changeBehindTheCaches(id);
    for (const server of [a!, b!])
      for (const locale of ["en", "ja"]) expect((await reportPage(server, id, locale)).html).toContain(TITLE);

    // As if the retention period had passed.
    await sql("UPDATE shared_reports SET expires_at = $1 WHERE id = $2", [Date.now() - 1, id]);
    for (const server of [a!, b!]) {
      for (const locale of ["en", "ja"]) {
        const gone = await reportPage(server, id, locale);
        expect(gone.status, `${server.name} ${locale}`).toBe(410);
        expect(gone.html).not.toContain(TITLE);
      }
      expect((await fetch(`${server.base}/api/reports/${id}`)).status, server.name).toBe(410);
    }
  });
});
