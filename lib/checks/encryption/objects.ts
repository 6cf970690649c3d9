import { keyInTarget } from "@/lib/snapshot/bucket-uri";
import type { SnapshotObject } from "@/lib/snapshot/schema";
import { askIdentity, identityAllows } from "../identity/identity-question";
import { SETTLED_BY, missingData, sample, sampleJa } from "../helpers";
import { localizeReason } from "../reasons";
import type { CheckContext, Outcome } from "../types";
import { defineCheck, l } from "../types";
import { askKeyPolicy } from "./key-question";
import { keySides } from "./key-sides";

/** The sampled objects under the target, or an Outcome saying why they are not known. */
function targetObjects(ctx: CheckContext, action: string): SnapshotObject[] | Outcome {
  const { snapshot, derived } = ctx;
  if (!derived.target)
    return {
      status: "unknown",
      detail: l("The bucket URI is not valid.", "バケット URI が正しくありません。"),
      unavailable: SETTLED_BY.bucketUri,
    };
  if (snapshot.bucket?.exists === false)
    return { status: "skipped", detail: l("The bucket does not exist.", "バケットが存在しません。") };
  if (!snapshot.objects)
    return missingData(snapshot, "objects", action, l("The objects under the folder", "フォルダー内のオブジェクト"));
  return snapshot.objects.filter((o) => keyInTarget(derived.target!, o.key));
}

export const objectsPresent = defineCheck({
  id: "objects.present",
  step: "encryption",
  title: l("Objects exist under the folder", "フォルダー内にオブジェクトがある"),
  run(ctx) {
    const objs = targetObjects(ctx, "s3:ListBucket (ListObjectsV2)");
    if (!Array.isArray(objs)) return objs;
    const t = ctx.derived.target!;
    if (objs.length > 0) {
      return {
        status: "pass",
        detail: l(
          `${objs.length}${ctx.snapshot.objectsTruncated ? "+" : ""} objects match ${t.uri} (e.g. ${sample(
            objs.map((o) => o.key),
            2,
          )}).`,
          `${t.uri} に一致するオブジェクトが ${objs.length}${ctx.snapshot.objectsTruncated ? " 個以上" : " 個"}あります（例: ${sampleJa(
            objs.map((o) => o.key),
            2,
          )}）。`,
        ),
      };
    }
    const others = (ctx.snapshot.objects ?? []).map((o) => o.key);
    const near = others.find((k) => k.toLowerCase().startsWith(t.folder.toLowerCase()));
    return {
      status: "fail",
      title: l("No object matches the bucket URI", "バケット URI に一致するオブジェクトがありません"),
      detail: l(
        `Nothing matches ${t.uri}: the folder is empty or the URI names the wrong folder or file.${near ? ` ${near} differs only in letter case (keys are case-sensitive).` : ""} Without s3:ListBucket a missing object also shows as 403 AccessDenied.`,
        `${t.uri} に一致するものがありません。フォルダーが空か、URI のフォルダーまたはファイルが誤っています。${near ? `${near} は大文字・小文字だけが異なります（キーは大文字と小文字を区別します）。` : ""}s3:ListBucket がない場合、存在しないオブジェクトも 403 AccessDenied になります。`,
      ),
      evidence: { uri: t.uri },
    };
  },
});

export const objectsSseC = defineCheck({
  id: "objects.sse-c",
  step: "encryption",
  title: l("No object uses SSE-C", "SSE-C を使用しているオブジェクトがない"),
  run(ctx) {
    const objs = targetObjects(ctx, "s3:GetObject (HeadObject)");
    if (!Array.isArray(objs)) return objs;
    if (objs.length === 0)
      return {
        status: "skipped",
        detail: l("No object under the folder.", "フォルダー内にオブジェクトがありません。"),
      };
    const ssec = objs.filter((o) => o.sse === "SSE-C");
    if (ssec.length === 0) {
      if (objs.every((o) => o.sse === undefined))
        return missingData(
          ctx.snapshot,
          "objects",
          "s3:GetObject (HeadObject)",
          l("The objects' encryption", "オブジェクトの暗号化"),
        );
      return {
        status: "pass",
        detail: l(
          "No sampled object is encrypted with a customer-provided key (SSE-C).",
          "サンプリングしたオブジェクトに、お客様が用意したキー（SSE-C）で暗号化されたものはありません。",
        ),
      };
    }
    const t = ctx.derived.target!;
    return {
      status: "fail",
      title: l("Objects are encrypted with SSE-C", "オブジェクトが SSE-C で暗号化されています"),
      detail: l(
        `${ssec.length} objects (${sample(ssec.map((o) => o.key))}) use SSE-C; TiDB Cloud cannot supply the customer key. Copy them again with SSE-S3 or SSE-KMS.`,
        `${ssec.length} 個のオブジェクト（${sampleJa(ssec.map((o) => o.key))}）が SSE-C を使用していますが、TiDB Cloud はお客様のキーを渡せません。SSE-S3 または SSE-KMS でコピーし直してください。`,
      ),
      evidence: {
        objects: ssec.map((o) => o.key).slice(0, 20),
        command: `aws s3 cp s3://${t.bucket}/<key> s3://${t.bucket}/<key> --sse-c-copy-source AES256 --sse-c-copy-source-key <key> --sse AES256`,
      },
    };
  },
});

