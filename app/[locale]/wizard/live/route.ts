import { isLiveRequest, runLiveDiagnosis } from "@/lib/actions/live-core";
import { admitLiveDiagnosis, liveRateLimited } from "@/lib/actions/live-limit";
import { logRequest } from "@/lib/request-log";
import { readCappedText, tooLargeBody } from "@/lib/security/body-limit";

export const dynamic = "force-dynamic";

const MAX_BODY = 1_000_000;

function reject(status: number, message: string) {
  return Response.json(
    { type: "result", ok: false, error: { code: "input.invalid", message } },
    { status, headers: { "cache-control": "no-store" } },
  );
}

/**
 * Live diagnosis with progress (runLiveDiagnosis in lib/actions/live-core.ts), answered as NDJSON lines,
 * `{"type":"progress","step","phase","op","ok"}` per read and one final `{"type":"result", ok, data | error}`.
 * The credentials come in the POST body only (never a URL) and are not echoed, logged or kept.
 */
export async function POST(req: Request) {
  // One log line with the request id when the answer has been streamed (ok and error code only).
  return logRequest("wizard.live", req, () => live(req), { streamed: true });
}

/** The host of an Origin header, or null for an opaque origin (`null`, sent by sandboxed frames and file: pages). */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

async function live(req: Request): Promise<Response> {
  // Same-origin only, like Next's check on server actions. An opaque origin ("null") is not this site either.
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin !== null && (host === null || originHost(origin) !== host))
    return reject(403, "Cross-origin requests are not accepted: open the wizard on this site and run it from there.");
  // Read at most MAX_BODY bytes, declared or not (a chunked body is stopped as soon as it passes the limit).
  const text = await readCappedText(req, MAX_BODY);
  if (text === null) return reject(413, tooLargeBody(MAX_BODY).error.message);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reject(400, "The request body is not JSON.");
  }
  // Each diagnosis makes dozens of AWS calls from this server: a per-client limit, shared by every instance.
  if (isLiveRequest(body)) {
    const admitted = await admitLiveDiagnosis(req.headers);
    if (!admitted.ok) {
      return Response.json(
        { type: "result", ok: false, error: liveRateLimited(admitted.retryAfterSeconds) },
        { status: 429, headers: { "cache-control": "no-store", "retry-after": String(admitted.retryAfterSeconds) } },
      );
    }
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(encoder.encode(JSON.stringify(o) + "\n"));
      const result = await runLiveDiagnosis(body, (e) =>
        send({ type: "progress", step: e.step, phase: e.type, op: e.op, ok: e.ok ?? null }),
      );
      send({ type: "result", ...result });
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
}
