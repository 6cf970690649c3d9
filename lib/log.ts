/**
 * Structured logs: one JSON object per line on stdout (stderr for errors), with the request id.
 * Never pass credentials here; as a second line of defence, anything shaped like an AWS secret access key or a
 * session token is replaced before the line is written.
 */

import { AsyncLocalStorage } from "node:async_hooks";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

/** Fields every line written inside withLogContext() carries (the request id), without passing them down. */
const context = new AsyncLocalStorage<LogFields>();

/** Runs fn with these fields (e.g. `{ requestId }`) added to every log line written during it. */
export function withLogContext<T>(fields: LogFields, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

// A secret access key is 40 characters of base64; session tokens are long base64 strings.
const SECRET_LIKE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])|[A-Za-z0-9/+=]{100,}/g;

/** Replaces secret-shaped substrings; ARNs, ids and hex External IDs are left alone. */
export function scrub(text: string): string {
  return text.replace(SECRET_LIKE, (m) => (/^[0-9a-f]+$/i.test(m) ? m : "[redacted]"));
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

export function formatLogLine(level: LogLevel, event: string, fields: LogFields = {}): string {
  const entry: LogFields = { time: new Date().toISOString(), level, event, ...context.getStore() };
  for (const [k, v] of Object.entries(fields)) entry[k] = serialise(v);
  return scrub(JSON.stringify(entry));
}

export function log(level: LogLevel, event: string, fields?: LogFields): void {
  if (level === "debug" && !process.env.LOG_DEBUG) return;
  const line = formatLogLine(level, event, fields) + "\n";
  if (level === "error" || level === "warn") process.stderr.write(line);
  else process.stdout.write(line);
}
