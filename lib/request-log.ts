/**
 * One structured log line per request, with the request id that proxy.ts gives every request (X-Request-Id), for
 * route handlers (server actions: lib/actions/log-action.ts). Lines written while the request runs (lib/log.ts) carry the same id.
 * What is logged: the event, method, path (never the query string, which may hold a delete token), status or outcome,
 * duration. Never a body, a header or a credential.
 */
import { log, withLogContext, type LogFields } from "@/lib/log";

/** A sane request id from a header value, or undefined. */
export function saneRequestId(value: string | null | undefined): string | undefined {
  return value && /^[A-Za-z0-9._-]{8,128}$/.test(value) ? value : undefined;
}

/**
 * Runs a route handler in the request's log context and writes one line when it has answered. With `streamed`, the
 * line is written when the body has been sent, with `ok` and `code` of the last NDJSON line (`{"type":"result",…}`).
 */
export async function logRequest(
  event: string,
  request: Request,
  handler: () => Promise<Response>,
  opts: { streamed?: boolean } = {},
): Promise<Response> {
  const requestId = saneRequestId(request.headers.get("x-request-id"));
  const base = { requestId, method: request.method, path: safePath(request.url) };
  const t0 = performance.now();
  let res: Response;
  try {
    res = await withLogContext({ requestId }, handler);
  } catch (e) {
    log("error", event, { ...base, status: 500, ms: elapsed(t0), error: e instanceof Error ? e.name : "thrown" });
    throw e;
  }
  const line = (extra: LogFields = {}) =>
    log(res.status >= 500 ? "error" : "info", event, { ...base, status: res.status, ...extra, ms: elapsed(t0) });
  if (!opts.streamed || !res.body) {
    line();
    return res;
  }
  // The start of the last NDJSON line: where `"ok"` and the error code are (the rest may be a whole report).
  let last = "";
  let current = "";
  const decoder = new TextDecoder();
  const watch = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      const parts = decoder.decode(chunk, { stream: true }).split("\n");
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) {
          if (current.trim()) last = current;
          current = "";
        }
        if (current.length < 300) current += parts[i].slice(0, 300 - current.length);
      }
      controller.enqueue(chunk);
    },
    flush() {
      line(outcomeOf(current.trim() ? current : last));
    },
  });
  return new Response(res.body.pipeThrough(watch), {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
}

/** ok and the error code of the result line; nothing else of it is logged. */
function outcomeOf(start: string): LogFields {
  const ok = /"ok":(true|false)/.exec(start);
  const code = /"error":\{"code":"([A-Za-z0-9.-]{1,64})"/.exec(start);
  return { ok: ok?.[1] === "true", ...(code ? { code: code[1] } : {}) };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}

function elapsed(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}
