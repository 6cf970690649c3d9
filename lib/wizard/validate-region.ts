/** The region field: a region code from the list, or the one the user most likely meant. */
import { REGION_LIST } from "@/lib/policy/regions";
import { invalid, type InputProblem } from "./input-problem";

/** Edit distance, for a region typed with one or two letters wrong. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

export function regionProblem(raw: string): InputProblem | null {
  const v = raw.trim();
  if (!v || REGION_LIST.includes(v)) return null;
  const flat = v.normalize("NFKC").toLowerCase();
  // A console label such as "Asia Pacific (Tokyo) ap-northeast-1" holds the code.
  const inside = REGION_LIST.find((r) => new RegExp(`(^|[^a-z0-9-])${r}($|[^a-z0-9-])`).test(flat));
  const compact = flat.replace(/\s+/g, "");
  const close = REGION_LIST.map((r) => [r, distance(compact, r)] as const)
    .filter(([, n]) => n <= 2)
    .sort((a, b) => a[1] - b[1])[0]?.[0];
  const suggestion = inside ?? (REGION_LIST.includes(compact) ? compact : close);
  return invalid("region.unknown", "live", suggestion ? { suggestion } : {});
}
