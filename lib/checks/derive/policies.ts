import type { PolicyDocument, Snapshot } from "@/lib/snapshot/schema";

/** One identity-side policy document, with its catalogue document name (e.g. "role-policy:s3-read"). */
export interface NamedPolicy {
  document: string;
  doc: PolicyDocument;
}

export interface IdentityPolicies {
  /** Inline, attached managed and (for a user) group policies, in a stable order. */
  policies: NamedPolicy[];
  boundary: NamedPolicy | null;
  /** Parts that could not be read (dotted snapshot path → reason): decisions that rely on them are unknown. */
  missing: Record<string, string>;
}

function reasonFor(snapshot: Snapshot, path: string): string | undefined {
  const u = snapshot.unavailable ?? {};
  return u[path] ?? Object.entries(u).find(([k]) => k.startsWith(path + "."))?.[1];
}

function fromMap(map: Record<string, PolicyDocument> | null | undefined, prefix: string): NamedPolicy[] {
  return Object.entries(map ?? {}).map(([name, doc]) => ({ document: `${prefix}:${name}`, doc }));
}

/**
 * Every identity policy of the importing principal. Returns null when the principal itself is not known.
 * An absent policy map counts as empty unless `unavailable` says it could not be read.
 */
export function collectIdentityPolicies(snapshot: Snapshot): IdentityPolicies | null {
  const missing: Record<string, string> = {};
  const note = (path: string) => {
    const r = reasonFor(snapshot, path);
    if (r) missing[path] = r;
  };
  if (snapshot.target.mode === "role") {
    const role = snapshot.role;
    if (!role || !role.exists) return null;
    note("role.inlinePolicies");
    note("role.attachedPolicies");
    note("role.permissionsBoundary");
    // Absent means not known: with neither map in the snapshot, nothing can be said about the role's permissions.
    if (role.inlinePolicies === undefined && role.attachedPolicies === undefined && Object.keys(missing).length === 0) {
      missing["role.inlinePolicies"] = "the role's policies are not in the snapshot";
    }
    return {
      policies: [...fromMap(role.inlinePolicies, "role-policy"), ...fromMap(role.attachedPolicies, "role-policy")],
      boundary: role.permissionsBoundary ? { document: "permissions-boundary", doc: role.permissionsBoundary } : null,
      missing,
    };
  }
  const user = snapshot.user;
  if (!user || !user.exists) return null;
  note("user.inlinePolicies");
  note("user.attachedPolicies");
  note("user.groups");
  note("user.permissionsBoundary");
  if (
    user.inlinePolicies === undefined &&
    user.attachedPolicies === undefined &&
    user.groups === undefined &&
    Object.keys(missing).length === 0
  ) {
    missing["user.inlinePolicies"] = "the user's policies are not in the snapshot";
  }
  const groups = (user.groups ?? []).flatMap((g) =>
    [...Object.entries(g.inlinePolicies ?? {}), ...Object.entries(g.attachedPolicies ?? {})].map(([name, doc]) => ({
      document: `group-policy:${g.name}/${name}`,
      doc,
    })),
  );
  return {
    policies: [
      ...fromMap(user.inlinePolicies, "user-policy"),
      ...fromMap(user.attachedPolicies, "user-policy"),
      ...groups,
    ],
    boundary: user.permissionsBoundary ? { document: "permissions-boundary", doc: user.permissionsBoundary } : null,
    missing,
  };
}
