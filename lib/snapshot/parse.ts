import { SnapshotSchema, type Snapshot } from "./schema";

export interface SnapshotIssue {
  /** Dotted JSON path inside the snapshot, e.g. "bucket.objectOwnership" or "objects[2].key" ("" for the root). */
  path: string;
  message: string;
}

export type ParseSnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; issues: SnapshotIssue[] };

/** Formats a zod path as "a.b[2].c". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Validates raw JSON as a Snapshot v1. Never throws: problems come back with the JSON path that is wrong. */
export function parseSnapshot(raw: unknown): ParseSnapshotResult {
  const parsed = SnapshotSchema.safeParse(raw);
  if (parsed.success) return { ok: true, snapshot: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  };
}
