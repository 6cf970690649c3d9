import { addStatement } from "@/lib/fixes/policy-edits";
import { policyFix } from "@/lib/fixes/make-fix";
import { replaceNotPrincipal } from "@/lib/fixes/not-principal";
import { beforeJa, citeText, citeTextJa, statementsOf } from "../derive/ask";
import { notPrincipalEntries, notPrincipalNote } from "../derive/not-principal-note";
import { unknownKeysText } from "../derive/unknown-keys";
import { SETTLED_BY, unavailableReason } from "../helpers";
import { needs } from "../reasons";
import { defineCheck, l, type Localized, type Outcome } from "../types";
import { askKeyPolicy } from "./key-question";
import { denyFix } from "../deny-fix";
import { correctConditions } from "../condition-fix";

const ID = "kms.key-policy";

export const kmsKeyPolicy = defineCheck({
  id: ID,
  step: "encryption",
  title: l("Each key policy lets the principal decrypt", "各キーのキーポリシーがプリンシパルに復号を許可している"),
  async run(ctx): Promise<Outcome> {
    const { derived, snapshot, fixes } = ctx;
    const keys = derived.kmsRequests.filter((r) => r.kmsKey?.manager !== "AWS");
    if (keys.length === 0)
      return {
        status: "skipped",
        detail: l("No customer managed KMS key is in use.", "カスタマー管理キーは使用されていません。"),
      };
    const p = derived.principal;
    if (!p)
      return {
        status: "unknown",
        detail: l("The principal is not known.", "プリンシパルが不明です。"),
        unavailable: SETTLED_BY.principalArn,
      };
    const passes: string[] = [];
    // `read`: the key policy could not be read (what settles it is `unavailable`); else why the decision is open.
    // `why`: why the key policy is not judged (said in the detail unless it could not be read); `settle`: what would.
    const unknown: { arn: string; why: Localized; read: boolean; settle: Localized }[] = [];
    for (const req of keys) {
      const arn = req.resource;
      const policy = req.kmsKey?.key?.policy;
      if (!policy) {
        const reason =
          unavailableReason(snapshot, `keys.${arn}.policy`) ??
          unavailableReason(snapshot, `keys.${arn}`) ??
          unavailableReason(snapshot, "keys");
        const n = needs(`kms:GetKeyPolicy (${arn})`, reason);
        const settle = l(`${n.en}, or the pasted key policy`, `${n.ja}。またはキーポリシーを貼り付けてください`);
        unknown.push({ arn, why: settle, read: true, settle });
        continue;
      }
      const a = askKeyPolicy(ctx, req, policy);
      const doc = `key-policy:${arn}`;
      if (a.answer.decision === "allow") {
        const c = a.cited.find((m) => m.document === doc);
        passes.push(c ? `${arn}: ${citeText(c)}` : arn);
        continue;
      }
      if (a.answer.decision === "unknown") {
        // Why each key is not known, and the IAM action that would read it (the key's tags: kms:ListResourceTags).
        const why = unknownKeysText(snapshot, a.answer.unknownKeys, "kms:Decrypt");
        unknown.push({
          arn,
          why: l(
            `the key policy's decision depends on ${why.text.en}`,
            `キーポリシーの判定は ${why.text.ja} に依存します`,
          ),
          read: false,
          settle:
            why.needed ??
            l(`the value of ${a.answer.unknownKeys.join(", ")}`, `${a.answer.unknownKeys.join("、")} の値`),
        });
        continue;
      }
      const before = fixes.current(doc, policy)!;
      if (a.answer.decision === "explicit-deny") {
        const d = a.cited.find((m) => m.effect === "Deny" && m.document === doc)!;
        // A Deny with NotPrincipal becomes Principal "*" + ArnNotEquals aws:PrincipalArn (every exempted principal
        // kept), which no longer depends on the session name nor denies a principal with a permissions boundary; a
        // Deny that still hits the import then gets the minimal exemption (deny-fix.ts).
        const rep =
          statementsOf(policy)[d.statement]?.NotPrincipal !== undefined
            ? replaceNotPrincipal(before, d.statement, p.partition)
            : null;
        const note = rep ? notPrincipalNote(ctx, d, notPrincipalEntries(policy, d.statement), rep, "denied") : null;
        const stillDenied =
          !rep ||
          askKeyPolicy(ctx, req, rep.after).cited.some(
            (m) => m.effect === "Deny" && m.document === doc && m.statement === d.statement,
          );
        const exempt = stillDenied
          ? await denyFix(ctx, rep ? rep.after : before, d.statement, l(citeText(d), citeTextJa(d)), [req], "key")
          : null;
        const after = exempt ? exempt.after : (rep?.after ?? null);
        const words = l(
          [note?.en, exempt?.words.en].filter(Boolean).join(" "),
          [note?.ja, exempt?.words.ja].filter(Boolean).join(""),
        );
        return {
          status: "fail",
          title: l("A Deny in the key policy blocks decryption", "キーポリシーの Deny が復号を拒否しています"),
          detail: l(
            `${citeText(d)} denies kms:Decrypt to ${p.principalArn} on ${arn}. ${words.en}`,
            `${beforeJa(citeTextJa(d))}が ${arn} に対する ${p.principalArn} の kms:Decrypt を拒否しています。${words.ja}`,
          ),
          evidence: { document: doc, statement: d.statement, ...(d.sid ? { sid: d.sid } : {}) },
          ...(after ? { fix: policyFix(fixes, snapshot, ID, doc, before, after) } : {}),
        };
      }
      // A statement for the principal whose condition misses the request (kms:ViaService in another Region,
      // kms:EncryptionContext naming another bucket, …): corrected in place, never dropped.
      let lastResort: { en: string; ja: string } | null = null;
      for (const s of a.statements.filter(
        (x) =>
          x.document === doc &&
          x.effect === "Allow" &&
          x.action === "match" &&
          x.resource === "match" &&
          x.principal === "match" &&
          x.condition === "no-match",
      )) {
        const failed = (s.failedConditions ?? []).filter((f) => !f.undecided);
        if (failed.length === 0) continue;
        const c = { document: doc, statement: s.statement, sid: s.sid };
        const corrected = correctConditions(ctx, req, before, s.statement, failed, l(citeText(c), citeTextJa(c)));
        if (corrected && askKeyPolicy(ctx, req, corrected.after).answer.decision === "allow") {
          return {
            status: "fail",
            title: l(
              "A key policy condition keeps the principal from decrypting",
              "キーポリシーの条件によりプリンシパルが復号できません",
            ),
            detail: l(
              `${citeText(c)} would let ${p.principalArn} decrypt with ${arn}, but its condition misses the request S3 makes. ${corrected.named.en}`,
              `${beforeJa(citeTextJa(c))}は ${p.principalArn} に ${arn} での復号を許可するはずですが、条件が S3 の送るリクエストに一致しません。${corrected.named.ja}`,
            ),
            // A corrected condition applies to every principal the statement names, as its author meant.
            evidence: {
              document: doc,
              statement: s.statement,
              ...(s.sid ? { sid: s.sid } : {}),
              correctedCondition: true,
            },
            fix: policyFix(fixes, snapshot, ID, doc, before, corrected.after),
          };
        }
        const keys = failed.map((f) => `${f.operator} ${f.key}`).join(", ");
        lastResort ??= {
          en: ` ${citeText(c)} allows it only when ${keys}, which the request S3 makes does not meet and which cannot be corrected to a value it would meet: as a last resort, the corrected key policy adds a statement for ${p.principalArn} beside it.`,
          ja: `${beforeJa(citeTextJa(c))}は ${keys} の場合にのみ許可していますが、S3 が送るリクエストはこれを満たさず、満たす値に修正することもできません。最後の手段として、修正後のキーポリシーでは ${p.principalArn} のステートメントを横に追加しています。`,
        };
      }
      const after = addStatement(before, {
        Sid: "AllowTiDBCloudImportKeyUser",
        Effect: "Allow",
        Principal: { AWS: p.principalArn },
        Action: "kms:Decrypt",
        Resource: "*",
      });
      const keyAccount = req.kmsKey?.accountId ?? p.accountId;
      return {
        status: "fail",
        title: l(
          "The key policy does not let the principal decrypt",
          "キーポリシーがプリンシパルに復号を許可していません",
        ),
        detail: l(
          `The key policy of ${arn} names neither ${p.principalArn} (as a key user) nor ${keyAccount === p.accountId ? `the account root arn:${p.partition}:iam::${keyAccount}:root` : `the principal's account ${p.accountId}`}; without the key policy's consent, no identity policy can grant the key. Add ${p.principalArn} as a key user.${lastResort?.en ?? ""} (Only a KMS grant for the principal could allow it without the key policy; the diagnosis does not read grants: aws kms list-grants --key-id ${arn} shows them.)`,
          `${arn} のキーポリシーには ${p.principalArn}（キーユーザーとして）も${keyAccount === p.accountId ? `アカウントのルート arn:${p.partition}:iam::${keyAccount}:root ` : `プリンシパルのアカウント ${p.accountId} `}も含まれていません。キーポリシーで許可されていなければ、権限ポリシーでキーの使用を許可することはできません。${p.principalArn} をキーユーザーに追加してください。${lastResort?.ja ?? ""}（キーポリシーなしで許可できるのはプリンシパルへの KMS グラントだけです。診断ではグラントを読み取りません。aws kms list-grants --key-id ${arn} で確認できます。）`,
        ),
        evidence: { document: doc },
        fix: policyFix(fixes, snapshot, ID, doc, before, after),
      };
    }
    if (unknown.length) {
      return {
        status: "unknown",
        detail: l(
          // A policy that could not be read: what would settle it is said once, in `unavailable`.
          `Cannot judge the key policy of ${unknown.map((u) => u.arn).join(", ")}${unknown[0].read ? "" : `: ${unknown[0].why.en}`}.`,
          `${unknown.map((u) => u.arn).join("、")} のキーポリシーを判断できません${unknown[0].read ? "" : `: ${unknown[0].why.ja}`}。`,
        ),
        unavailable: unknown[0].settle,
      };
    }
    return {
      status: "pass",
      detail: l(
        `The key policies let the principal decrypt: ${passes.join("; ")}.`,
        `キーポリシーはプリンシパルに復号を許可しています: ${passes.join("、")}。`,
      ),
    };
  },
});
