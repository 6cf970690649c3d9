/**
 * How a bundle of the collection script names itself (./bundle.ts holds its whole schema). Without zod, so that the
 * wizard's browser code can tell a pasted bundle from a snapshot without shipping the schema library.
 */

export const BUNDLE_FORMAT = "s3-access-doctor/bundle";

/** Whether raw JSON claims to be a bundle (then it is parsed as one, never as a snapshot). */
export function looksLikeBundle(raw: unknown): boolean {
  return (
    typeof raw === "object" &&
    raw !== null &&
    (raw as { format?: unknown }).format === BUNDLE_FORMAT &&
    !Array.isArray(raw)
  );
}
