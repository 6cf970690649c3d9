import "server-only";
import { log } from "@/lib/log";
import { readShareConfig } from "@/lib/share/config";
import { getReportStore } from "@/lib/share/get-store";
import { clientKey, SharedRateLimiter, type RateDecision } from "@/lib/share/rate-limit";
import type { ActionError } from "./result";

/**
 * The per-client limit on live diagnoses (each one makes dozens of AWS calls from this server): LIVE_RATE_LIMIT
 * diagnoses per LIVE_RATE_WINDOW_SECONDS, counted in the share service's store (SQLite, or PostgreSQL with
 * DATABASE_URL) so that app instances sharing a database share the limit. The client is the address a trusted proxy
 * reports (TRUST_PROXY=1), else one budget for everyone, as for shared reports.
 */
interface LiveLimitConfig {
  limit: number;
  windowSeconds: number;
  trustProxy: boolean;
}

function positive(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function readLiveLimitConfig(env: Record<string, string | undefined> = process.env): LiveLimitConfig {
  return {
    limit: Math.floor(positive(env.LIVE_RATE_LIMIT, 30)),
    windowSeconds: positive(env.LIVE_RATE_WINDOW_SECONDS, 600),
    trustProxy: readShareConfig(env).trustProxy,
  };
}

const g = globalThis as { __s3doctorLiveLimiter?: { config: LiveLimitConfig; limiter: SharedRateLimiter } };

function liveLimiter() {
  if (!g.__s3doctorLiveLimiter) {
    const config = readLiveLimitConfig();
    const limiter = new SharedRateLimiter(
      "live",
      config.limit,
      config.windowSeconds * 1000,
      async () => (await getReportStore()).counters,
      (e) => log("warn", "wizard.live-rate-limit-store-error", { error: e instanceof Error ? e.message : String(e) }),
    );
    g.__s3doctorLiveLimiter = { config, limiter };
  }
  return g.__s3doctorLiveLimiter;
}

/** Counts one live diagnosis for the client that sent these headers; refused ones are not counted. */
export async function admitLiveDiagnosis(headers: Headers): Promise<RateDecision> {
  const { config, limiter } = liveLimiter();
  return limiter.take(clientKey(headers, config.trustProxy));
}

/** The error a refused live diagnosis answers (English; the wizard shows its own sentence with the wait). */
export function liveRateLimited(retryAfterSeconds: number): ActionError {
  return {
    code: "rate.limited",
    message: `Too many live diagnoses; try again in ${retryAfterSeconds} s.`,
    retryAfterSeconds,
  };
}
