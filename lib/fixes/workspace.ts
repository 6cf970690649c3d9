/**
 * Documents as corrected so far in one analysis. Several findings may correct the same document (say, the role's
 * inline policy lacks both ListBucket and the trailing /* on GetObject): each fix starts from the document as the
 * previous fixes left it, so the last fix of a document holds every change, and applying the fixes in report order
 * gives the fully corrected document.
 */
import type { CheckId } from "@/lib/checks/ids";

export type Doc = Record<string, unknown>;

export class FixWorkspace {
  private readonly docs = new Map<string, Doc | null>();
  private readonly changers = new Map<string, CheckId[]>();

  /** A deep copy of the document as corrected so far (or of `original` when no fix touched it yet). */
  current(name: string, original: Doc | null | undefined): Doc | null {
    const doc = this.docs.has(name) ? this.docs.get(name) : original;
    return doc == null ? null : structuredClone(doc);
  }

  record(name: string, after: Doc | null, checkId: CheckId): void {
    this.docs.set(name, after == null ? null : structuredClone(after));
    this.changers.set(name, [...(this.changers.get(name) ?? []), checkId]);
  }

  /** An independent copy: what a check records in it does not reach this workspace (a fix that is withheld). */
  clone(): FixWorkspace {
    const copy = new FixWorkspace();
    for (const [k, v] of this.docs) copy.docs.set(k, v);
    for (const [k, v] of this.changers) copy.changers.set(k, [...v]);
    return copy;
  }

  /** Names of every document a fix touched or created in this run. */
  names(): string[] {
    return [...this.docs.keys()];
  }

  /** Check ids whose fixes already changed this document in this run. */
  changedBy(name: string): CheckId[] {
    return [...(this.changers.get(name) ?? [])];
  }
}
