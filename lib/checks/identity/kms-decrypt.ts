/**
 * identity.kms-decrypt: kms:Decrypt is allowed on every KMS key in use. A key policy can grant on its own: within the
 * key's account, a statement naming the principal, or "*" with conditions the request meets (exactly the AWS managed
 * key aws/s3's own policy), needs no identity Allow (KMS Developer Guide, "Key policies"). Such keys pass here, so this
 * check never contradicts kms.key-policy; the others need an identity Allow (the action check below, with the
 * smallest grant as the fix and, for a key of the principal's own account, the guide's alternative: the role as a key
 * user in the key policy).
 */
import type { Fix } from "@/lib/report/types";
import { addStatement } from "@/lib/fixes/policy-edits";
import { cliFor } from "@/lib/fixes/commands";
import { citeText, citeTextJa } from "../derive/ask";
import type { ImportRequest } from "../derive/requests";
import { askKeyPolicy } from "../encryption/key-question";
import { keySides, type KeySides } from "../encryption/key-sides";
import type { CheckContext, Localized, Outcome } from "../types";
import { defineCheck, l } from "../types";
import { needs } from "../reasons";
import { actionCheck } from "./action-check";
import { identityPrecondition } from "./identity-question";

const ID = "identity.kms-decrypt";

const keyName = (req: ImportRequest) => (req.kmsKey?.manager === "AWS" ? `aws/s3 (${req.resource})` : req.resource);

function directText(direct: KeySides["direct"]): Localized {
  const en = direct.map(
    (d) =>
      `the key policy of ${keyName(d.req)} lets the principal decrypt on its own${d.cited ? ` (${citeText(d.cited)})` : ""}`,
  );
  const ja = direct.map(
    (d) =>
      `${keyName(d.req)} のキーポリシーがそれだけでプリンシパルに復号を許可しています${d.cited ? `（${citeTextJa(d.cited)}）` : ""}`,
  );
  return l(
    `Within the key's account, ${en.join("; ")}: no identity Allow is needed.`,
    `キーと同じアカウント内で、${ja.join("。")}。権限ポリシーでの許可は不要です。`,
  );
}

/** The identity side of the keys that need it: the catalogue's action check over those keys only. */
const identitySide = actionCheck({
  id: ID,
  step: "identity-policy",
  title: l(
    "kms:Decrypt is allowed on every KMS key in use",
    "使用中のすべての KMS キーに対する kms:Decrypt が許可されている",
  ),
  deniedTitle: l(
    "kms:Decrypt is not allowed on a KMS key that encrypts the data",
    "データを暗号化している KMS キーに対する kms:Decrypt が許可されていません",
  ),
  missing: "fail",
  requests: (ctx) => keySides(ctx).needIdentity,
  grant: () => ({ actions: ["kms:Decrypt"], resource: (req) => req.resource, sid: "TiDBCloudImportKmsDecrypt" }),
});

/**
 * The guide's other way (TiDB Cloud's guide, SSE-KMS with a customer managed key): the role as a key user in each key
 * policy, for keys of the principal's own account whose policy is known. Not applied with the other fixes: the report
 * offers it instead of the identity-policy change, and the proof tries it on its own.
 */
