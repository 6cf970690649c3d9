/** Re-checking one step live: merges what the re-check read into what the first run read. Pure. */
import type { Snapshot } from "@/lib/snapshot/schema";

/** Everything a re-check did not read comes from the earlier snapshot; what it re-read (or failed to) replaces it. */
export function mergeSnapshots(base: Snapshot, fresh: Snapshot): Snapshot {
  const merged: Snapshot = { ...base, target: fresh.target };
  for (const key of [
    "caller",
    "role",
    "user",
    "bucket",
    "keys",
    "objects",
    "objectsTruncated",
    "groundTruth",
    "simulation",
  ] as const) {
    const v = fresh[key];
    if (v === undefined || v === null) continue;
    const b = base[key];
    if (b && typeof b === "object" && !Array.isArray(b) && typeof v === "object" && !Array.isArray(v)) {
      const both = { ...(b as object) } as Record<string, unknown>;
      for (const [k, x] of Object.entries(v)) if (x !== undefined) both[k] = x;
      (merged as Record<string, unknown>)[key] = both;
    } else (merged as Record<string, unknown>)[key] = v;
  }
  const unavailable: Record<string, string> = {};
  const freshDefines = (path: string) => {
    let cur: unknown = fresh;
    for (const part of path.split(".")) {
      if (cur === null || typeof cur !== "object") return false;
      cur = (cur as Record<string, unknown>)[part];
    }
    return cur !== undefined;
  };
  for (const [path, why] of Object.entries(base.unavailable ?? {})) if (!freshDefines(path)) unavailable[path] = why;
  for (const [path, why] of Object.entries(fresh.unavailable ?? {})) {
    unavailable[path] = why;
    // A read that failed this time leaves no stale value behind.
    const parts = path.split(".");
    let cur: unknown = merged;
    for (const part of parts.slice(0, -1))
      cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[part] : undefined;
    if (cur && typeof cur === "object") delete (cur as Record<string, unknown>)[parts[parts.length - 1]];
  }
  merged.unavailable = unavailable;
  return merged;
}
