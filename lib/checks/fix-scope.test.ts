/**
 * A fix never grants or exempts more than the import needs (catalogue, "Fixes"): over every fixture, each corrected
 * policy document decides exactly as the document before it for every request that is not one of the import's —
 * the import's actions (s3:GetObject, s3:GetObjectVersion, s3:ListBucket, s3:GetBucketLocation, kms:Decrypt) by
 * the importing principal on this bucket, folder and key. Probes: other actions on the same resources, the same
 * actions on another folder, bucket and key, and other principals of the same and of another account.
 * Where a Deny's own scope is the mistake (evidence.denyEdits), its correction may also change, for everyone it
 * applies to, what it denies on the import's resources (NotResource) or of the import's actions (Action list); a
 * corrected condition (evidence.correctedCondition) applies to everyone its statement names, for the import's requests.
 * A Deny with NotPrincipal is compared as AWS recommends writing it (Principal "*" + ArnNotEquals aws:PrincipalArn on
 * the principals it names): the fix that rewrites it honours whom it meant to exempt (issue 11, NotPrincipal).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/policy";
import type { ContextValue } from "@/lib/policy/types";
import { keyInTarget } from "@/lib/snapshot/bucket-uri";
import type { Snapshot } from "@/lib/snapshot/schema";
import { analyzeSnapshot, parseSnapshot } from "./index";
import { derive, type Derived } from "./derive/derived";
import { delegatingKeyPolicy } from "./identity/identity-question";
import { replaceNotPrincipal } from "@/lib/fixes/not-principal";
import { statementsOf } from "./derive/ask";

const DIR = join(process.cwd(), "tests/fixtures/snapshots");
const NOW = new Date("2026-11-28T00:00:00Z");
const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
  .map((f) => f.slice(0, -".json".length))
  .sort();

const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const IMPORT_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:GetBucketLocation", "kms:Decrypt"];

interface Probe {
  who: "principal" | "same-account" | "other-account";
  action: string;
  resource: string;
  context: Record<string, ContextValue>;
  unknownKeys: string[];
}

function probes(d: Derived, snapshot: Snapshot): Probe[] {
  const p = d.principal!;
  const t = d.target!;
  const bucket = d.bucketArn!;
  const base = d.s3Requests[0]?.context ?? {};
  const unknownKeys = d.s3Requests[0]?.unknownKeys ?? [];
  const objects = (snapshot.objects ?? []).map((o) => o.key).filter((k) => keyInTarget(t, k));
  const obj = `${bucket}/${objects[0] ?? `${t.folder}sample.csv`}`;
  const s3 = (action: string, resource: string, extra: Record<string, string> = {}) => ({
    action,
    resource,
    context: { ...base, ...extra },
    unknownKeys,
  });
  const list: Omit<Probe, "who">[] = [
    s3("s3:GetBucketLocation", bucket),
    s3("s3:ListBucket", bucket, { "s3:prefix": t.folder }),
    s3("s3:ListBucket", bucket, { "s3:prefix": "zz-other-folder/" }),
    s3("s3:ListBucketVersions", bucket, { "s3:prefix": t.folder }),
    s3("s3:PutBucketPolicy", bucket),
    s3("s3:GetObject", obj),
    s3("s3:GetObjectVersion", obj),
    s3("s3:PutObject", obj),
    s3("s3:DeleteObject", obj),
    s3("s3:GetObjectAcl", obj),
    s3("s3:GetObjectTagging", obj),
    s3("s3:GetObject", `${bucket}/zz-other-folder/x.csv`),
    s3("s3:GetObject", `${bucket}/${t.folder.replace(/\/$/, "")}zz/x.csv`),
    s3("s3:GetObject", `arn:${p.partition}:s3:::zz-other-bucket/${t.folder}x.csv`),
    s3("s3:ListBucket", `arn:${p.partition}:s3:::zz-other-bucket`, { "s3:prefix": t.folder }),
    s3("s3:ListAllMyBuckets", "*"),
    s3("iam:PassRole", `arn:${p.partition}:iam::${p.accountId}:role/zz-other-role`),
  ];
  for (const r of d.kmsRequests) {
    const k = { context: r.context, unknownKeys: r.unknownKeys };
    list.push({ action: "kms:Decrypt", resource: r.resource, ...k });
    list.push({ action: "kms:Encrypt", resource: r.resource, ...k });
    list.push({ action: "kms:GenerateDataKey", resource: r.resource, ...k });
    list.push({ action: "kms:DescribeKey", resource: r.resource, ...k });
    list.push({
      action: "kms:Decrypt",
      resource: r.resource.replace(/key\/.*$/, "key/00000000-0000-4000-8000-0000000000aa"),
      ...k,
    });
  }
  return (["principal", "same-account", "other-account"] as const).flatMap((who) => list.map((x) => ({ who, ...x })));
}

/** The import's own requests: only these may be decided differently by a fix. */
function isImport(d: Derived, probe: Probe): boolean {
  if (probe.who !== "principal" || !IMPORT_ACTIONS.includes(probe.action)) return false;
  if (probe.action === "kms:Decrypt") return d.keys.some((k) => k.arn === probe.resource);
  if (probe.action === "s3:ListBucket" || probe.action === "s3:GetBucketLocation")
    return probe.resource === d.bucketArn;
  const key = probe.resource.slice(`${d.bucketArn}/`.length);
  return probe.resource.startsWith(`${d.bucketArn}/`) && keyInTarget(d.target!, key);
}

