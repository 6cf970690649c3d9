/**
 * Why a condition key's value is not known, for the keys that pasting more settles: the snapshot's documents were
 * pasted by hand (the offline form), or the objects did not say.
 */
import { keyInTarget, parseBucketUri } from "@/lib/snapshot/bucket-uri";
import type { Snapshot } from "@/lib/snapshot/schema";
import { pastedByHand } from "../helpers";
import type { Localized } from "../types";
import { l } from "../types";

export interface UnknownKeyReason {
  key: string;
  why: Localized;
  /** The IAM action that would let the diagnosis read the value (null: only TiDB Cloud knows it, or see `paste`). */
  read: string | null;
  /** Pasted by hand (offline), no IAM action granted settles it: what the user pastes instead, where, and what it says. */
  paste?: { what: Localized; box: Localized; note: Localized };
}

/**
 * kms:EncryptionContext:aws:s3:arn, only partly known: the bucket's default has the S3 Bucket Key on, and the objects
 * did not say whether they use it (requests.ts encryptionContexts; Amazon S3 User Guide, doc_source/bucket-key.md).
 * Live (or from the CloudShell bundle), HeadObject settles it, which needs s3:GetObject; pasted by hand, the output of
 * aws s3api head-object for a data file does (its BucketKeyEnabled field, doc_source/viewing-bucket-key-settings.md).
 */
export function bucketKeyReason(snapshot: Snapshot, key: string): UnknownKeyReason {
  const what = {
    en: "kms:EncryptionContext:aws:s3:arn, which S3 sets to the bucket's ARN for objects written with an S3 Bucket Key and to the object's ARN for the others: the bucket has its Bucket Key on, but objects written before it was turned on do not use it, and whether the objects under the import do is not known",
    ja: "kms:EncryptionContext:aws:s3:arn（S3 バケットキーを使って書き込まれたオブジェクトではバケットの ARN、それ以外ではオブジェクトの ARN になります。バケットではバケットキーが有効ですが、有効にする前に書き込まれたオブジェクトは使用しません。インポート対象のオブジェクトがどちらなのかは",
  };
  if (!pastedByHand(snapshot))
    return {
      key,
      why: l(
        `${what.en} (reading them with s3:HeadObject, which needs s3:GetObject, settles it)`,
        `${what.ja}不明で、s3:HeadObject（必要な権限は s3:GetObject）でオブジェクトを読み取れば判定できます）`,
      ),
      read: "s3:GetObject",
    };
  const target = parseBucketUri(snapshot.target.bucketUri).value;
  const bucket = target?.bucket ?? "<bucket>";
  // A data file whose HEAD was not pasted: one from the pasted listing, the imported file, or any under the folder.
  const unsaid = (snapshot.objects ?? []).find(
    (o) =>
      (!target || keyInTarget(target, o.key)) &&
      typeof o.bucketKeyEnabled !== "boolean" &&
      (o.sse === "aws:kms" || o.sse == null),
  )?.key;
  const file = unsaid ?? (target?.kind === "file" ? target.key : undefined);
  const under = target ? `s3://${target.bucket}/${target.folder}` : "";
  const command = `aws s3api head-object --bucket ${bucket} --key ${file ?? "<key>"}`;
  return {
    key,
    why: l(`${what.en} (the pasted documents do not say)`, `${what.ja}貼り付けられた内容からはわかりません）`),
    read: null,
    paste: {
      what: l(
        `the output of ${command} for ${file ? "a data file of the import" : `a data file under ${under}`}`,
        `${file ? "インポート対象のデータファイル" : `${under} 以下のデータファイル`}についての ${command} の出力`,
      ),
      box: l("“Objects under the folder”", "「フォルダー内のオブジェクト」"),
      note: l(
        "its BucketKeyEnabled field is true for an object written with an S3 Bucket Key, and absent otherwise",
        "S3 バケットキーを使って書き込まれたオブジェクトでは BucketKeyEnabled フィールドが true になり、それ以外では含まれません",
      ),
    },
  };
}

/**
 * aws:RequestedRegion pasted by hand without the bucket's Region: the start form's “Bucket region” field settles it
 * (Amazon S3 API Reference, GetBucketLocation: a null LocationConstraint is us-east-1).
 */
export function regionReason(snapshot: Snapshot, key: string): UnknownKeyReason {
  const bucket = parseBucketUri(snapshot.target.bucketUri).value?.bucket ?? "<bucket>";
  return {
    key,
    why: l(
      "aws:RequestedRegion (the bucket's Region, which the pasted documents do not give)",
      "aws:RequestedRegion（バケットのリージョン。貼り付けられた内容からはわかりません）",
    ),
    read: null,
    paste: {
      what: l("the bucket's Region (such as ap-northeast-1)", "バケットのリージョン（ap-northeast-1 など）"),
      box: l("“Bucket region”", "「バケットのリージョン」"),
      note: l(
        `aws s3api get-bucket-location --bucket ${bucket} prints it (null means us-east-1)`,
        `aws s3api get-bucket-location --bucket ${bucket} で確認できます。null は us-east-1 です`,
      ),
    },
  };
}
