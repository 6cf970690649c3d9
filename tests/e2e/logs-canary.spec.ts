import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

// Every line the production server wrote (playwright.config.ts sends its stdout and stderr to $E2E_RUN_DIR/server.log)
// is scanned for the canary credentials this file uses, in every encoding they could take; and the requests made here
// each have exactly one structured log line with their request id.
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYLOGCANARY77";
const TOKEN =
  "IQoJb3JpZ2luX2VjELOGCANARYTOKEN77+/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const ROLE_ARN = "arn:aws:iam::111122223333:role/tidb-import";
const EXTERNAL_ID = "696e6672612d617069a79c22fa5740944bf8bb32e4a0c4e3fe";

function serverLog(): string {
  return readFileSync(join(process.env.E2E_RUN_DIR ?? "", "server.log"), "utf8");
}

/** The JSON lines of the server log (Next's own banner lines are not JSON). */
function jsonLines(): Record<string, unknown>[] {
  return serverLog()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** One line for this request id and event, written once the answer is complete. */
async function lineFor(requestId: string, event: string) {
  await expect.poll(() => jsonLines().filter((l) => l.requestId === requestId && l.event === event).length).toBe(1);
  return jsonLines().find((l) => l.requestId === requestId && l.event === event)!;
}

test.describe("server logs", () => {
  test("a live diagnosis in the wizard is logged once with its request id, and never with the credentials", async ({
    page,
  }) => {
    await page.goto("/en/wizard");
    await page.getByLabel("Bucket URI").fill("s3://tidb-cloud-source-data/mydata/");
    await page.getByLabel("Role ARN", { exact: true }).fill(ROLE_ARN);
    await page.getByLabel("TiDB Cloud External ID").fill(EXTERNAL_ID);
    await page.getByLabel("TiDB Cloud account ID").fill("380838443567");
    await expect(page.getByLabel("Live")).toBeChecked();
    await page.getByLabel("Access key ID", { exact: true }).fill("AKIAFAKEROLEOK000001");
    await page.getByLabel("Secret access key").fill(SECRET);
    await page.getByLabel("Session token").fill(TOKEN);
    const answered = page.waitForResponse((r) => r.url().includes("/wizard/live") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Run the diagnosis" }).click();
    const res = await answered;
    await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();

    const requestId = res.headers()["x-request-id"];
    expect(requestId).toBeTruthy();
    const line = await lineFor(requestId, "wizard.live");
    expect(line).toMatchObject({ level: "info", method: "POST", status: 200, ok: true });
    expect(String(line.path)).toMatch(/\/wizard\/live$/);
  });

  test("a refused live request is logged with its error code and the request id the client sent", async ({
    request,
  }) => {
    const requestId = "e2e-logs-canary-refused-0001";
    const res = await request.post("/en/wizard/live", {
      headers: { "x-request-id": requestId, "content-type": "application/json" },
      data: {
        target: {
          mode: "role",
          bucketUri: "s3://tidb-cloud-source-data/mydata/",
          roleArn: ROLE_ARN,
          externalId: EXTERNAL_ID,
          tidbAccountId: null,
          accessKeyId: null,
          region: null,
          errorMessage: null,
        },
        // no scenario claims this key: the fake endpoint answers InvalidClientTokenId
        credentials: { accessKeyId: "AKIAUNKNOWNKEY000077", secretAccessKey: SECRET, sessionToken: TOKEN },
        locale: "en",
      },
    });
    expect(res.headers()["x-request-id"]).toBe(requestId);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("LOGCANARY");
    const line = await lineFor(requestId, "wizard.live");
    expect(line).toMatchObject({ ok: false, code: "aws.invalid-credentials" });
  });

  test("shared-report API requests are logged once each with their request id", async ({ request }) => {
    const requestId = "e2e-logs-canary-api-0001";
    const res = await request.get("/api/reports/AAAAAAAAAAAAAAAAAAAAAAAA", { headers: { "x-request-id": requestId } });
    expect(res.status()).toBe(404);
    expect(await lineFor(requestId, "api.reports.get")).toMatchObject({
      status: 404,
      method: "GET",
      path: "/api/reports/AAAAAAAAAAAAAAAAAAAAAAAA",
    });
  });

  test("no line the server wrote holds a canary credential, in any encoding", async () => {
    // Runs last in this file (workers: 1, in order): the requests above are in the log.
    const log = serverLog();
    for (const canary of [SECRET, TOKEN, "LOGCANARY"]) {
      for (const form of [
        canary,
        encodeURIComponent(canary),
        JSON.stringify(canary).slice(1, -1),
        Buffer.from(canary).toString("base64"),
      ]) {
        expect(log.includes(form), `server.log holds ${form.slice(0, 24)}…`).toBe(false);
      }
    }
    // every structured line is well formed, and every request line has a request id
    for (const l of jsonLines()) {
      expect(typeof l.time).toBe("string");
      expect(["debug", "info", "warn", "error"]).toContain(l.level);
      expect(typeof l.event).toBe("string");
      if (/^(api\.|wizard\.)/.test(String(l.event)) && "status" in l)
        expect(typeof l.requestId, JSON.stringify(l)).toBe("string");
    }
  });
});
