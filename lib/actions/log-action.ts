import { log, withLogContext, type LogFields } from "@/lib/log";
import { saneRequestId } from "@/lib/request-log";

/**
 * Runs a server action in the request's log context and writes one line with its outcome (`summary` picks the
 * fields to log from the result: never the input, which may hold credentials).
 */
export async function logAction<T>(
  event: string,
  run: () => Promise<T>,
  summary: (result: T) => LogFields,
): Promise<T> {
  const requestId = await actionRequestId();
  const t0 = performance.now();
  try {
    const result = await withLogContext({ requestId }, run);
    log("info", event, { requestId, ...summary(result), ms: elapsed(t0) });
    return result;
  } catch (e) {
    log("error", event, { requestId, ok: false, ms: elapsed(t0), error: e instanceof Error ? e.name : "thrown" });
    throw e;
  }
}

/** The request id of the server action being run; undefined outside a request (tests, the command line). */
async function actionRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import("next/headers");
    return saneRequestId((await headers()).get("x-request-id"));
  } catch {
    return undefined;
  }
}

function elapsed(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}
