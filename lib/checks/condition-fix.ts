/**
 * Corrects the conditions of an Allow that misses the import instead of dropping them (issue 11, "Correct conditions
 * instead of dropping them"), from the value the import's request carries for each failing key:
 * - s3:prefix (and the other list-only keys) on a statement that also grants object reads: split the statement, so
 *   that the condition stays on the listing (only list requests carry these keys: Service Authorization Reference,
 *   Amazon S3, condition keys of ListBucket);
 * - s3:prefix on the listing: add the import's folder;
 * - kms:ViaService naming S3 in another Region: the bucket's Region instead;
 * - kms:EncryptionContext:aws:s3:arn missing a context S3 passes (another bucket, or the bucket's ARN where objects use an
 *   S3 Bucket Key, or the objects' ARNs where they do not): add every context the objects give (encryption-context-fix.ts);
 * - aws:ResourceAccount / s3:ResourceAccount / kms:CallerAccount with a typo: the right account instead.
 * Anything else is not corrected here (null): then a new unconditioned statement is the last resort, said so.
 */
import { addConditionValue } from "@/lib/fixes/policy-edits";
import { replaceConditionValues, splitStatement } from "@/lib/fixes/condition-edits";
import type { Doc } from "@/lib/fixes/workspace";
import { beforeJa, statementsOf } from "./derive/ask";
import { correctEncryptionContext } from "./encryption-context-fix";
import type { ImportRequest } from "./derive/requests";
import type { CheckContext, Localized } from "./types";
import { l } from "./types";

const LIST_ONLY_KEYS = ["s3:prefix", "s3:delimiter", "s3:max-keys"];
const ACCOUNT_KEYS = ["aws:resourceaccount", "s3:resourceaccount", "kms:calleraccount"];
const S3_ENDPOINT = /^s3\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

export interface FailedEntry {
  operator: string;
  key: string;
}

export interface Correction {
  after: Doc;
  named: Localized;
}

function contextValue(req: ImportRequest, key: string): string | null {
  const k = Object.keys(req.context).find((x) => x.toLowerCase() === key.toLowerCase());
  const v = k ? req.context[k] : undefined;
  return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? null) : null;
}

