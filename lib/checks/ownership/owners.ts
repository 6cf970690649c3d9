/**
 * Who owns the sampled objects under the folder, compared with the bucket's owner (by account id, or live by
 * canonical user id, which is all S3 names an object owner by). Shared by bucket.object-ownership and
 * objects.foreign-owner so that they judge the same evidence.
 */
import { keyInTarget } from "@/lib/snapshot/bucket-uri";
import type { SnapshotObject } from "@/lib/snapshot/schema";
import type { CheckContext } from "../types";

export interface SampledOwners {
  /** Sampled objects under the folder. */
  objects: SnapshotObject[];
  /** Whether at least one object's owner could be compared with the bucket's owner. */
  known: boolean;
  /** Objects owned by another account than the bucket's. */
  foreign: SnapshotObject[];
  /** The bucket owner as people read it (account id, or the start of its canonical user id). */
  bucketOwnerName: string;
  ownerName(o: SnapshotObject): string;
}

/** null when the objects were not read (or the URI is not valid). */
export function sampledOwners({ snapshot, derived }: Pick<CheckContext, "snapshot" | "derived">): SampledOwners | null {
  if (!derived.target || !snapshot.objects) return null;
  const owner = derived.bucketAccount;
  const ownerCanonical = snapshot.bucket?.ownerCanonicalId ?? null;
  const objects = snapshot.objects.filter((o) => keyInTarget(derived.target!, o.key));
  const knownOwner = (o: SnapshotObject) => !!((o.ownerAccountId && owner) || (o.ownerCanonicalId && ownerCanonical));
  const isForeign = (o: SnapshotObject) =>
    !!(
      (o.ownerAccountId && owner && o.ownerAccountId !== owner) ||
      (!o.ownerAccountId && o.ownerCanonicalId && ownerCanonical && o.ownerCanonicalId !== ownerCanonical)
    );
  return {
    objects,
    known: objects.some(knownOwner),
    foreign: objects.filter(isForeign),
    bucketOwnerName: owner ?? (ownerCanonical ? `canonical user ${ownerCanonical.slice(0, 12)}…` : "the bucket owner"),
    ownerName: (o) => o.ownerAccountId ?? `canonical user ${(o.ownerCanonicalId ?? "").slice(0, 12)}…`,
  };
}
