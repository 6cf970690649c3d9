/**
 * The fix of a Deny that hits the import (identity policy, permissions boundary, bucket policy or key policy): the
 * import's requests it hits, grouped by kind, become the scope of lib/fixes/deny-exemption.ts, and the finding says
 * in words what the corrected document does (or, when none can be written exactly, what to change).
 */
import { exemptImportFromDeny, type Exemption, type ImportGroup } from "@/lib/fixes/deny-exemption";
import type { Doc } from "@/lib/fixes/workspace";
import { beforeJa } from "./derive/ask";
import type { ImportRequest } from "./derive/requests";
import type { CheckContext, Localized } from "./types";
import { l } from "./types";

const BUCKET_ACTIONS = ["s3:ListBucket", "s3:GetBucketLocation"];
const OBJECT_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"];

/** Where the Deny is: decides what resources it can speak about and whether others are subject to it. */
export type DenyHome = "identity-inline" | "identity-shared" | "bucket" | "key";

/** The import's requests a Deny hits, as groups of actions on one resource pattern; null when one cannot be named. */
function importGroups(ctx: CheckContext, hit: ImportRequest[], home: DenyHome): ImportGroup[] | null {
  const { derived } = ctx;
  const t = derived.target;
  const bucketArn = derived.bucketArn;
  const partition = derived.principal?.partition ?? "aws";
  if (!t || !bucketArn) return null;
  const identity = home.startsWith("identity");
  const actions = (names: string[]) => names.filter((a) => hit.some((r) => r.action === a));
  const groups: ImportGroup[] = [];
  const bucket = actions(BUCKET_ACTIONS);
  if (bucket.length) {
    groups.push({
      actions: bucket,
      resource: bucketArn,
      universe: identity ? `arn:${partition}:s3:::*` : bucketArn,
      kind: "bucket",
      ...(t.folder ? { listPrefix: t.folder } : {}),
    });
  }
  const objects = actions(OBJECT_ACTIONS);
  if (objects.length) {
    const resource = t.kind === "file" && t.key ? `${bucketArn}/${t.key}` : `${bucketArn}/${t.folder}*`;
    groups.push({
      actions: objects,
      resource,
      universe: identity ? `arn:${partition}:s3:::*/*` : `${bucketArn}/*`,
      kind: "object",
    });
  }
  for (const r of hit.filter((x) => x.action === "kms:Decrypt")) {
    // The key must be named by its ARN (an unresolved "alias/aws/s3" cannot be scoped).
    if (!/^arn:[\w-]+:kms:[\w-]+:\d{12}:key\/(mrk-[0-9a-f]{32}|[0-9a-f-]{36})$/i.test(r.resource)) return null;
    groups.push({
      actions: ["kms:Decrypt"],
      resource: r.resource,
      universe: identity ? `arn:${partition}:kms:*:*:key/*` : r.resource,
      kind: "key",
    });
  }
  return groups;
}

export interface DenyFix {
  after: Doc | null;
  /** How the document was corrected: the Deny's own scope (not-resource, action-list) or an exemption (carve-out). */
  how?: "not-resource" | "action-list" | "carve-out";
  /** What the corrected document does, or what to change when there is none. */
  words: Localized;
}

function describe(groups: ImportGroup[]): Localized {
  const parts = groups.map((g) => `${g.actions.join(", ")} on ${g.resource}`);
  const partsJa = groups.map((g) => `${g.resource} に対する ${g.actions.join("、")}`);
  return l(parts.join("; "), partsJa.join("、"));
}

