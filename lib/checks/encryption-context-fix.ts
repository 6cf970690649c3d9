/**
 * The correction of a kms:EncryptionContext:aws:s3:arn condition that misses kms:Decrypt as S3 makes it (see
 * condition-fix.ts). S3 passes the bucket's ARN for an object written with an S3 Bucket Key and the object's ARN for
 * the others, per object: "When you configure an S3 Bucket Key, objects that are already in the bucket do not use the
 * S3 Bucket Key", and "If your existing IAM policies or AWS KMS key policies use your object ARN as the encryption
 * context ... these policies won't work with an S3 Bucket Key" (Amazon S3 User Guide, doc_source/bucket-key.md). So
 * the corrected condition allows every context the import's objects give or may give (the request's forms, `alsoAs`,
 * and a partly known value's `oneOf`): the bucket's ARN, and the folder's objects (`<bucket ARN>/<folder>*`, under a
 * Like operator since each object has its own ARN). The values the condition already had are kept.
 */
import { wildcardMatch } from "@/lib/policy";
import { addConditionValue } from "@/lib/fixes/policy-edits";
import { moveConditionKey } from "@/lib/fixes/condition-edits";
import type { Doc } from "@/lib/fixes/workspace";
import type { ImportRequest } from "./derive/requests";
import type { Localized } from "./types";
import { l } from "./types";

const KEY = "kms:encryptioncontext:aws:s3:arn";

/** Every value the request, in each of its forms, may carry for the key. */
function contextValues(req: ImportRequest): { values: string[]; undecided: boolean } {
  const values = new Set<string>();
  let undecided = false;
  for (const r of [req, ...(req.alsoAs ?? [])]) {
    for (const [k, v] of Object.entries(r.context)) if (k.toLowerCase() === KEY && typeof v === "string") values.add(v);
    for (const [k, p] of Object.entries(r.partialContext ?? {}))
      if (k.toLowerCase() === KEY && "oneOf" in p) {
        undecided = true;
        p.oneOf.forEach((v) => values.add(v));
      }
  }
  return { values: [...values], undecided };
}

/** Whether one of the condition's values already matches `value` under `operator`. */
function covered(have: string[], operator: string, value: string): boolean {
  const op = operator.replace(/^For(All|Any)Values:/, "").replace(/IfExists$/, "");
  if (/Like$/.test(op)) return have.some((h) => wildcardMatch(h, value));
  if (op === "StringEqualsIgnoreCase") return have.some((h) => h.toLowerCase() === value.toLowerCase());
  return have.includes(value);
}

const q = (xs: string[]) => xs.map((x) => JSON.stringify(x)).join(", ");

/**
 * The condition `operator` `kms:EncryptionContext:aws:s3:arn` of statement `index`, corrected to allow every context
 * of `req`, with the words that say why; null when it cannot be (a case-insensitive operator that would need a Like).
 */
export function correctEncryptionContext(
  doc: Doc,
  index: number,
  operator: string,
  key: string,
  have: string[],
  req: ImportRequest,
  bucketArn: string,
  folder: string,
): { after: Doc; named: Localized } | null {
  const { values, undecided } = contextValues(req);
  const missing = [
    ...new Set(
      values
        .filter((v) => !covered(have, operator, v))
        .map((v) => (v === bucketArn ? bucketArn : `${bucketArn}/${folder}*`)),
    ),
  ];
  if (missing.length === 0) return null;
  const objectPattern = missing.find((t) => t !== bucketArn);
  const like = /Like/.test(operator);
  let to = operator;
  let after = doc;
  if (objectPattern && !like) {
    if (!/(String|Arn)Equals/.test(operator) || /IgnoreCase/.test(operator)) return null;
    to = operator.replace(/Equals/, "Like");
    after = moveConditionKey(after, index, operator, to, key, objectPattern);
  }
  for (const t of missing) after = addConditionValue(after, index, to, key, t);

  const bucketKey = values.includes(bucketArn);
  const objects = values.some((v) => v !== bucketArn);
  const mentionsBucket = have.some(
    (h) => h === bucketArn || h.startsWith(`${bucketArn}/`) || wildcardMatch(h, bucketArn),
  );
  const why = undecided
    ? l(
        "S3 passes the bucket's ARN for objects written with an S3 Bucket Key and each object's ARN for the others, and which the objects use is not known (objects written before the bucket's Bucket Key was turned on do not use it), so both are allowed",
        "S3 は S3 バケットキーを使って書き込まれたオブジェクトではバケットの ARN、それ以外ではオブジェクトの ARN を渡しますが、オブジェクトがどちらなのかは不明なため（バケットキーを有効にする前に書き込まれたオブジェクトは使用しません）、両方を許可します",
      )
    : bucketKey && objects
      ? l(
          "some objects were written with an S3 Bucket Key and some without (for example before the bucket's Bucket Key was turned on): S3 passes the bucket's ARN for the first and each object's ARN for the others, so both are allowed",
          "一部のオブジェクトは S3 バケットキーを使って、残りはバケットキーなしで（たとえばバケットキーを有効にする前に）書き込まれています。S3 は前者ではバケットの ARN、後者ではオブジェクトの ARN を渡すため、両方を許可します",
        )
      : bucketKey
        ? l(
            "the objects were written with an S3 Bucket Key, for which S3 passes the bucket's ARN",
            "オブジェクトは S3 バケットキーを使って書き込まれており、S3 はバケットの ARN を渡します",
          )
        : l(
            "the objects were written without an S3 Bucket Key (for example before the bucket's Bucket Key was turned on), for which S3 passes each object's ARN",
            "オブジェクトは S3 バケットキーなしで（たとえばバケットキーを有効にする前に）書き込まれており、S3 はオブジェクトごとの ARN を渡します",
          );
  const moved = to !== operator;
  return {
    after,
    named: l(
      `kms:EncryptionContext:aws:s3:arn names ${q(have)}${mentionsBucket ? "" : ", not this bucket"}; ${why.en}: ${q(missing)} ${missing.length > 1 ? "are" : "is"} added${moved ? ` (under ${to}, since each object has its own ARN)` : ""}`,
      `kms:EncryptionContext:aws:s3:arn は ${q(have)} を指定しています${mentionsBucket ? "" : "（このバケットではありません）"}。${why.ja}。そのため「${missing.join("」「")}」を追加します${moved ? `（オブジェクトごとに ARN が異なるため ${to} にします）` : ""}`,
    ),
  };
}
