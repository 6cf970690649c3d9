/**
 * Looks up a document of a snapshot by its catalogue name (trust-policy, role-policy:<name>, user-policy:<name>,
 * group-policy:<group>/<name>, permissions-boundary, bucket-policy, key-policy:<key-arn>), and pretty-prints a
 * policy with the line range of each statement so the deciding one can be highlighted.
 */
import type { Snapshot } from "@/lib/snapshot/schema";

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

export interface FormattedDocument {
  /** Exactly JSON.stringify(doc, null, 2). */
  text: string;
  /** For statement i: its first and last line (0-based, inclusive) in `text`. */
  statementLines: [number, number][];
}

/** Pretty-prints like JSON.stringify(doc, null, 2) and records where each statement sits. */
export function formatWithStatementLines(doc: unknown): FormattedDocument {
  const text = JSON.stringify(doc, null, 2) ?? "null";
  const statementLines: [number, number][] = [];
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return { text, statementLines };
  const lines: string[] = ["{"];
  const entries = Object.entries(doc as Doc).filter(([, v]) => v !== undefined);
  entries.forEach(([k, v], idx) => {
    const comma = idx < entries.length - 1 ? "," : "";
    const block = (JSON.stringify(v, null, 2) ?? "null").split("\n");
    if (k === "Statement" && Array.isArray(v) && v.length > 0) {
      lines.push(`  ${JSON.stringify(k)}: [`);
      v.forEach((st, i) => {
        const stLines = (JSON.stringify(st, null, 2) ?? "null").split("\n").map((l) => `    ${l}`);
        if (i < v.length - 1) stLines[stLines.length - 1] += ",";
        statementLines.push([lines.length, lines.length + stLines.length - 1]);
        lines.push(...stLines);
      });
      lines.push(`  ]${comma}`);
      return;
    }
    const first = lines.length;
    const indented = block.map((l, i) => (i === 0 ? `  ${JSON.stringify(k)}: ${l}` : `  ${l}`));
    indented[indented.length - 1] += comma;
    lines.push(...indented);
    if (k === "Statement" && v !== null && typeof v === "object") statementLines.push([first, lines.length - 1]);
  });
  lines.push("}");
  const built = entries.length === 0 ? "{}" : lines.join("\n");
  // Safety net: if the reconstruction ever differs from JSON.stringify, show the document without highlights.
  return built === text ? { text, statementLines } : { text, statementLines: [] };
}
