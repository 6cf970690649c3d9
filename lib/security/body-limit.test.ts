import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, oversizeAction, readCappedText } from "./body-limit";

function chunked(bytes: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= bytes) return c.close();
      const n = Math.min(chunk, bytes - sent);
      sent += n;
      c.enqueue(new Uint8Array(n).fill(97));
    },
  });
}

describe("request body limits", () => {
  it("refuses a server action declaring more than the limit, with a sentence and the limit", () => {
    const h = new Headers({ "next-action": "40f0", "content-length": String(ACTION_BODY_LIMIT + 1) });
    const refused = oversizeAction("POST", h);
    expect(refused?.error.code).toBe("too-large");
    expect(refused?.error.message).toMatch(/^The request is larger than 1024 KB; /);
    expect(refused?.error.limitBytes).toBe(ACTION_BODY_LIMIT);
  });

  it("lets through actions within the limit, and requests that are not actions", () => {
    expect(
      oversizeAction("POST", new Headers({ "next-action": "40f0", "content-length": String(ACTION_BODY_LIMIT) })),
    ).toBeNull();
    expect(oversizeAction("POST", new Headers({ "content-length": String(10 * ACTION_BODY_LIMIT) }))).toBeNull();
    expect(
      oversizeAction("GET", new Headers({ "next-action": "40f0", "content-length": String(10 * ACTION_BODY_LIMIT) })),
    ).toBeNull();
  });

  it("reads a body within the limit, and stops a chunked body without a declared length as soon as it passes it", async () => {
    const ok = new Request("http://h/", { method: "POST", body: "x".repeat(1000) });
    expect(await readCappedText(ok, 1000)).toBe("x".repeat(1000));

    let pulled = 0;
    const body = chunked(50 * 1024 * 1024).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(c, ctl) {
          pulled += c.byteLength;
          ctl.enqueue(c);
        },
      }),
    );
    const big = new Request("http://h/", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await readCappedText(big, 1024 * 1024)).toBeNull();
    expect(pulled).toBeLessThan(4 * 1024 * 1024); // it did not read the 50 MB
  });

  it("refuses a declared length over the limit without reading", async () => {
    const r = new Request("http://h/", { method: "POST", body: "tiny", headers: { "content-length": "999999999" } });
    expect(await readCappedText(r, 1000)).toBeNull();
  });
});
