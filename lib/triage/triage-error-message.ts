/**
 * Error-message triage: recognises the text TiDB Cloud, S3, KMS or STS printed, in English or Japanese, and says
 * which checks can explain it and which step of the guide to open. Pure string parsing of an error message (never of
 * a policy). Never throws.
 */
import { ACCESS_KEY_ID_IN_TEXT } from "@/lib/security/secrets";
import { parseAwsDenial } from "./aws-message";
import { ACCESS_KEY_CHECKS, ASSUME_ROLE_CHECKS, KMS_CHECKS, REGION_CHECKS, checksForDenial } from "./candidates";
import { parseTidbMessage, redactTidbSecret } from "./tidb-message";
import type { Triage } from "./types";

const ROLE_ARN = /arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]*[\w+=,@/-]/;

// KMS: the key cannot be used (S3 passes on KMS's answer). Messages of KMS's API reference and S3's 403 page.
const KMS_STATE =
  /DisabledException|KMSInvalidStateException|KMS\.NotFoundException|\bkms\b[\s\S]{0,200}?\bis (?:disabled|pending deletion|pending import)\b|(?:KMS|暗号化キー)[\s\S]{0,120}?(?:無効|削除の?保留|削除待ち|削除予定)/i;
const KMS_DENIED =
  /ciphertext refers to a (?:customer master key|KMS key)|KMS\.AccessDeniedException|kms:\w+ on this resource|the resource does not exist in this Region|(?:KMS|暗号化キー)[\s\S]{0,120}?(?:拒否|権限がありません|許可されていません|アクセスできません|使用できません)/i;
const REGION =
  /failed to get region of bucket|bucket and region are not matched|PermanentRedirect|must be addressed using the specified endpoint|AuthorizationHeaderMalformed|the region '[\w-]+' is wrong|IllegalLocationConstraintException|wrong region|bucket is in (?:this|another) region|リージョン[\s\S]{0,60}?(?:一致し(?:ません|ない|ていません)|異な|間違|正しくありません|取得でき)|(?:バケット|bucket)[\s\S]{0,60}?(?:別の|異なる)リージョン/i;

/** Recognises TiDB Cloud's, S3's, KMS's and STS's messages; null when the text is not one of them. */
export function triageErrorMessage(text: string | null | undefined): Triage | null {
  if (typeof text !== "string") return null;
  const t = text.replace(/\s+/g, " ").trim();
  if (!t) return null;

  const tidb = parseTidbMessage(t);
  if (tidb?.kind === "tidb-assume-role") {
    return { ...tidb, step: "assume-role", checks: ASSUME_ROLE_CHECKS };
  }
  const aws = parseAwsDenial(t);
  if (tidb?.kind === "tidb-access-key" && !aws) {
    return { ...tidb, step: "identity-policy", checks: ACCESS_KEY_CHECKS };
  }
  if (aws) {
    const { reason, ...denial } = aws;
    const lower = aws.action.toLowerCase();
    if (lower === "sts:assumerole") {
      const roleArn = aws.resource && ROLE_ARN.test(aws.resource) ? aws.resource : undefined;
      return {
        kind: "sts-assume-role-denied",
        step: "assume-role",
        checks: ASSUME_ROLE_CHECKS,
        ...denial,
        ...(roleArn ? { roleArn } : {}),
      };
    }
    if (/block public access|パブリックアクセスをブロック/i.test(reason)) {
      return { kind: "block-public-access", step: "bucket-policy", checks: ["bucket.policy.deny"], ...denial };
    }
    const where = checksForDenial(aws.action, aws.policyType, aws.explicit);
    return {
      kind: lower.startsWith("kms:") ? "kms-access-denied" : "s3-access-denied",
      ...where,
      ...denial,
      // TiDB Cloud's access-key message can carry AWS's reason: keep what it names too.
      ...(tidb?.kind === "tidb-access-key"
        ? {
            ...(tidb.bucketUri ? { bucketUri: tidb.bucketUri } : {}),
            ...(tidb.accessKeyId ? { accessKeyId: tidb.accessKeyId } : {}),
          }
        : {}),
    };
  }
  if (KMS_STATE.test(t)) return { kind: "kms-key-state", step: "encryption", checks: ["kms.key-state", ...KMS_CHECKS] };
  if (KMS_DENIED.test(t)) return { kind: "kms-access-denied", step: "encryption", checks: KMS_CHECKS };
  if (REGION.test(t)) return { kind: "bucket-region", step: "bucket-policy", checks: REGION_CHECKS };
  if (/InvalidObjectState|object is archived|not valid for the object's storage class|アーカイブ/i.test(t)) {
    return { kind: "archived-object", step: "encryption", checks: ["objects.archived"] };
  }
  if (
    /InvalidAccessKeyId|access key id you provided does not exist|アクセスキー\s*ID[\s\S]{0,40}?存在しません/i.test(t)
  ) {
    const id = ACCESS_KEY_ID_IN_TEXT.exec(t)?.[0];
    return {
      kind: "invalid-access-key",
      step: "intake",
      checks: ["input.access-key-id", "access-key.owner"],
      ...(id ? { accessKeyId: id } : {}),
    };
  }
  if (/SignatureDoesNotMatch|signature we calculated does not match|署名が一致しません/i.test(t)) {
    return { kind: "signature-mismatch", step: "intake", checks: ["input.access-key-id", "access-key.owner"] };
  }
  if (/access ?denied|403 forbidden|アクセスが拒否|アクセス拒否/i.test(t)) {
    return { kind: "generic-access-denied", step: "identity-policy" };
  }
  return null;
}

/** Removes the secret access key TiDB Cloud echoes in its access-key message (English or Japanese). */
export function redactErrorMessage(text: string): string {
  return redactTidbSecret(text);
}
