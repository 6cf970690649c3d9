/**
 * Client of the report API, for the command line (`diagnose --share URL`) and scripts. Plain fetch: no Next, no
 * server-only. The report is redacted before it leaves the machine unless `redact: false`.
 */
import type { Report } from "@/lib/report/types";
import { redactReport } from "./redact";

export interface SharedLink {
  id: string;
  url: string;
  deleteUrl: string;
  expiresAt?: string;
}

export class ShareError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
    readonly path: string | null,
  ) {
    super(message);
    this.name = "ShareError";
  }
}

/** Saves `report` on the S3 Access Doctor server at `baseUrl` (e.g. http://localhost:3000) and returns its links. */
export async function shareReport(
  baseUrl: string,
  report: Report,
  options: { redact?: boolean; fetch?: typeof fetch } = {},
): Promise<SharedLink> {
  let endpoint: URL;
  try {
    endpoint = new URL("/api/reports", baseUrl);
  } catch {
    throw new ShareError(`--share: not a URL: ${baseUrl}`, null, "invalid-url", null);
  }
  if (endpoint.protocol !== "http:" && endpoint.protocol !== "https:") {
    throw new ShareError(`--share: the URL must start with http:// or https://`, null, "invalid-url", null);
  }
  const body = options.redact === false ? report : redactReport(report).report;
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new ShareError(
      `cannot reach ${endpoint.origin}: ${e instanceof Error ? e.message : String(e)}`,
      null,
      "network",
      null,
    );
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = JSON.parse(text);
  } catch {
    // handled below
  }
  if (res.status !== 201) {
    const err = (data as { error?: { code?: string; message?: string; path?: string } } | null)?.error;
    throw new ShareError(
      `sharing failed (HTTP ${res.status}): ${err?.message ?? text.slice(0, 200)}`,
      res.status,
      err?.code ?? null,
      err?.path ?? null,
    );
  }
  const link = data as Partial<SharedLink> | null;
  if (!link || typeof link.id !== "string" || typeof link.url !== "string" || typeof link.deleteUrl !== "string") {
    throw new ShareError("sharing failed: the server's answer has no links", res.status, "bad-response", null);
  }
  return { id: link.id, url: link.url, deleteUrl: link.deleteUrl, expiresAt: link.expiresAt };
}
