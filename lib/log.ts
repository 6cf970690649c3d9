/**
 * Structured logs: one JSON object per line on stdout (stderr for errors), with the request id.
 * Never pass credentials here; as a second line of defence, anything shaped like an AWS secret access key or a
 * session token is replaced before the line is written.
 */

import { AsyncLocalStorage } from "node:async_hooks";
import { scrubSecrets } from "@/lib/security/secrets";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

/** Fields every line written inside withLogContext() carries (the request id), without passing them down. */
const context = new AsyncLocalStorage<LogFields>();

/** Runs fn with these fields (e.g. `{ requestId }`) added to every log line written during it. */
export function withLogContext<T>(fields: LogFields, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

/** Replaces secrets and secret-shaped substrings (lib/security/secrets.ts); ARNs, ids and hex External IDs stay. */
export const scrub = (text: string): string => scrubSecrets(text);

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