/** The import's action on the probe's resource (to ask whether the resource is one of the import's). */
function importActionOn(d: Derived, probe: Probe): string {
  if (probe.resource.includes(":kms:")) return "kms:Decrypt";
  return probe.resource === d.bucketArn ? "s3:ListBucket" : "s3:GetObject";
}

function decide(d: Derived, kind: "identity" | "bucket" | "key", doc: unknown, probe: Probe): string {
  const p = d.principal!;
  const principal =
    probe.who === "principal"
      ? { arn: p.requestArn, principalArn: p.principalArn, account: p.accountId }
      : probe.who === "same-account"
        ? {
            arn: `arn:${p.partition}:sts::${p.accountId}:assumed-role/zz-other-role/s`,
            principalArn: `arn:${p.partition}:iam::${p.accountId}:role/zz-other-role`,
            account: p.accountId,
          }
        : {
            arn: `arn:${p.partition}:sts::999988887777:assumed-role/zz-other-role/s`,
            principalArn: `arn:${p.partition}:iam::999988887777:role/zz-other-role`,
            account: "999988887777",
          };
  const kms = probe.action.startsWith("kms:");
  const resourceAccount = kms
    ? (/:kms:[\w-]+:(\d{12}):/.exec(probe.resource)?.[1] ?? p.accountId)
    : (d.bucketAccount ?? p.accountId);
  return evaluate({
    request: {
      principal: principal.arn,
      action: probe.action,
      resource: probe.resource,
      context: {
        ...probe.context,
        "aws:PrincipalArn": principal.principalArn,
        "aws:PrincipalAccount": principal.account,
        ...(kms ? { "kms:CallerAccount": principal.account } : {}),
      },
      unknownKeys: probe.unknownKeys,
    },
    principalAccount: principal.account,
    resourceAccount,
    identityPolicies: [kind === "identity" ? doc : ALLOW_ALL],
    permissionsBoundary: null,
    sessionPolicy: null,
    resourcePolicy: kind === "identity" ? (kms ? delegatingKeyPolicy(p.partition, resourceAccount) : null) : doc,
  }).decision;
}

/** The document with each Deny + NotPrincipal written as Principal "*" + ArnNotEquals aws:PrincipalArn. */
function asIntended(doc: Record<string, unknown>, partition: string): Record<string, unknown> {
  let out = doc;
  statementsOf(doc).forEach((st, i) => {
    if (st.Effect === "Deny" && st.NotPrincipal !== undefined)
      out = replaceNotPrincipal(out, i, partition)?.after ?? out;
  });
  return out;
}

function kindOf(document: string): "identity" | "bucket" | "key" | null {
  if (/^(role|user|group)-policy:|^permissions-boundary$/.test(document)) return "identity";
  if (document === "bucket-policy") return "bucket";
  if (document.startsWith("key-policy:")) return "key";
  return null;
}

describe("fixes are never wider than the import", () => {
  it.each(names)("%s", async (name) => {
    const parsed = parseSnapshot(JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")));
    if (!parsed.ok) throw new Error(name);
    const report = await analyzeSnapshot(parsed.snapshot, { now: NOW });
    const d = derive(parsed.snapshot, NOW);
    if (!d.principal || !d.target || !d.bucketArn) return;
    const all = probes(d, parsed.snapshot);
    // Each fix, and each alternative a fix offers (judged as its own finding).
    const offered = report.findings.flatMap((f) => [
      f,
      ...(f.fix?.alternatives ?? []).map((a) => ({ ...f, fix: a, evidence: {} as Record<string, unknown> })),
    ]);
    for (const f of offered) {
      const kind = f.fix && kindOf(f.fix.document);
      if (!kind) continue;
      // An identity policy speaks for whoever it is attached to: other principals matter only where a Deny's
      // exemption must name this principal in a policy others may be attached to (managed, group, boundary).
      const shared = !/^(role|user)-policy:(?!arn:)/.test(f.fix!.document);
      const before = asIntended(
        (f.fix!.before ?? { Version: "2012-10-17", Statement: [] }) as Record<string, unknown>,
        d.principal.partition,
      );
      const edits = (f.evidence?.denyEdits as string[] | undefined) ?? [];
      const scoped = (probe: Probe) =>
        (edits.includes("not-resource") &&
          isImport(d, { ...probe, who: "principal", action: importActionOn(d, probe) })) ||
        (edits.includes("action-list") && IMPORT_ACTIONS.includes(probe.action)) ||
        (f.evidence?.correctedCondition === true && isImport(d, { ...probe, who: "principal" }));
      const widened = all
        .filter((probe) => !isImport(d, probe) && !scoped(probe))
        .filter(
          (probe) => kind !== "identity" || probe.who === "principal" || (shared && f.id === "identity.explicit-deny"),
        )
        .filter(
          (probe) =>
            kind !== "key" || (probe.action.startsWith("kms:") && f.fix!.document === `key-policy:${probe.resource}`),
        )
        .filter(
          (probe) => kind !== "bucket" || (probe.action.startsWith("s3:") && probe.resource.startsWith(d.bucketArn!)),
        )
        .filter((probe) => decide(d, kind, before, probe) !== decide(d, kind, f.fix!.after, probe))
        .map((probe) => `${probe.who} ${probe.action} ${probe.resource}`);
      expect(widened, `${f.id} → ${f.fix!.document}`).toEqual([]);
    }
  });
});
