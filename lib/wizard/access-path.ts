/**
 * The access path picture on the overview: TiDB Cloud → AssumeRole → role (or IAM user) → bucket → objects → KMS key.
 * Each hop is coloured by the worst status of the checks that judge it and links to the step that shows them.
 */
import type { CheckId } from "@/lib/checks/ids";
import type { Finding, Report, StepId } from "@/lib/report/types";
import type { AccessMode } from "./form-types";
import { worstStatus, type StepStatus } from "@/lib/report/status";

type HopId = "tidb" | "assume-role" | "access-key" | "role" | "user" | "bucket" | "objects" | "kms";

export interface Hop {
  id: HopId;
  /** Step the hop links to. */
  step: StepId;
  status: StepStatus;
  /** Ids of the findings that coloured it. */
  findingIds: CheckId[];
}

/** Which findings judge which hop. A finding belongs to the first hop whose rule matches it. */
function hopOf(f: Finding, mode: AccessMode): HopId {
  const id = f.id;
  if (id === "input.access-key-id" || id === "access-key.owner") return mode === "role" ? "tidb" : "access-key";
  if (f.step === "intake") return "tidb";
  if (f.step === "assume-role") return "assume-role";
  if (id === "identity.kms-decrypt") return "kms";
  if (id === "identity.list-bucket" || id === "identity.get-bucket-location") return "bucket";
  if (id === "identity.get-object" || id === "identity.get-object-version") return "objects";
  if (f.step === "identity-policy") return mode === "role" ? "role" : "user";
  if (f.step === "bucket-policy") return "bucket";
  if (f.step === "object-ownership") return "objects";
  if (f.step === "encryption") {
    if (id === "objects.present" || id === "objects.sse-c" || id === "objects.archived") return "objects";
    return "kms";
  }
  return "tidb";
}

const HOP_STEP: Record<HopId, StepId> = {
  tidb: "intake",
  "assume-role": "assume-role",
  "access-key": "identity-policy",
  role: "identity-policy",
  user: "identity-policy",
  bucket: "bucket-policy",
  objects: "object-ownership",
  kms: "encryption",
};

export function accessPath(report: Report | null | undefined, mode: AccessMode): Hop[] {
  const order: HopId[] =
    mode === "role"
      ? ["tidb", "assume-role", "role", "bucket", "objects", "kms"]
      : ["tidb", "access-key", "user", "bucket", "objects", "kms"];
  const byHop = new Map<HopId, Finding[]>(order.map((h) => [h, []]));
  for (const f of report?.findings ?? []) {
    if (f.step === "summary") continue;
    byHop.get(hopOf(f, mode))?.push(f);
  }
  return order.map((id) => {
    const fs = byHop.get(id) ?? [];
    return { id, step: HOP_STEP[id], status: worstStatus(fs.map((f) => f.status)), findingIds: fs.map((f) => f.id) };
  });
}
