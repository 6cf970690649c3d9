/**
 * Request body limits, refused with a clear message before anything reads the body.
 * Server actions: Next itself refuses bodies over `serverActions.bodySizeLimit` (next.config.js, 1 MB), but with an
 * HTTP 500 and an opaque digest; the proxy refuses any action whose declared length is over the same limit with 413
 * and a sentence. Route handlers that read a body use readCappedText(), which also stops chunked bodies.
 */

/** Same as `serverActions.bodySizeLimit: "1mb"` in next.config.js (Next counts 1 mb as 1024 × 1024 bytes). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export interface TooLarge {
  error: { code: "too-large"; message: string; limitBytes: number };
}

export function tooLargeBody(limitBytes: number, what = "The request"): TooLarge {
  return {
    error: {
      code: "too-large",
      message: `${what} is larger than ${Math.floor(limitBytes / 1024)} KB; send less (a snapshot or report of one import), or use the command line for bigger inputs.`,
      limitBytes,
    },
  };
}

/** 413 for a server action (a POST with a Next-Action header) whose declared length is over the limit; else null. */
export function oversizeAction(method: string, headers: Headers, limit = ACTION_BODY_LIMIT): TooLarge | null {
  if (method !== "POST" || !headers.has("next-action")) return null;
  const declared = Number(headers.get("content-length") ?? "NaN");
  return Number.isFinite(declared) && declared > limit ? tooLargeBody(limit) : null;
}

/** Reads a body as text, stopping as soon as it passes `limit` bytes (declared or not): null when too large. */
export async function readCappedText(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}
