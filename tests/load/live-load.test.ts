/**
 * Load: 50 live diagnoses at once, each of a different account, through the live route handler of the wizard
 * (app/[locale]/wizard/live/route.ts, called in this process with a Request as Next calls it; the production server
 * is not started here, so that the test needs no build) against the fake AWS endpoint with 20 ms per call.
 * Every account is made unique (account id, bucket, role, access keys rewritten from 11 scenarios), so a report that
 * held anything of another request would show it. Each request has its own canary secret.
 * Checks: all 50 complete with a report; each report and snapshot names only its own account, bucket and role;
 * the statuses each scenario expects are there; no canary secret appears in any answer or any log line written
 * meanwhile; and memory stays bounded over two more rounds (RSS and heap growth under generous limits; no timing).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as liveRoute } from "@/app/[locale]/wizard/live/route";
import type { LiveResult } from "@/lib/actions/live-core";
import type { Scenario } from "@/tests/fake-aws/scenario";
import type { FakeAws } from "@/tests/fake-aws/server";
import { startFake } from "@/tests/integration/support/live";

const CONCURRENT = 50;
const LATENCY_MS = 20;
/** Scenarios that serve their own account (not `serveSnapshotOf` another one). */
const BASES = [
  "role-ok",
  "role-missing-slash-star",
  "role-wrong-external-id",
  "role-object-writer",
  "role-bucket-policy-deny",
  "role-kms-problems",
  "role-key-other-region",
  "role-missing",
  "access-key-ok",
  "access-key-no-list",
  "access-key-no-get-object",
];
const MB = 1024 * 1024;

interface Account {
  n: number;
  base: string;
  scenario: Scenario;
  accountId: string;
  bucket: string;
  role: string;
  diagnosingKey: string;
  secret: string;
}

let fake: FakeAws;
const logged: string[] = [];
const restore: (() => void)[] = [];

/** Scenario `base` rewritten into account number n: every identifier that could leak into another report is unique. */
function account(n: number, round: number): Account {
  const base = BASES[n % BASES.length];
  const tag = String(n).padStart(2, "0");
  const accountId = `20${round}0000000${tag}`; // 12 digits, unique per request and round
  const bucket = `load-bucket-${tag}-r${round}`;
  const role = `tidb-import-${tag}r${round}`;
  const json = JSON.stringify(fake.scenarios.get(base)!)
    .replaceAll("111122223333", accountId)
    .replaceAll("tidb-cloud-source-data", bucket)
    .replaceAll("tidb-import", role)
    .replace(/AKIAFAKE[A-Z0-9]{12}/g, (k) => `AKIALOAD${tag}R${round}${k.slice(-9)}`);
  const scenario = { ...(JSON.parse(json) as Scenario), name: `${base}#${tag}r${round}`, diagnosingKeys: [] };
  const diagnosingKey = `AKIALOADDIAG${tag}R${round}0000`.slice(0, 20);
  fake.setScenario(scenario, diagnosingKey);
  return {
    n,
    base,
    scenario,
    accountId,
    bucket,
    role,
    diagnosingKey,
    secret: `LOADCANARY${tag}r${round}${"s".repeat(30)}`,
  };
}

async function diagnose(
  a: Account,
): Promise<{ status: number; text: string; result?: { ok: boolean; data?: LiveResult; error?: unknown } }> {
  const body = {
    target: a.scenario.snapshot.target,
    credentials: { accessKeyId: a.diagnosingKey, secretAccessKey: a.secret },
    locale: a.n % 2 ? "ja" : "en",
  };
  const res = await liveRoute(
    new Request("http://127.0.0.1/en/wizard/live", { method: "POST", body: JSON.stringify(body) }),
  );
  const text = await res.text();
  const last = text.trim().split("\n").pop() ?? "";
  let result;
  try {
    result = JSON.parse(last);
  } catch {
    result = undefined;
  }
  return { status: res.status, text, result };
}

async function round(r: number) {
  const accounts = Array.from({ length: CONCURRENT }, (_, i) => account(i, r));
  const answers = await Promise.all(accounts.map(diagnose));
  return { accounts, answers };
}