/** The corrected document for Deny statement `index` of `doc` and the words that go with it. */
export async function denyFix(
  ctx: CheckContext,
  doc: Doc,
  index: number,
  statementName: Localized,
  hit: ImportRequest[],
  home: DenyHome,
): Promise<DenyFix> {
  const p = ctx.derived.principal!;
  const groups = importGroups(ctx, hit, home);
  const what = groups ? describe(groups) : l(hit.map((r) => r.action).join(", "), hit.map((r) => r.action).join("、"));
  // The AWS managed key aws/s3 named by its alias only: the exemption needs its key ARN.
  const unresolvedKey = hit.find((r) => r.action === "kms:Decrypt" && r.kmsKey?.manager === "AWS" && !r.kmsKey.key);
  if (!groups && unresolvedKey) {
    const account = unresolvedKey.kmsKey?.accountId ?? ctx.derived.bucketAccount ?? "";
    return {
      after: null,
      words: l(
        `No corrected document is shown: the ARN of the AWS managed key aws/s3 is not known here (\`aws kms describe-key --key-id alias/aws/s3\`${account ? ` in account ${account}` : ""}${ctx.derived.region ? `, region ${ctx.derived.region}` : ""} shows it). Change ${statementName.en} so that it no longer denies kms:Decrypt on that key ARN to ${p.principalArn}, for example by adding the ARN to a NotResource list, or analyse again with kms:DescribeKey allowed to the diagnosing credentials.`,
        `AWS 管理キー aws/s3 の ARN がここでは不明なため、修正後のドキュメントは表示していません（${account ? `アカウント ${account} の` : ""}${ctx.derived.region ? `リージョン ${ctx.derived.region} で ` : ""}\`aws kms describe-key --key-id alias/aws/s3\` を実行すると確認できます）。${beforeJa(statementName.ja)}が ${p.principalArn} に対してそのキー ARN の kms:Decrypt を拒否しないように変更するか（たとえば NotResource にその ARN を追加します）、診断用の認証情報に kms:DescribeKey を許可してもう一度分析してください。`,
      ),
    };
  }
  const result: Exemption = groups
    ? await exemptImportFromDeny(
        doc,
        index,
        { principalArn: p.principalArn, groups },
        home === "identity-inline" ? "inline" : "shared",
        home.startsWith("identity") ? "identity" : "resource",
      )
    : { after: null, why: "resources" };
  if (result.after) {
    const words =
      result.how === "not-resource"
        ? l(
            `${statementName.en} denies everything except its NotResource list, which lacks the import's resources: the corrected document adds ${groups!.map((g) => g.resource).join(", ")} to it.`,
            `${beforeJa(statementName.ja)}は NotResource に挙げたもの以外をすべて拒否しますが、その一覧にインポートのリソースがありません。修正後のドキュメントでは ${groups!.map((g) => g.resource).join("、")} を追加しています。`,
          )
        : result.how === "action-list"
          ? l(
              `${statementName.en} names, besides ${hit
                .map((r) => r.action)
                .filter((a, i, xs) => xs.indexOf(a) === i)
                .join(
                  ", ",
                )}, only actions that write: the corrected document takes the import's reads out of its Action list.`,
              `${beforeJa(statementName.ja)}の Action には ${hit
                .map((r) => r.action)
                .filter((a, i, xs) => xs.indexOf(a) === i)
                .join(
                  "、",
                )} のほかに書き込みのアクションしかありません。修正後のドキュメントでは、インポートの読み取りを Action から外しています。`,
            )
          : home === "identity-inline"
            ? l(
                `The corrected document narrows ${statementName.en} so that it still denies everything it denied except the import's requests (${what.en}).`,
                `修正後のドキュメントでは、${beforeJa(statementName.ja)}を狭め、インポートのリクエスト（${what.ja}）以外はこれまでどおり拒否するようにしています。`,
              )
            : result.added
              ? l(
                  `The corrected document keeps ${statementName.en} for everyone else and exempts ${p.principalArn} from it only for the import's requests (${what.en}): the statement gets an aws:PrincipalArn exception, and is repeated for ${p.principalArn} without those requests.`,
                  `修正後のドキュメントでは、${beforeJa(statementName.ja)}を他のプリンシパルにはそのまま適用し、${p.principalArn} についてはインポートのリクエスト（${what.ja}）だけを除外しています。ステートメントに aws:PrincipalArn の例外を加え、${p.principalArn} 向けにそれらのリクエストを除いた同じステートメントを追加しています。`,
                )
              : l(
                  `The corrected document keeps ${statementName.en} for everyone else and exempts ${p.principalArn} from it with an aws:PrincipalArn exception: for ${p.principalArn} it denies nothing but the import's requests (${what.en}).`,
                  `修正後のドキュメントでは、${beforeJa(statementName.ja)}を他のプリンシパルにはそのまま適用し、aws:PrincipalArn の例外で ${p.principalArn} を除外しています。${p.principalArn} に対してこのステートメントが拒否していたのはインポートのリクエスト（${what.ja}）だけです。`,
                );
    return { after: result.after, words, how: result.how };
  }
  const why =
    result.why === "only-import"
      ? l(
          `${statementName.en} denies nothing but the import's requests (${what.en}): remove it, or narrow its Action or Resource so that it leaves them alone.`,
          `${beforeJa(statementName.ja)}はインポートのリクエスト（${what.ja}）だけを拒否しています。削除するか、それらを含まないように Action または Resource を狭めてください。`,
        )
      : l(
          `No corrected document is shown, because no exact edit exempts only the import's requests here. Change ${statementName.en} so that it no longer applies to ${p.principalArn} for ${what.en}, and to nothing else.`,
          `ここではインポートのリクエストだけを除外する正確な修正を作れないため、修正後のドキュメントは表示していません。${beforeJa(statementName.ja)}が ${p.principalArn} の ${what.ja}に適用されず、それ以外は変わらないように変更してください。`,
        );
  return { after: null, words: why };
}