const ARCHIVE = new Set(["GLACIER", "DEEP_ARCHIVE"]);

export const objectsArchived = defineCheck({
  id: "objects.archived",
  step: "encryption",
  title: l("No object is in an archive storage class", "アーカイブストレージクラスのオブジェクトがない"),
  run(ctx) {
    const objs = targetObjects(ctx, "s3:ListBucket (ListObjectsV2)");
    if (!Array.isArray(objs)) return objs;
    if (objs.length === 0)
      return {
        status: "skipped",
        detail: l("No object under the folder.", "フォルダー内にオブジェクトがありません。"),
      };
    const archived = objs.filter(
      (o) =>
        !o.restored &&
        ((o.storageClass && ARCHIVE.has(o.storageClass)) || /ARCHIVE_ACCESS/.test(o.archiveStatus ?? "")),
    );
    if (archived.length === 0)
      return {
        status: "pass",
        detail: l(
          "No sampled object is archived (GLACIER, DEEP_ARCHIVE or an archive tier).",
          "サンプリングしたオブジェクトにアーカイブ済みのもの（GLACIER、DEEP_ARCHIVE、アーカイブ階層）はありません。",
        ),
      };
    return {
      status: "fail",
      title: l("Objects are archived", "オブジェクトがアーカイブされています"),
      detail: l(
        `${archived.length} objects (${sample(archived.map((o) => `${o.key} [${o.storageClass ?? o.archiveStatus}]`))}) are archived: GetObject fails with InvalidObjectState (403). Restore them, or copy them to a non-archive class (S3 Glacier Instant Retrieval is fine).`,
        `${archived.length} 個のオブジェクト（${sampleJa(archived.map((o) => `${o.key} [${o.storageClass ?? o.archiveStatus}]`))}）がアーカイブされており、GetObject は InvalidObjectState（403）で失敗します。復元するか、アーカイブ以外のストレージクラスにコピーしてください（S3 Glacier Instant Retrieval は問題ありません）。`,
      ),
      evidence: { objects: archived.map((o) => o.key).slice(0, 20) },
    };
  },
});

