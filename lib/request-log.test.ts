import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { log } from "./log";
import { logRequest, saneRequestId } from "./request-log";

const CANARY = "CANARYsecretAccessKey0123456789abcdefghij";
let lines: Record<string, unknown>[] = [];

beforeEach(() => {
  lines = [];
  const capture = (s: string | Uint8Array) => {
    for (const l of String(s).split("\n")) if (l.trim()) lines.push(JSON.parse(l));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

function req(url: string, init: RequestInit & { id?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.id) headers.set("x-request-id", init.id);
  return new Request(url, { ...init, headers });
}

describe("one log line per request", () => {
  it("a route handler's line has the request id, method, path without the query, status and duration", async () => {
    const res = await logRequest(
      "api.test",
      req("http://h/api/reports/abc/delete?token=SECRETTOKEN", { method: "POST", id: "req-12345678" }),
      async () => new Response(null, { status: 204 }),
    );
    expect(res.status).toBe(204);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      event: "api.test",
      level: "info",
      requestId: "req-12345678",
      method: "POST",
      path: "/api/reports/abc/delete",
      status: 204,
    });
    expect(typeof lines[0].ms).toBe("number");
    expect(JSON.stringify(lines)).not.toContain("SECRETTOKEN");
  });

  it("lines written while the handler runs carry the same request id", async () => {
    await logRequest("api.test", req("http://h/x", { id: "req-abcdefgh" }), async () => {
      await new Promise((r) => setTimeout(r, 1));
      log("warn", "inner.event", { detail: 1 });
      return new Response("{}", { status: 400 });
    });
    expect(lines.map((l) => [l.event, l.requestId])).toEqual([
      ["inner.event", "req-abcdefgh"],
      ["api.test", "req-abcdefgh"],
    ]);
  });

  it("a streamed answer is logged once, after its last line, with ok and the error code only", async () => {
    const body = { credentials: { secretAccessKey: CANARY } };
    const res = await logRequest(
      "wizard.live",
      req("http://h/en/wizard/live", { method: "POST", id: "req-stream01", body: JSON.stringify(body) }),
      async () => {
        const enc = new TextEncoder();
        const stream = new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(enc.encode('{"type":"progress","op":"sts:GetCallerIdentity"}\n'));
            c.enqueue(enc.encode('{"type":"result","ok":false,"error":{"code":"aws.invalid-credentials","message":"'));
            c.enqueue(enc.encode('The security token is invalid"}}\n'));
            c.close();
          },
        });
        return new Response(stream, { headers: { "content-type": "application/x-ndjson" } });
      },
      { streamed: true },
    );
    expect(lines).toHaveLength(0); // not before the body is sent
    const text = await res.text();
    expect(text).toContain("aws.invalid-credentials");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      event: "wizard.live",
      requestId: "req-stream01",
      status: 200,
      ok: false,
      code: "aws.invalid-credentials",
    });
    expect(JSON.stringify(lines)).not.toContain(CANARY);
    expect(JSON.stringify(lines)).not.toContain("security token");
  });

  it("a handler that throws is logged as a 500 with the error's name, and the error goes on", async () => {
    await expect(
      logRequest("api.test", req("http://h/x", { id: "req-throws01" }), async () => {
        throw new Error(`failed with ${CANARY}`);
      }),
    ).rejects.toThrow();
    expect(lines).toEqual([
      expect.objectContaining({ level: "error", status: 500, error: "Error", requestId: "req-throws01" }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(CANARY);
  });

  it("accepts only sane request ids", () => {
    expect(saneRequestId("0b9c6a1e-2f4d-4c1a-9a55-1d2e3f4a5b6c")).toBe("0b9c6a1e-2f4d-4c1a-9a55-1d2e3f4a5b6c");
    expect(saneRequestId("short")).toBeUndefined();
    expect(saneRequestId('bad"id\nwith newline')).toBeUndefined();
    expect(saneRequestId(null)).toBeUndefined();
  });
});
