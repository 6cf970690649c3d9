/**
 * Offline mode: what the object and Requester Pays boxes give the snapshot, as live mode reads it — the listing's
 * objects (owner, storage class), each pasted HEAD's encryption and key, and Requester Pays. A part left empty is
 * "not provided", and one the user chose to leave out ("I don't know") says so: the wizard then names those checks
 * once, in one line (lib/wizard/offline-gaps.ts). Pure.
 */
import type { SnapshotObject } from "@/lib/snapshot/schema";
import type { OfflineDocuments } from "./form-types";
import { parseHeadObject, parseObjectListing, parseRequestPayment } from "./parse-objects";
import type { PasteError, PasteSource } from "./paste-result";

/** Every reason offline mode gives for a part it lacks starts so (lib/wizard/offline-gaps.ts looks for it). */
export const NOT_PROVIDED = "not provided";
export const LEFT_OUT = `${NOT_PROVIDED}: left out offline (“I don't know”)`;
export const OBJECTS_NOT_PASTED = `${NOT_PROVIDED}: paste the output of aws s3api list-objects-v2 and head-object, or use the CloudShell script or live mode`;
export const HEADS_NOT_PASTED = `${NOT_PROVIDED}: paste the output of aws s3api head-object for a few objects`;
export const PAYER_NOT_PASTED = `${NOT_PROVIDED}: paste the output of aws s3api get-bucket-request-payment, or use the CloudShell script or live mode`;

export interface OfflineObjects {
  objects?: SnapshotObject[];
  objectsTruncated?: boolean;
  requesterPays?: boolean;
  unavailable: Record<string, string>;
  errors: PasteError[];
  sources: Record<string, PasteSource>;
}

export function buildOfflineObjects(docs: OfflineDocuments): OfflineObjects {
  const out: OfflineObjects = { unavailable: {}, errors: [], sources: {} };

  if (docs.skipRequesterPays) out.unavailable["bucket.requesterPays"] = LEFT_OUT;
  else if (docs.requesterPays.trim()) {
    const r = parseRequestPayment(docs.requesterPays, "requesterPays");
    if (r.ok) {
      out.requesterPays = r.value;
      out.sources.requesterPays = r.source;
    } else out.errors.push(r.error);
  } else out.unavailable["bucket.requesterPays"] = PAYER_NOT_PASTED;

  if (docs.skipObjects) {
    out.unavailable.objects = LEFT_OUT;
    return out;
  }
  let listed: SnapshotObject[] | undefined;
  if (docs.objectListing.trim()) {
    const r = parseObjectListing(docs.objectListing, "objectListing");
    if (r.ok) {
      listed = r.value.objects;
      out.objectsTruncated = r.value.truncated;
      out.sources.objectListing = r.source;
    } else out.errors.push(r.error);
  }
  const objects = new Map((listed ?? []).map((o) => [o.key, { ...o }]));
  let heads = 0;
  docs.objectHeads.forEach((h, i) => {
    if (!h.text.trim() && !h.key.trim()) return;
    const field = `objectHeads[${i}]`;
    if (!h.key.trim()) {
      out.errors.push({
        field: `${field}.key`,
        path: "$",
        code: "empty",
        message: `${field}.key is empty: give the object key`,
      });
      return;
    }
    if (!h.text.trim()) {
      out.errors.push({ field, path: "$", code: "empty", message: `${field} is empty` });
      return;
    }
    const r = parseHeadObject(h.text, field);
    if (!r.ok) {
      out.errors.push(r.error);
      return;
    }
    out.sources[field] = r.source;
    const key = h.key.trim();
    objects.set(key, { ...(objects.get(key) ?? { key, size: null }), ...r.value });
    heads++;
  });
  if (!listed && heads === 0) {
    if (out.errors.length === 0 || !out.errors.some((e) => e.field === "objectListing"))
      out.unavailable.objects = OBJECTS_NOT_PASTED;
    return out;
  }
  out.objects = [...objects.values()];
  out.objectsTruncated ??= false;
  if (heads === 0) out.unavailable["objects.sse"] = HEADS_NOT_PASTED;
  return out;
}
