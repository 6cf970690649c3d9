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

/** The pasted boxes, with the field each error is shown under. */
function boxes(docs: OfflineDocuments): [string, string][] {
  return [
    ["trustPolicy", docs.trustPolicy],
    ...docs.identityPolicies.map((p, i): [string, string] => [`identityPolicies[${i}]`, p.text]),
    ["bucketPolicy", docs.bucketPolicy],
    ["objectOwnership", docs.objectOwnership],
    ["bucketEncryption", docs.bucketEncryption],
    ...docs.keyPolicies.map((p, i): [string, string] => [`keyPolicies[${i}]`, p.text]),
  ];
}

/**
 * Pasted documents that make the request too large: the error goes under the largest box (or null when the
 * request fits).
 */
export function documentsTooLarge(docs: OfflineDocuments, requestBytes: number): PasteError | null {
  if (requestBytes <= REQUEST_LIMIT) return null;
  const [field, text] = boxes(docs).sort((a, b) => byteSize(b[1]) - byteSize(a[1]))[0];
  const params = { size: kb(byteSize(text)), total: kb(requestBytes), limit: kb(REQUEST_LIMIT) };
  return {
    field,
    path: "$",
    code: "too-large.documents",
    message: `${field} holds ${params.size} KB; everything pasted is ${params.total} KB, over the ${params.limit} KB limit`,
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
