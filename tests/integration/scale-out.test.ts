/**
 * Scale-out: two app instances (the app's route handlers, each in a process of its own on a free loopback port; see
 * support/app-instance.ts) on one throwaway PostgreSQL database, as behind a load balancer.
 * - the report-creation limit and the live-diagnosis limit hold across both (counted in the database, not per process);
 * - each instance keeps its own cache of rendered report pages (reports never change), yet a deletion or an expiry
 *   shows on both at once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sample from "@/lib/share/__fixtures__/report-role.json";
import { startFakeAws, type FakeAws } from "@/tests/fake-aws/server";
import { startPostgres, type PostgresCluster } from "@/tests/support/postgres";

const REPORTS_LIMIT = 4;
const LIVE_LIMIT = 3;

interface Instance {
  base: string;
  child: ChildProcess;
  output: string[];
}

let cluster: PostgresCluster;
let databaseUrl: string;
let fake: FakeAws;
let dir: string;
let a: Instance;
let b: Instance;

function startInstance(name: string): Promise<Instance> {
  const child = spawn(
    "./node_modules/.bin/tsx",
    ["--conditions=react-server", "tests/integration/support/app-instance.ts"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        // Never used with DATABASE_URL set: a shared limit in a file of its own would prove nothing.
        REPORTS_DB_PATH: join(dir, `${name}-unused.db`),
        REPORTS_RATE_LIMIT: String(REPORTS_LIMIT),
        REPORTS_RATE_WINDOW_SECONDS: "600",
        LIVE_RATE_LIMIT: String(LIVE_LIMIT),
        LIVE_RATE_WINDOW_SECONDS: "600",
        TRUST_PROXY: "1",
        AWS_ENDPOINT_URL: fake.url,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
    },
  );
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output.join("")}`)), 90_000);
    child.stderr!.on("data", (c: Buffer) => output.push(c.toString("utf8")));
    child.stdout!.on("data", (c: Buffer) => {
      const text = c.toString("utf8");
      output.push(text);
      const port = /^listening (\d+)$/m.exec(text)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ base: `http://127.0.0.1:${port}`, child, output });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}):\n${output.join("")}`));
    });
  });
}

function stop(i: Instance | undefined): Promise<void> {
  if (!i || i.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    i.child.once("exit", () => resolve());
    i.child.kill("SIGTERM");
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "s3doctor-scale-"));
  cluster = await startPostgres();
  databaseUrl = await cluster.createDatabase();
  fake = await startFakeAws({});
  [a, b] = await Promise.all([startInstance("a"), startInstance("b")]);
}, 180_000);

afterAll(async () => {
  await Promise.all([stop(a), stop(b)]);
  await fake?.stop();
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function share(i: Instance, client: string) {
  return fetch(`${i.base}/api/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    body: JSON.stringify(sample),
  });
}

async function created(i: Instance, client: string) {
  const res = await share(i, client);
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: string; deleteUrl: string };
  return { id: body.id, token: new URL(body.deleteUrl).searchParams.get("token")! };
}

async function page(i: Instance, id: string, locale = "en") {
  const res = await fetch(`${i.base}/${locale}/r/${id}`);
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

describe("two app instances on one PostgreSQL", () => {
  it("hold one report-creation limit between them, per client", async () => {
    const statuses = [];
    for (let n = 0; n < REPORTS_LIMIT + 2; n++) statuses.push((await share(n % 2 ? b : a, "203.0.113.20")).status);
    expect(statuses).toEqual([...Array(REPORTS_LIMIT).fill(201), 429, 429]);
    const refused = await share(a, "203.0.113.20");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: "rate-limited" } });
    // Another client has its own budget, on either instance.
    expect((await share(b, "203.0.113.21")).status).toBe(201);
    // Counted in PostgreSQL: neither instance opened a SQLite file of its own.
    expect(existsSync(join(dir, "a-unused.db")) || existsSync(join(dir, "b-unused.db"))).toBe(false);
  });

  it("hold it exactly when one client sends many at once to both", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => share(n % 2 ? b : a, "203.0.113.22")));
    expect(answers.filter((r) => r.status === 201).length).toBe(REPORTS_LIMIT);
    expect(answers.filter((r) => r.status === 429).length).toBe(10 - REPORTS_LIMIT);
  });

  it("each serve a report's page from their own cache, and both answer 410 as soon as it is deleted", async () => {
    const { id, token } = await created(a, "203.0.113.30");
    for (const i of [a, b]) expect((await page(i, id)).status).toBe(200);
    // Reports never change, so each instance keeps the page it rendered: a body changed behind their back does not
    // show (the pages come from each instance's cache)…
    const changed = { ...sample, findings: sample.findings.map((f) => ({ ...f, title: "CHANGED BEHIND THE CACHE" })) };
    await sql("UPDATE shared_reports SET report = $1 WHERE id = $2", [JSON.stringify(changed), id]);
    for (const i of [a, b]) {
      const cached = await page(i, id);
      expect(cached.status).toBe(200);
      expect(cached.html).not.toContain("CHANGED BEHIND THE CACHE");
    }
    // …but a deletion through one instance shows on both at once.
    const del = await fetch(`${b.base}/api/reports/${id}`, { method: "DELETE", headers: { "x-delete-token": token } });
    expect(del.status).toBe(204);
    for (const i of [a, b]) {
      const gone = await page(i, id);
      expect(gone.status).toBe(410);
      expect(gone.html).not.toContain(sample.findings[0].title);
      expect((await fetch(`${i.base}/api/reports/${id}`)).status).toBe(410);
    }
  });

  it("both answer 410 as soon as a report expires, though both had its page cached", async () => {
    const { id } = await created(b, "203.0.113.31");
    for (const i of [a, b]) for (const locale of ["en", "ja"]) expect((await page(i, id, locale)).status).toBe(200);
    // Its time is up (as if the retention period had passed).
    await sql("UPDATE shared_reports SET expires_at = $1 WHERE id = $2", [Date.now() - 1, id]);
    for (const i of [a, b]) {
      for (const locale of ["en", "ja"]) {
        const gone = await page(i, id, locale);
        expect(gone.status).toBe(410);
        expect(gone.html).not.toContain(sample.findings[0].title);
      }
    }
  });

  it("hold one live-diagnosis limit between them, per client, with 429 and Retry-After", async () => {
    const body = JSON.stringify({
      target: {
        mode: "role",
        bucketUri: "s3://tidb-cloud-source-data/mydata/",
        roleArn: "arn:aws:iam::111122223333:role/tidb-import",
        externalId: "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe",
        tidbAccountId: "380838443567",
        region: "ap-northeast-1",
      },
      credentials: { accessKeyId: "AKIAFAKEROLEOWNER001", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSCALE0001" },
      locale: "en",
    });
    const diagnose = (i: Instance, client: string) =>
      fetch(`${i.base}/en/wizard/live`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": client },
        body,
      });
    for (let n = 0; n < LIVE_LIMIT; n++) {
      const res = await diagnose(n % 2 ? b : a, "203.0.113.40");
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('"type":"result","ok":true');
    }
    const calls = fake.calls.length;
    for (const i of [b, a]) {
      const refused = await diagnose(i, "203.0.113.40");
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get("retry-after"));
      expect(wait).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({
        ok: false,
        error: { code: "rate.limited", retryAfterSeconds: wait },
      });
    }
    expect(fake.calls.length).toBe(calls);
    expect((await diagnose(b, "203.0.113.41")).status).toBe(200);
  });
});
