import { expect, test } from "@playwright/test";

// Oversize bodies are refused with 413 and a sentence, before they are read: server actions (by the proxy, instead of
// Next's HTTP 500 with a digest), the live route (also when the length is not declared), and the report API.
const MB = 1024 * 1024;

test.describe("request body limits", () => {
  test("a server action over 1 MB gets 413 with a clear message", async ({ request, baseURL }) => {
    const res = await request.post("/en/wizard", {
      // any action id: the proxy refuses on the declared length before Next looks the action up
      headers: { "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8", origin: baseURL! },
      data: "a".repeat(2 * MB),
    });
    expect(res.status()).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("too-large");
    expect(body.error.message).toMatch(/larger than 1024 KB/);
    expect(res.headers()["x-request-id"]).toBeTruthy();
  });

  test("the live route refuses a body over its limit with 413 and a message", async ({ request }) => {
    const res = await request.post("/en/wizard/live", {
      headers: { "content-type": "application/json" },
      data: `{"pad":"${"a".repeat(2 * MB)}"}`,
    });
    expect(res.status()).toBe(413);
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.message).toMatch(/larger than \d+ KB/);
  });

  test("the report API refuses a report over its limit with 413 and a message", async ({ request }) => {
    const res = await request.post("/api/reports", {
      headers: { "content-type": "application/json" },
      data: `{"pad":"${"a".repeat(MB)}"}`,
    });
    expect(res.status()).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("too-large");
    expect(body.error.message).toMatch(/larger than \d+ KB/);
  });
});
