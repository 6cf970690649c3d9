import "server-only";
import type { PolicyDocument } from "@/lib/snapshot/schema";

/**
 * Parses a policy document as AWS returns it: IAM returns documents URL-encoded (RFC 3986), S3 and KMS return
 * plain JSON, and the AWS CLI prints IAM's documents already decoded (a JSON object). Returns null when it is not a
 * JSON object.
 */
export function parsePolicyDocument(text: unknown): PolicyDocument | null {
  if (text && typeof text === "object" && !Array.isArray(text)) return text as PolicyDocument;
  if (typeof text !== "string" || !text) return null;
  let raw = text.trim();
  if (!raw.startsWith("{")) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  try {
    const doc: unknown = JSON.parse(raw);
    return doc && typeof doc === "object" && !Array.isArray(doc) ? (doc as PolicyDocument) : null;
  } catch {
    return null;
  }
}
