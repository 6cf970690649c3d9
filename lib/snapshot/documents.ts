/**
 * Looks up a document of a snapshot by its catalogue name (trust-policy, role-policy:<name>, user-policy:<name>,
 * group-policy:<group>/<name>, permissions-boundary, bucket-policy, key-policy:<key-arn>).
 */
import type { Snapshot } from "./schema";

type Doc = Record<string, unknown>;

function pick(map: Record<string, Doc> | null | undefined, name: string): Doc | null {
  return map && Object.prototype.hasOwnProperty.call(map, name) ? map[name] : null;
}

export function documentByName(snapshot: Snapshot | null | undefined, name: string): Doc | null {
  if (!snapshot || !name) return null;
  const colon = name.indexOf(":");
  const kind = colon === -1 ? name : name.slice(0, colon);
  const rest = colon === -1 ? "" : name.slice(colon + 1);
  switch (kind) {
    case "trust-policy":
      return snapshot.role?.trustPolicy ?? null;
    case "role-policy":
      return pick(snapshot.role?.inlinePolicies, rest) ?? pick(snapshot.role?.attachedPolicies, rest);
    case "user-policy":
      return pick(snapshot.user?.inlinePolicies, rest) ?? pick(snapshot.user?.attachedPolicies, rest);
    case "group-policy": {
      const slash = rest.indexOf("/");
      const group = snapshot.user?.groups?.find((g) => g.name === rest.slice(0, slash));
      const policy = rest.slice(slash + 1);
      return group ? (pick(group.inlinePolicies, policy) ?? pick(group.attachedPolicies, policy)) : null;
    }
    case "permissions-boundary":
      return snapshot.role?.permissionsBoundary ?? snapshot.user?.permissionsBoundary ?? null;
    case "bucket-policy":
      return snapshot.bucket?.policy ?? null;
    case "key-policy":
      return snapshot.keys?.[rest]?.policy ?? null;
    default:
      return null;
  }
}
