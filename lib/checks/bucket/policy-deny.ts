import { policyFix } from "@/lib/fixes/make-fix";
import { replaceNotPrincipal } from "@/lib/fixes/not-principal";
import type { Doc } from "@/lib/fixes/workspace";
import { SESSION_NAME_KEY } from "@/lib/policy";
import { beforeJa, citeText, citeTextJa, statementsOf } from "../derive/ask";
import type { ImportRequest } from "../derive/requests";
import { unknownKeysText } from "../derive/unknown-keys";
import { denyFix } from "../deny-fix";
import { defineCheck, l, type Localized } from "../types";
import { askBucket, bucketPolicyPrecondition } from "./bucket-question";
import { notPrincipalEntries, notPrincipalNote } from "../derive/not-principal-note";

const ID = "bucket.policy.deny";

interface Hit {
  statement: number;
  sid?: string;
  undecided: boolean;
  actions: Set<string>;
  keys: Set<string>;
  /** The statement exempts principals with NotPrincipal. */
  notPrincipal: boolean;
  /** The import's requests it hits. */
  requests: ImportRequest[];
}

export const bucketPolicyDeny = defineCheck({
  id: ID,
  step: "bucket-policy",
  title: l("No Deny in the bucket policy hits the import", "バケットポリシーの Deny がインポートを拒否していない"),
  async run(ctx) {
    const pre = bucketPolicyPrecondition(ctx);
    if (pre) return pre;
    const { snapshot, derived, fixes } = ctx;
    const policy = snapshot.bucket!.policy;
    if (!policy)
      return {
        status: "pass",
        detail: l("The bucket has no bucket policy.", "バケットにバケットポリシーはありません。"),
        evidence: { document: "bucket-policy" },
      };
    const p = derived.principal!;
    const raw = statementsOf(policy);
    const hits = new Map<number, Hit>();
    for (const r of derived.s3Requests) {
      const a = askBucket(ctx, r, policy);
      // Only an answer that matched a Deny (decided or not) needs the per-statement explanations.
      if (!a.answer.matched.some((m) => m.effect === "Deny")) continue;
      for (const s of a.applying) {
        if (s.document !== "bucket-policy" || s.effect !== "Deny" || s.applies === "no-match") continue;
        const h = hits.get(s.statement) ?? {
          statement: s.statement,
          sid: s.sid,
          undecided: true,
          actions: new Set<string>(),
          keys: new Set<string>(),
          notPrincipal: raw[s.statement]?.NotPrincipal !== undefined,
          requests: [],
        };
        if (s.applies === "match") h.undecided = false;
        h.actions.add(r.action);
        h.requests.push(r);
        for (const f of s.failedConditions ?? []) if (f.undecided) h.keys.add(f.key);
        if (s.principal === "unknown") h.keys.add(SESSION_NAME_KEY);
        hits.set(s.statement, h);
      }
    }
    const all = [...hits.values()];
    if (all.length === 0) {
      return {
        status: "pass",
        detail: l(
          "No Deny statement of the bucket policy matches the import's requests (TLS 1.2 or later, the principal, no customer VPC endpoint).",
          "バケットポリシーに、インポートのリクエスト（TLS 1.2 以降、プリンシパル、お客様の VPC エンドポイントを経由しない）に一致する Deny ステートメントはありません。",
        ),
        evidence: { document: "bucket-policy" },
      };
    }
    // Fix: a NotPrincipal statement becomes Principal "*" + ArnNotEquals aws:PrincipalArn (AWS's recommended pattern,
    // every exempted principal kept); then the import's principal is exempted from each Deny that still hits it.
    const before = fixes.current("bucket-policy", policy)!;
    let after: Doc = before;
    const notes: Localized[] = [];
    let fixable = true;
    for (const h of all.filter((x) => x.notPrincipal)) {
      const rep = replaceNotPrincipal(after, h.statement, p.partition);
      if (!rep) fixable = false;
      else after = rep.after;
      notes.push(
        notPrincipalNote(ctx, cite(h), notPrincipalEntries(policy, h.statement), rep, h.undecided ? "maybe" : "denied"),
      );
    }
    // Each Deny that still hits the import (a NotPrincipal now naming the role no longer does) exempts the principal
    // only from the import's requests it hits (see deny-fix.ts).
    const words: Localized[] = [];
    const edits: string[] = [];
    const asked = JSON.stringify(policy);
    for (const h of all) {
      // While the document is still the one asked about above, the answers are those already read: every request of
      // the hit is still hit.
      const unchanged = JSON.stringify(after) === asked;
      const still = h.requests.filter(
        (r) =>
          unchanged ||
          askBucket(ctx, r, after).applying.some(
            (s) =>
              s.document === "bucket-policy" &&
              s.statement === h.statement &&
              s.effect === "Deny" &&
              s.applies !== "no-match",
          ),
      );
      if (still.length === 0) continue;
      const c = cite(h);
      const d = await denyFix(ctx, after, h.statement, l(citeText(c), citeTextJa(c)), still, "bucket");
      words.push(d.words);
      if (d.how) edits.push(d.how);
      if (d.after) after = d.after;
      else fixable = false;
    }
    const said = l(words.map((w) => ` ${w.en}`).join(""), words.map((w) => w.ja).join(""));
    const hard = all.filter((h) => !h.undecided);
    const first = hard[0] ?? all[0];
    const evidence = {
      document: "bucket-policy",
      statement: first.statement,
      ...(first.sid ? { sid: first.sid } : {}),
      ...(edits.length ? { denyEdits: edits } : {}),
    };
    const fix = fixable ? policyFix(fixes, snapshot, ID, "bucket-policy", before, after) : undefined;
    const notesText = l(notes.map((n) => ` ${n.en}`).join(""), notes.map((n) => n.ja).join(""));
    if (hard.length) {
      const list = hard.map((h) => `${citeText(cite(h))} (${[...h.actions].join(", ")})`).join("; ");
      const listJa = hard.map((h) => `${citeTextJa(cite(h))}（${[...h.actions].join("、")}）`).join("、");
      const onlyNotPrincipal = hard.every((h) => h.notPrincipal);
      // s3:GetObjectVersion is recommended, not required: a Deny that hits it alone is a risk, not a block.
      // A Deny on where the request comes from (VPC endpoint, network, TLS): say where TiDB Cloud's requests come from.
      const network = hard.some((h) =>
        Object.values((raw[h.statement]?.Condition ?? {}) as Record<string, object>).some((block) =>
          Object.keys(block ?? {}).some((k) => /^aws:(sourcevpce?|sourceip|securetransport)$|^s3:tlsversion$/i.test(k)),
        ),
      );
      const versionOnly = hard.every((h) => [...h.actions].every((a) => a === "s3:GetObjectVersion"));
      return {
        status: versionOnly ? "warn" : "fail",
        title: versionOnly
          ? l(
              "A Deny in the bucket policy hits s3:GetObjectVersion (recommended, not required)",
              "バケットポリシーの Deny が s3:GetObjectVersion を拒否しています（推奨、必須ではありません）",
            )
          : l("A Deny in the bucket policy blocks the import", "バケットポリシーの Deny がインポートを拒否しています"),
        detail: onlyNotPrincipal
          ? l(
              `Explicitly denied by ${list}.${notesText.en}${said.en}`,
              `${beforeJa(listJa)}により明示的に拒否されています。${notesText.ja}${said.ja}`,
            )
          : versionOnly
            ? l(
                `Explicitly denied by ${list}. The import reads the current version of each object with s3:GetObject, which this Deny leaves alone; the guide recommends allowing s3:GetObjectVersion too.${notesText.en}${said.en}`,
                `${beforeJa(listJa)}により明示的に拒否されています。インポートは各オブジェクトの現在のバージョンを s3:GetObject で読み取り、この Deny はそれを拒否しませんが、ガイドでは s3:GetObjectVersion も許可することを推奨しています。${notesText.ja}${said.ja}`,
              )
            : network
              ? l(
                  `Explicitly denied by ${list}. TiDB Cloud's requests come from TiDB Cloud's network with TLS, never through your VPC endpoint.${notesText.en}${said.en}`,
                  `${beforeJa(listJa)}により明示的に拒否されています。TiDB Cloud のリクエストは TLS を使って TiDB Cloud のネットワークから送られ、お客様の VPC エンドポイントを経由しません。${notesText.ja}${said.ja}`,
                )
              : l(
                  `Explicitly denied by ${list}.${notesText.en}${said.en}`,
                  `${beforeJa(listJa)}により明示的に拒否されています。${notesText.ja}${said.ja}`,
                ),
        evidence: { ...evidence, unknownKeys: [] },
        ...(fix ? { fix } : {}),
      };
    }
    const keys = [...new Set(all.flatMap((h) => [...h.keys]))];
    const action = [...all[0].actions][0];
    const why = unknownKeysText(snapshot, keys, action);
    const which = all.map((h) => citeText(cite(h))).join("; ");
    const whichJa = all.map((h) => citeTextJa(cite(h))).join("、");
    const actions = [...all[0].actions];
    if (why.readable) {
      return {
        status: "unknown",
        title: l(
          "Whether a Deny in the bucket policy hits the import is not known",
          "バケットポリシーの Deny がインポートを拒否するかどうかは不明です",
        ),
        detail: l(
          `${which} denies ${actions.join(", ")} depending on ${why.text.en}. ${why.settle.en}`,
          `${beforeJa(whichJa)}は ${why.text.ja} に応じて ${actions.join("、")} を拒否します。${why.settle.ja}`,
        ),
        evidence: { ...evidence, unknownKeys: keys },
        unavailable: why.needed!,
      };
    }
    const sessionOnly = all.every((h) => h.notPrincipal && [...h.keys].every((k) => k === SESSION_NAME_KEY));
    if (sessionOnly)
      return {
        status: "warn",
        title: l(
          "A Deny in the bucket policy may hit the import: it depends on TiDB Cloud's session name",
          "バケットポリシーの Deny がインポートを拒否する可能性があります（TiDB Cloud のセッション名に依存）",
        ),
        detail: l(
          `${which} denies ${actions.join(", ")} to every session of the role except those it names.${notesText.en}${said.en}`,
          `${beforeJa(whichJa)}は、指定されたセッション以外のロールのすべてのセッションに ${actions.join("、")} を拒否します。${notesText.ja}${said.ja}`,
        ),
        evidence: { ...evidence, unknownKeys: keys },
        ...(fix ? { fix } : {}),
      };
    return {
      status: "warn",
      title: l(
        "A Deny in the bucket policy may hit the import",
        "バケットポリシーの Deny がインポートを拒否する可能性があります",
      ),
      detail: l(
        `${which} denies ${actions.join(", ")} depending on ${why.text.en}, which is not known for TiDB Cloud's requests.${notesText.en}${said.en}`,
        `${beforeJa(whichJa)}は ${why.text.ja} に応じて ${actions.join("、")} を拒否しますが、TiDB Cloud のリクエストでの値は不明です。${notesText.ja}${said.ja}`,
      ),
      evidence: { ...evidence, unknownKeys: keys },
      ...(fix ? { fix } : {}),
    };
  },
});

function cite(h: Hit) {
  return { document: "bucket-policy", statement: h.statement, sid: h.sid };
}
