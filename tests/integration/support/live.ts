import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Report } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { startFakeAws, type FakeAws } from "@/tests/fake-aws/server";

/** A canary: if this value shows up in any output, a secret has leaked. */
export const CANARY_SECRET = "CANARYSECRETa1b2c3d4e5f6g7h8i9j0k1l2m3n4";
export const CANARY_TOKEN = "CANARYTOKEN" + "x".repeat(120);
export const CANARY_IMPORT_SECRET = "CANARYIMPORTz9y8x7w6v5u4t3s2r1q0p9o8n7m6";

/** Starts the fake endpoint and points the SDK at it (the only way the collector's endpoint can change). */
export async function startFake(opts: Parameters<typeof startFakeAws>[0] = {}): Promise<FakeAws> {
  const fake = await startFakeAws(opts);
  process.env.AWS_ENDPOINT_URL = fake.url;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  return fake;
}

type Analyze = (s: Snapshot, opts?: Record<string, unknown>) => Promise<Report>;

/**
 * The checks' analyzeSnapshot (lib/checks, written alongside this collector). Until that module exists the
 * analysis assertions are skipped; the collection assertions never are.
 */
export async function loadAnalyzer(): Promise<Analyze | undefined> {
  const path = fileURLToPath(new URL("../../../lib/checks/index.ts", import.meta.url));
  if (!existsSync(path)) return undefined;
  const mod = (await import(/* @vite-ignore */ path)) as { analyzeSnapshot?: Analyze };
  return mod.analyzeSnapshot;
}

export function statusOf(report: Report, id: string): string | undefined {
  return report.findings.find((f) => f.id === id)?.status;
}