function keyUserAlternative(ctx: CheckContext, keys: ImportRequest[]): { fixes: Fix[]; text: Localized } | null {
  const p = ctx.derived.principal!;
  // Keys whose policy already consents through the account (kms.key-policy passes): the key user is then the other way.
  const own = keys.filter(
    (r) =>
      r.kmsKey?.manager !== "AWS" &&
      r.kmsKey?.key?.policy &&
      askKeyPolicy(ctx, r, r.kmsKey.key.policy).answer.decision === "allow",
  );
  if (own.length !== keys.length || own.some((r) => (r.kmsKey?.accountId ?? p.accountId) !== p.accountId)) return null;
  const fixes = own.map((r) => {
    const document = `key-policy:${r.resource}`;
    const before = ctx.fixes.current(document, r.kmsKey!.key!.policy!)!;
    const after = addStatement(before, {
      Sid: "AllowTiDBCloudImportKeyUser",
      Effect: "Allow",
      Principal: { AWS: p.principalArn },
      Action: "kms:Decrypt",
      Resource: "*",
    });
    return { document, before, after, cli: cliFor(document, ctx.snapshot) };
  });
  const keysEn = own.map((r) => r.resource).join(", ");
  return {
    fixes,
    text: l(
      `The identity-policy change is made in account ${p.accountId} (the ${p.kind === "user" ? "IAM user's" : "role's"} account). Or, as TiDB Cloud's guide suggests, add ${p.principalArn} as a key user in the key policy of ${keysEn} instead: account ${p.accountId} (the key's account) makes that change, and a key policy statement that names the ${p.kind === "user" ? "user" : "role"} lets it decrypt without any identity-policy change. The corrected key policy grants kms:Decrypt only; the console's "Add key users" also grants encryption.`,
      `権限ポリシーの変更はアカウント ${p.accountId}（${p.kind === "user" ? "IAM ユーザー" : "ロール"}のアカウント）で行います。または、TiDB Cloud のガイドのとおり、代わりに ${keysEn} のキーポリシーで ${p.principalArn} をキーユーザーに追加してください。この変更はアカウント ${p.accountId}（キーを所有するアカウント）で行います。${p.kind === "user" ? "ユーザー" : "ロール"}を指定したキーポリシーのステートメントがあれば、権限ポリシーを変更しなくても復号できます。修正後のキーポリシーは kms:Decrypt のみを許可します（コンソールの「キーユーザーを追加」では暗号化も許可されます）。`,
    ),
  };
}

export const identityKmsDecrypt = defineCheck({
  id: ID,
  step: "identity-policy",
  title: identitySide.title,
  async run(ctx): Promise<Outcome> {
    if (ctx.derived.keys.length === 0) {
      if (!ctx.snapshot.bucket?.encryption && ctx.snapshot.bucket?.exists !== false) {
        return {
          status: "unknown",
          detail: l(
            "The bucket's default encryption is not known, so the keys in use are not known.",
            "バケットのデフォルトの暗号化が不明なため、使用中のキーが不明です。",
          ),
          unavailable: needs("s3:GetEncryptionConfiguration", ctx.snapshot.unavailable?.["bucket.encryption"]),
        };
      }
      return {
        status: "skipped",
        detail: l("No KMS key encrypts the data (SSE-S3).", "データは KMS キーで暗号化されていません（SSE-S3）。"),
      };
    }
    const pre = identityPrecondition(ctx);
    if (pre) return pre;
    const { direct, needIdentity, otherAccountManaged } = keySides(ctx);
    const managedNote = otherAccountManaged.length
      ? l(
          ` The AWS managed key aws/s3 of another account cannot be granted at all (see kms.aws-managed-key).`,
          `別のアカウントの AWS 管理キー aws/s3 はそもそも許可できません（kms.aws-managed-key を参照）。`,
        )
      : l("", "");
    if (needIdentity.length === 0) {
      if (direct.length === 0) {
        return {
          status: "skipped",
          detail: l(
            `Only the AWS managed key aws/s3 of another account is in use: no identity policy can change that (see kms.aws-managed-key).`,
            `別のアカウントの AWS 管理キー aws/s3 のみが使用されています。権限ポリシーでは対処できません（kms.aws-managed-key を参照）。`,
          ),
        };
      }
      const c = direct[0].cited;
      return {
        status: "pass",
        detail: l(`${directText(direct).en}${managedNote.en}`, `${directText(direct).ja}${managedNote.ja}`),
        ...(c ? { evidence: { document: c.document, statement: c.statement, ...(c.sid ? { sid: c.sid } : {}) } } : {}),
      };
    }
    const out = await identitySide.run(ctx);
    const also = direct.length ? directText(direct) : l("", "");
    const detail = l(
      [out.detail.en, also.en, managedNote.en.trim()].filter(Boolean).join(" "),
      `${out.detail.ja}${also.ja}${managedNote.ja}`,
    );
    if (out.status !== "fail" || !out.fix) return { ...out, detail };
    const alt = keyUserAlternative(ctx, needIdentity);
    if (!alt) return { ...out, detail };
    return {
      ...out,
      detail,
      fix: { ...out.fix, alternatives: alt.fixes },
      fixText: { ...out.fixText, alternative: alt.text },
    };
  },
});
