/**
 * Lookups and hits of the engine's caches, so that a benchmark can show which ones answered. Caches of content
 * (documents, condition entries, patterns, principals, addresses) must not answer a question whose documents are new;
 * the vocabulary (operator names, the IAM action catalogue's verdicts) is shared by every document and may.
 */
export type CacheName =
  "documents" | "conditions" | "arnPatterns" | "wildcards" | "principals" | "ipAddresses" | "operators" | "actions";

export const cacheStats: Record<CacheName, { lookups: number; hits: number }> = {
  documents: { lookups: 0, hits: 0 },
  conditions: { lookups: 0, hits: 0 },
  arnPatterns: { lookups: 0, hits: 0 },
  wildcards: { lookups: 0, hits: 0 },
  principals: { lookups: 0, hits: 0 },
  ipAddresses: { lookups: 0, hits: 0 },
  operators: { lookups: 0, hits: 0 },
  actions: { lookups: 0, hits: 0 },
};

export function countLookup(name: CacheName, hit: boolean): void {
  const s = cacheStats[name];
  s.lookups++;
  if (hit) s.hits++;
}

export function resetCacheStats(): void {
  for (const s of Object.values(cacheStats)) s.lookups = s.hits = 0;
}
