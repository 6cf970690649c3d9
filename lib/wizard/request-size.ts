/**
 * What is sent to the server has a size limit (lib/security/body-limit.ts). A paste over it is caught in the
 * browser and explained: the limit, the size, and the part to remove, instead of a failed request.
 */
import { ACTION_BODY_LIMIT } from "@/lib/security/body-limit";
import type { OfflineDocuments } from "./form-types";
import type { PasteError } from "./paste-result";

/** The limit for what a job sends, with room for the request's own framing. */
const REQUEST_LIMIT = ACTION_BODY_LIMIT - 32 * 1024;

export const byteSize = (text: string): number => new TextEncoder().encode(text).length;
const kb = (n: number) => Math.ceil(n / 1024);

/** What the server action receives for a snapshot, measured as it will be sent. */
export const sentBytes = (snapshot: unknown, steps?: readonly string[]) =>
  byteSize(JSON.stringify({ snapshot, steps, locale: "en" }));

/** The pasted boxes, with the field each error is shown under. */
function boxes(docs: OfflineDocuments): [string, string][] {
  return [
    ["trustPolicy", docs.trustPolicy],
    ...docs.identityPolicies.map((p, i): [string, string] => [`identityPolicies[${i}]`, p.text]),
    ["bucketPolicy", docs.bucketPolicy],
    ["objectOwnership", docs.objectOwnership],
    ["bucketEncryption", docs.bucketEncryption],
    ...docs.keyPolicies.map((p, i): [string, string] => [`keyPolicies[${i}]`, p.text]),
    ["requesterPays", docs.requesterPays],
    ["objectListing", docs.objectListing],
    ...docs.objectHeads.map((h, i): [string, string] => [`objectHeads[${i}]`, h.text]),
  ];
}

/**
 * Pasted documents that make the request too large: the error goes under the largest box (or null when the
 * request fits). The objects' checks need only the first 1,000 objects (what a live run reads).
 */
function documentsTooLarge(docs: OfflineDocuments, requestBytes: number): PasteError | null {
  if (requestBytes <= REQUEST_LIMIT) return null;
  const [field, text] = boxes(docs).sort((a, b) => byteSize(b[1]) - byteSize(a[1]))[0];
  const params = { size: kb(byteSize(text)), total: kb(requestBytes), limit: kb(REQUEST_LIMIT) };
  return {
    field,
    path: "$",
    // The CLI lists every object of the folder unless told otherwise; a policy box holds a whole export instead.
    code: field === "objectListing" ? "too-large.objects" : "too-large.documents",
    message: `${field} holds ${params.size} KB; everything pasted is ${params.total} KB, over the ${params.limit} KB limit`,
    params,
  };
}

/**
 * The bundle of the collection script too large to send: the command line analyses it without this limit (the
 * script writes what the account holds; there is nothing in it to trim by hand).
 */
export function bundleTooLarge(requestBytes: number): PasteError | null {
  if (requestBytes <= REQUEST_LIMIT) return null;
  const params = { total: kb(requestBytes), limit: kb(REQUEST_LIMIT) };
  return {
    field: "bundle",
    path: "$",
    code: "too-large.bundle",
    message: `the bundle is ${params.total} KB, over the ${params.limit} KB limit; analyse it with the command line`,
    params,
  };
}

/** A pasted whole snapshot too large to send: names its largest parts, to remove what the import does not need. */
export function snapshotTooLarge(snapshot: Record<string, unknown>, requestBytes: number): PasteError | null {
  if (requestBytes <= REQUEST_LIMIT) return null;
  const parts = Object.entries(snapshot)
    .map(([k, v]) => [k, byteSize(JSON.stringify(v) ?? "")] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, n]) => `${k} (${kb(n)} KB)`)
    .join(", ");
  const params = { total: kb(requestBytes), limit: kb(REQUEST_LIMIT), parts };
  return {
    field: "snapshot",
    path: "$",
    code: "too-large.snapshot",
    message: `the snapshot is ${params.total} KB, over the ${params.limit} KB limit; largest parts: ${parts}`,
    params,
  };
}

/**
 * The pasted documents' errors as a run finds them: the boxes that cannot be read, else everything being too large
 * to send. Leaving a box shows the same, so a run started straight from a box is not undone by that box's check.
 */
export function documentErrors(
  docs: OfflineDocuments,
  build: { snapshot: unknown; errors: PasteError[] },
  steps?: readonly string[],
): PasteError[] {
  if (build.errors.length > 0) return build.errors;
  const tooLarge = documentsTooLarge(docs, sentBytes(build.snapshot, steps));
  return tooLarge ? [tooLarge] : [];
}