// Memory is read after a full garbage collection, so that garbage not yet collected (how much depends on when the
// collector last ran, which a loaded machine shifts by whole rounds) does not count as growth; what a leak keeps
// alive stays after it.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

function memory() {
  collectGarbage();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

let dir: string;

beforeAll(async () => {
  fake = await startFake({ latencyMs: LATENCY_MS });
  // The per-client live limit (counted in a throwaway share store) must not refuse the load: it is tested on its own.
  dir = mkdtempSync(join(tmpdir(), "s3doctor-live-load-"));
  process.env.REPORTS_DB_PATH = join(dir, "reports.db");
  process.env.LIVE_RATE_LIMIT = "100000";
  // Everything the app logs meanwhile is kept, to be scanned for the canaries.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logged.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = write as typeof stream.write));
  }
});
afterAll(async () => {
  for (const r of restore) r();
  await fake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`load: ${CONCURRENT} concurrent live diagnoses`, () => {
  let first: Awaited<ReturnType<typeof round>>;
  const mem: { label: string; rss: number; heap: number }[] = [];

  it("all complete, each report holds only its own account's data and its scenario's statuses", async () => {
    // warm-up: one diagnosis loads the modules, so that the memory figures below compare like with like
    await diagnose(account(99, 9));
    mem.push({ label: "before", ...memory() });
    first = await round(1);
    mem.push({ label: "after round 1", ...memory() });

    const { accounts, answers } = first;
    for (const [i, a] of accounts.entries()) {
      const ans = answers[i];
      expect(ans.status, a.scenario.name).toBe(200);
      expect(ans.result?.ok, `${a.scenario.name}: ${JSON.stringify(ans.result?.error)}`).toBe(true);
      const { report, snapshot } = ans.result!.data!;
      // its own target, caller and bucket
      expect(report.target.bucketUri).toBe(a.scenario.snapshot.target.bucketUri);
      expect(report.target.bucketUri).toContain(a.bucket);
      if (a.scenario.snapshot.caller) expect(snapshot.caller?.accountId).toBe(a.accountId);
      // the statuses its scenario expects
      for (const [id, status] of Object.entries(a.scenario.expected?.statuses ?? {})) {
        expect(report.findings.find((f) => f.id === id)?.status, `${a.scenario.name} ${id}`).toBe(status);
      }
      // nothing of any other request: account id, bucket, role, diagnosing key, or any canary secret
      for (const b of accounts) {
        expect(ans.text.includes(b.secret), `${a.scenario.name} holds a canary secret`).toBe(false);
        if (b === a) continue;
        for (const other of [b.accountId, b.bucket, b.role, b.diagnosingKey]) {
          expect(ans.text.includes(other), `${a.scenario.name} holds ${other} of ${b.scenario.name}`).toBe(false);
        }
      }
    }
  }, 120_000);

  it("memory stays bounded over two more rounds, and no log line holds a canary secret", async () => {
    expect(first, "the first round ran").toBeDefined();
    for (const r of [2, 3]) {
      const { answers } = await round(r);
      expect(answers.every((x) => x.result?.ok === true)).toBe(true);
      mem.push({ label: `after round ${r}`, ...memory() });
    }
    console.info(
      `load memory (MB): ${mem.map((m) => `${m.label}: rss ${(m.rss / MB).toFixed(0)}, heap ${(m.heap / MB).toFixed(0)}`).join("; ")}`,
    );
    const [, r1, , r3] = mem;
    // Generous bounds: a leak of each diagnosis's snapshot, report or SDK clients would exceed them within rounds.
    expect((r3.rss - r1.rss) / MB, "RSS growth from round 1 to round 3 (MB)").toBeLessThan(200);
    expect((r3.heap - r1.heap) / MB, "heap growth from round 1 to round 3 (MB)").toBeLessThan(100);
    expect(r3.rss / MB, "RSS after three rounds of 50 (MB)").toBeLessThan(1500);

    const all = logged.join("");
    for (let r = 1; r <= 3; r++) {
      for (let n = 0; n < CONCURRENT; n++)
        expect(all.includes(`LOADCANARY${String(n).padStart(2, "0")}r${r}`)).toBe(false);
    }
  }, 240_000);
});
