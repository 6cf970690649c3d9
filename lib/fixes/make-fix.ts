import type { CheckId } from "@/lib/checks/ids";
import type { Fix } from "@/lib/report/types";
import type { Snapshot } from "@/lib/snapshot/schema";
import { cliFor } from "./commands";
import type { Doc, FixWorkspace } from "./workspace";

/**
 * Records a policy fix in the workspace and returns the report's Fix: `before` is the document as earlier fixes of
 * this run left it (the user's own document when none did), `after` the corrected one.
 */
export function policyFix(
  ws: FixWorkspace,
  snapshot: Snapshot,
  checkId: CheckId,
  document: string,
  before: Doc | null,
  after: Doc,
): Fix {
  const earlier = ws.changedBy(document);
  ws.record(document, after, checkId);
  return {
    document,
    before,
    after,
    cli: cliFor(document, snapshot),
    ...(earlier.length ? { includesFixesOf: earlier } : {}),
  };
}
