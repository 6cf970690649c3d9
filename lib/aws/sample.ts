import "server-only";

/** Picks up to `n` objects spread over distinct folders (round robin), so copied-in subfolders are sampled too. */
export function pickSample<T extends { key: string }>(objects: readonly T[], n: number): T[] {
  const byDir = new Map<string, T[]>();
  for (const o of objects) {
    const dir = o.key.slice(0, o.key.lastIndexOf("/") + 1);
    const list = byDir.get(dir) ?? [];
    list.push(o);
    byDir.set(dir, list);
  }
  const out: T[] = [];
  const lists = [...byDir.values()];
  for (let i = 0; out.length < n && lists.some((l) => i < l.length); i++) {
    for (const l of lists) {
      if (out.length >= n) break;
      if (i < l.length) out.push(l[i]);
    }
  }
  return out;
}
