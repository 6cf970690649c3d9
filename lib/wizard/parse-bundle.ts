/** The bundle of the collection script for AWS CloudShell, pasted or chosen as a file: read in the browser. Pure. */
import { looksLikeBundle } from "@/lib/cloudshell/bundle-format";
import { parsePastedSnapshot } from "./parse-pasted";
import type { ParseResult } from "./paste-result";

/**
 * Checks that the text is JSON and is a bundle (format and version); the server checks the rest. A whole snapshot
 * pasted here by mistake says so.
 */
export function parsePastedBundle(text: string, field = "bundle"): ParseResult<Record<string, unknown>> {
  const parsed = parsePastedSnapshot(text, field);
  if (!parsed.ok && parsed.error.code !== "snapshot.invalid") return parsed;
  const value = parsed.ok ? parsed.value : null;
  if (!value || !looksLikeBundle(value)) {
    const message = "not the file the collection script wrote (s3-access-doctor-bundle.json)";
    return {
      ok: false,
      error: { field, path: "$.format", code: "bundle.not-bundle", message: `${field}: ${message}` },
    };
  }
  return { ok: true, value, source: "value" };
}
