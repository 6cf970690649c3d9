/**
 * Vitest setup file: the log lines the app writes while tests call its route handlers and actions in-process (one
 * JSON object per line from lib/log.ts, and the AWS endpoint-override banner) go to the file TEST_SERVER_LOG instead
 * of the console, so that `npm test` prints test results only. Tests that read what the app writes (vi.spyOn on
 * process.stdout.write, or their own wrapper) still see every line: they replace or wrap this writer.
 */
import { appendFileSync } from "node:fs";

const file = process.env.TEST_SERVER_LOG;
const SERVER_LINE = /^(?:\{"time":"[^"]*","level":"(?:debug|info|warn|error)"|!!! AWS endpoint override)/;
const DONE = Symbol.for("s3doctor.quietServerLog");
const g = globalThis as { [DONE]?: boolean };

if (file && !g[DONE]) {
  g[DONE] = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      if (!SERVER_LINE.test(text)) return write(chunk, ...rest);
      appendFileSync(file, text.endsWith("\n") ? text : `${text}\n`);
      const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  }
}