function conditionValues(doc: Doc, index: number, operator: string, key: string): string[] {
  const block = (statementsOf(doc)[index]?.Condition as Record<string, Record<string, unknown>> | undefined)?.[
    operator
  ];
  const k = Object.keys(block ?? {}).find((x) => x.toLowerCase() === key.toLowerCase());
  const v = k ? block![k] : undefined;
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

const q = (xs: string[]) => xs.map((x) => JSON.stringify(x)).join(", ");

/**
 * Corrects every failing condition entry of statement `index` for `req`, or null when one cannot be corrected.
 * `split`: the import's object actions and resource, for a statement whose list-only condition keeps them out.
 */
export function correctConditions(
  ctx: CheckContext,
  req: ImportRequest,
  doc: Doc,
  index: number,
  failed: FailedEntry[],
  at: Localized,
  split?: { actions: string[]; resource: string; sid: string },
): Correction | null {
  let after = doc;
  const en: string[] = [];
  const ja: string[] = [];
  const bucketArn = ctx.derived.bucketArn;
  const folder = ctx.derived.target?.folder ?? "";
  for (const f of failed) {
    const key = f.key.toLowerCase();
    if (/Not/.test(f.operator) || /^ForAllValues:/.test(f.operator)) return null;
    const have = conditionValues(after, index, f.operator, f.key);
    const value = contextValue(req, f.key);
    if (LIST_ONLY_KEYS.includes(key)) {
      if (req.action !== "s3:ListBucket" && split) {
        const resources = (() => {
          const st = statementsOf(after)[index];
          const r = st?.Resource;
          const own = (Array.isArray(r) ? r : r === undefined ? [] : [r]).map(String);
          const objects = own.filter((x) => x === "*" || /^arn:[^:]+:s3:::[^/]+\/./.test(x));
          return objects.length ? objects : [split.resource];
        })();
        after = splitStatement(after, index, split.actions, resources, LIST_ONLY_KEYS, split.sid);
        return {
          after,
          named: l(
            `${at.en} grants ${split.actions.join(", ")} together with the listing under ${f.operator} ${f.key} ${q(have)}; only list requests carry ${f.key}, so ${req.action} never meets it. The statement is split: the condition stays on s3:ListBucket, and ${split.actions.join(", ")} get a statement of their own (Sid ${split.sid}) with the statement's other conditions.`,
            `${beforeJa(at.ja)}は ${split.actions.join("、")} を一覧の取得と一緒に ${f.operator} ${f.key} ${q(have)} の条件付きで許可していますが、${f.key} を含むのは一覧のリクエストだけなので、${req.action} はこの条件を満たしません。ステートメントを分割し、条件は s3:ListBucket に残したまま、${split.actions.join("、")} には他の条件だけを付けた専用のステートメント（Sid ${split.sid}）を用意します。`,
          ),
        };
      }
      if (req.action !== "s3:ListBucket" || key !== "s3:prefix" || value === null) return null;
      const add = /Like/.test(f.operator) ? `${folder}*` : folder;
      after = addConditionValue(after, index, f.operator, f.key, add);
      en.push(
        `it allows listing only when ${f.operator} s3:prefix ${q(have)}, and TiDB Cloud lists with prefix "${folder}": "${add}" is added`,
      );
      ja.push(
        `${f.operator} s3:prefix ${q(have)} の場合にのみ一覧の取得を許可していますが、TiDB Cloud はプレフィックス「${folder}」で一覧を取得するため、「${add}」を追加します`,
      );
    } else if (key === "kms:viaservice" && value) {
      const wrong = have.filter((v) => S3_ENDPOINT.test(v) && v !== value);
      after = wrong.length
        ? replaceConditionValues(after, index, f.operator, f.key, (v) => (wrong.includes(v) ? value : v))
        : addConditionValue(after, index, f.operator, f.key, value);
      en.push(
        wrong.length
          ? `kms:ViaService names ${q(wrong)}, S3 in another Region; S3 calls KMS from the bucket's Region: corrected to "${value}"`
          : `kms:ViaService does not name S3 in the bucket's Region: "${value}" is added`,
      );
      ja.push(
        wrong.length
          ? `kms:ViaService が別のリージョンの S3（${q(wrong)}）を指定していますが、S3 はバケットのリージョンから KMS を呼び出すため、「${value}」に修正します`
          : `kms:ViaService にバケットのリージョンの S3 が含まれていないため、「${value}」を追加します`,
      );
    } else if (key === "kms:encryptioncontext:aws:s3:arn" && bucketArn) {
      const c = correctEncryptionContext(after, index, f.operator, f.key, have, req, bucketArn, folder);
      if (!c) return null;
      after = c.after;
      en.push(c.named.en);
      ja.push(c.named.ja);
    } else if (ACCOUNT_KEYS.includes(key) && value) {
      const typo = have.find((v) => /^\d{12}$/.test(v) && v !== value && distance(v, value) <= 2);
      after = typo
        ? replaceConditionValues(after, index, f.operator, f.key, (v) => (v === typo ? value : v))
        : addConditionValue(after, index, f.operator, f.key, value);
      en.push(
        typo
          ? `${f.key} names ${typo}, a typo of ${value}: corrected`
          : `${f.key} names ${q(have)}, not ${value}: "${value}" is added`,
      );
      ja.push(
        typo
          ? `${f.key} の ${typo} は ${value} の入力ミスのため、修正します`
          : `${f.key} が ${q(have)} を指定しており ${value} ではないため、「${value}」を追加します`,
      );
    } else {
      return null;
    }
  }
  return {
    after,
    named: l(`${at.en}: ${en.join("; ")}.`, `${at.ja}: ${ja.join("。")}。`),
  };
}
