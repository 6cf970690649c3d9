import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Report ids: 144 random bits, base64url (24 characters). No listing exists, so an id is only known by its link. */
export function newReportId(): string {
  return randomBytes(18).toString("base64url");
}

/** Anything else is not an id we made: answered 404 without touching the store. */
export function isReportId(value: string): boolean {
  return /^[A-Za-z0-9_-]{24}$/.test(value);
}

/** The creator's delete token: 256 random bits, base64url. Only its hash is stored. */
export function newDeleteToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashDeleteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Compares two token hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const ba = Buffer.from(a, "utf8");
  const bb = Buffer.from(b, "utf8");
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
