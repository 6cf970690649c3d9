import "server-only";
import type { StepId } from "@/lib/report/types";
import type { OperationName } from "@/lib/reads/operations";
import type { CallRef } from "../run";
import type { ApiInput, ApiOutput } from "./api";
import type { Collection, PolicyRead } from "./context";
import type { PolicyMapState } from "./state";

/** IAM's pagination (`IsTruncated` + `Marker`); KMS says `Truncated` + `NextMarker`. */
function nextMarker(page: { IsTruncated?: boolean; Marker?: string; Truncated?: boolean; NextMarker?: string }) {
  return page.IsTruncated ? page.Marker : page.Truncated ? page.NextMarker : undefined;
}

type Paged = { IsTruncated?: boolean; Marker?: string } | { Truncated?: boolean; NextMarker?: string };

/**
 * The one paginator of every list call: asks page after page (each page depends on the one before, so the
 * dependency graph shows the chain), handing each page over as soon as it arrives. Returns the reason when a page
 * failed (the pages before it were handed over).
 */
export async function pages<O extends OperationName>(
  c: Collection,
  op: O,
  step: StepId,
  first: CallRef | undefined,
  input: (marker: string | undefined) => ApiInput<O>,
  onPage: (page: ApiOutput<O>, ref: CallRef) => void,
  opts: { subject?: string; region?: string } = {},
): Promise<{ failed?: string }> {
  let marker: string | undefined;
  let parent = first;
  do {
    const r = await c.call(op, step, [parent], input(marker), opts);
    if (!r.ok) return { failed: r.reason };
    parent = r.ref;
    onPage(r.value, r.ref);
    marker = nextMarker(r.value as Paged);
  } while (marker);
  return {};
}

/** Lists policy names page by page, then reads each one as soon as its page arrives. */
export async function readPolicyMap<O extends OperationName>(
  c: Collection,
  first: CallRef | undefined,
  listOp: O,
  list: (marker: string | undefined) => ApiInput<O>,
  namesOf: (page: ApiOutput<O>) => string[],
  read: (name: string, parent: CallRef) => Promise<PolicyRead>,
  subject: string,
): Promise<PolicyMapState> {
  const state: PolicyMapState = { docs: {} };
  const reads: Promise<void>[] = [];
  const listed = await pages(
    c,
    listOp,
    "identity-policy",
    first,
    list,
    (page, ref) => {
      for (const name of namesOf(page)) {
        reads.push(
          read(name, ref).then((r) => {
            if (r.ok) state.docs[name] = r.doc;
            else state.failed ??= `${r.reason} (${name})`;
          }),
        );
      }
    },
    { subject },
  );
  if (listed.failed) state.failed = listed.failed;
  await Promise.all(reads);
  return state;
}

/** Names of attached managed policies in an IAM listing. */
export function attachedArns(page: { AttachedPolicies?: { PolicyArn?: string }[] }): string[] {
  return (page.AttachedPolicies ?? []).flatMap((a) => (a.PolicyArn ? [a.PolicyArn] : []));
}