export const objectsEncryptionKeys = defineCheck({
  id: "objects.encryption-keys",
  step: "encryption",
  title: l("Every key used by the objects is usable", "オブジェクトが使用しているすべてのキーが使用可能である"),
  run(ctx) {
    const objs = targetObjects(ctx, "s3:GetObject (HeadObject)");
    if (!Array.isArray(objs)) return objs;
    if (objs.length === 0)
      return {
        status: "skipped",
        detail: l("No object under the folder.", "フォルダー内にオブジェクトがありません。"),
      };
    if (objs.every((o) => o.sse === undefined))
      return missingData(
        ctx.snapshot,
        "objects",
        "s3:GetObject (HeadObject)",
        l("The objects' encryption", "オブジェクトの暗号化"),
      );
    const { derived } = ctx;
    const objectKeys = derived.keys.filter((k) => k.objects.length > 0);
    if (objectKeys.length === 0)
      return {
        status: "pass",
        detail: l(
          "No sampled object is encrypted with a KMS key.",
          "サンプリングしたオブジェクトに KMS キーで暗号化されたものはありません。",
        ),
      };
    const extra = objectKeys.filter((k) => !k.bucketDefault);
    if (extra.length === 0) {
      // Every sampled object uses the bucket's default key: the key checks decide it, and count it once.
      const k = objectKeys[0];
      return {
        status: "pass",
        detail: l(
          `Every sampled object uses the bucket's default key ${k.manager === "AWS" ? `aws/s3 (${k.arn})` : k.arn}; whether the principal can use it is decided by the key checks (identity.kms-decrypt, kms.key-policy, kms.aws-managed-key, kms.key-state), so it is counted there once.`,
          `サンプリングしたすべてのオブジェクトがバケットのデフォルトキー ${k.manager === "AWS" ? `aws/s3（${k.arn}）` : k.arn} を使用しています。プリンシパルがこのキーを使用できるかどうかはキーのチェック（identity.kms-decrypt、kms.key-policy、kms.aws-managed-key、kms.key-state）で判断し、そこで 1 回だけ数えます。`,
        ),
        evidence: { keys: objectKeys.map((x) => x.arn) },
      };
    }
    const blocked: string[] = [];
    const unknown: string[] = [];
    const sides = derived.principal && derived.identity ? keySides(ctx) : null;
    for (const k of extra.filter((x) => x.manager === "AWS")) {
      // aws/s3 works only for principals of its own account (see kms.aws-managed-key).
      const account = k.accountId ?? derived.bucketAccount;
      if (derived.principal && account && account !== derived.principal.accountId) blocked.push(k.arn);
    }
    // With part of the identity policies unreadable, "no identity policy allows" is not known to be true.
    const identityIncomplete = Object.keys(derived.identity?.missing ?? {}).some(
      (path) => !path.endsWith("permissionsBoundary"),
    );
    for (const k of extra.filter((x) => x.manager !== "AWS")) {
      const req = derived.kmsRequests.find((r) => r.resource === k.arn)!;
      if (!sides) {
        unknown.push(k.arn);
        continue;
      }
      // A key policy that grants on its own needs no identity Allow (as identity.kms-decrypt decides).
      if (sides.direct.some((d) => d.req.resource === k.arn)) continue;
      let id = identityAllows(askIdentity(ctx, req));
      let kp = k.key?.policy ? askKeyPolicy(ctx, req, k.key.policy).answer.decision : "unknown";
      if (identityIncomplete && id === "no") id = "unknown";
      if (identityIncomplete && kp === "implicit-deny") kp = "unknown";
      if (id === "no" || kp === "implicit-deny" || kp === "explicit-deny") blocked.push(k.arn);
      else if (id === "unknown" || kp === "unknown") unknown.push(k.arn);
    }
    const list = objectKeys.map(
      (k) => `${k.arn} (${k.objects.length} objects${k.bucketDefault ? ", bucket default" : ""})`,
    );
    const listJa = objectKeys.map(
      (k) => `${k.arn}（${k.objects.length} 個${k.bucketDefault ? "、バケットのデフォルト" : ""}）`,
    );
    if (blocked.length) {
      return {
        status: "fail",
        title: l(
          "Objects are encrypted with another key that the principal cannot use",
          "オブジェクトがプリンシパルの使用できない別のキーで暗号化されています",
        ),
        detail: l(
          `Keys used by the objects: ${list.join("; ")}. The principal cannot decrypt with ${blocked.join(", ")} (objects copied from another bucket keep the key they were written with: both keys must be allowed, in the identity policy and in each key policy). See identity.kms-decrypt, kms.key-policy and kms.aws-managed-key for the corrected documents.`,
          `オブジェクトが使用しているキー: ${listJa.join("、")}。プリンシパルは ${blocked.join("、")} で復号できません（別のバケットからコピーしたオブジェクトは書き込み時のキーのままなので、権限ポリシーと各キーのキーポリシーの両方で、両方のキーを許可する必要があります）。修正後のドキュメントは identity.kms-decrypt、kms.key-policy、kms.aws-managed-key を参照してください。`,
        ),
        evidence: { keys: objectKeys.map((k) => k.arn), blocked },
      };
    }
    if (unknown.length) {
      return {
        status: "unknown",
        detail: l(
          `Keys used by the objects: ${list.join("; ")}. Whether ${unknown.join(", ")} can be used is not known.`,
          `オブジェクトが使用しているキー: ${listJa.join("、")}。${unknown.join("、")} を使用できるかは不明です。`,
        ),
        unavailable: identityIncomplete
          ? (() => {
              const missing = Object.entries(derived.identity?.missing ?? {}).map(([path, why]) => ({
                path,
                why: localizeReason(why),
              }));
              return l(
                `part of the identity policies is unreadable (${missing.map((m) => `${m.path}: ${m.why.en}`).join("; ")}); needs iam:GetRolePolicy / iam:GetPolicyVersion, or the pasted policies`,
                `権限ポリシーの一部を読み取れません（${missing.map((m) => `${m.path}: ${m.why.ja}`).join("、")}）。iam:GetRolePolicy / iam:GetPolicyVersion の権限が必要です。またはポリシーを貼り付けてください`,
              );
            })()
          : l(
              "needs kms:GetKeyPolicy for each key, or the pasted key policies",
              "各キーについて kms:GetKeyPolicy の権限が必要です。またはキーポリシーを貼り付けてください",
            ),
      };
    }
    return {
      status: "pass",
      detail: l(
        `Keys used by the objects: ${list.join("; ")}; the principal can decrypt with each.`,
        `オブジェクトが使用しているキー: ${listJa.join("、")}。プリンシパルはいずれのキーでも復号できます。`,
      ),
      evidence: { keys: objectKeys.map((k) => k.arn) },
    };
  },
});
