/**
 * AWS's own denial messages, as S3, KMS and STS write them ("User: <arn> is not authorized to perform: <action> on
 * resource: "<arn>" because no identity-based policy allows the <action> action"; S3 User Guide, "Troubleshoot access
 * denied (403 Forbidden) errors", access denied message examples), and the same message in Japanese as the AWS
 * console or a translated page shows it to a Japanese user (「ユーザー: <arn> には … を実行する権限がありません。
 * アイデンティティベースのポリシーで … が許可されていないためです」).
 */
import type { PolicyType } from "./types";

export interface AwsDenial {
  principal?: string;
  action: string;
  resource?: string;
  policyType?: PolicyType;
  explicit?: boolean;
  /** The rest of the message after the action and resource (where "because …" is). */
  reason: string;
}

const POLICY_TYPES: [RegExp, PolicyType][] = [
  [/identity[- ]based|アイデンティティ\s*ベース|ID\s*ベース/i, "identity"],
  [/resource control|リソース\s*コントロール\s*ポリシー|\bRCP\b/i, "rcp"],
  [/resource[- ]based|リソース\s*ベース/i, "resource"],
  [/service control|サービス\s*コントロール\s*ポリシー|\bSCP\b/i, "scp"],
  [/vpc endpoint|VPC\s*エンドポイント/i, "vpc-endpoint"],
  [/permissions boundary|アクセス許可の境界|アクセス許可境界|権限境界|許可の境界/i, "permissions-boundary"],
  [/session|セッション\s*ポリシー/i, "session"],
];

function policyTypeOf(text: string): PolicyType | undefined {
  return POLICY_TYPES.find(([re]) => re.test(text))?.[1];
}

const EN =
  /User: (\S+) is not authorized to perform: ([\w-]+:[\w*]+)(?: on resource: (?:"([^"]+)"|(\S+?)))?(?=\.?\s|\.?$)(.*)$/i;

function english(t: string): AwsDenial | null {
  const m = EN.exec(t);
  if (!m) return null;
  const [, principal, action, quoted, bare, rest] = m;
  const explicitM = /with an explicit deny in an? (.+?)(?: policy)?(?:\.|$)/i.exec(rest);
  const implicitM = /because no (.+?) (?:policy )?allows the/i.exec(rest);
  const policyType = policyTypeOf(explicitM?.[1] ?? implicitM?.[1] ?? "");
  return {
    principal,
    action,
    ...((quoted ?? bare) ? { resource: quoted ?? bare } : {}),
    ...(policyType ? { policyType } : {}),
    ...(explicitM ? { explicit: true } : implicitM ? { explicit: false } : {}),
    reason: rest,
  };
}

const KANA = /[\u3040-\u30ff]/;
const JA_DENIED =
  /権限がありません|権限がない|許可されていません|承認されていません|認可されていません|実行できません|拒否/;
const ACTION = /\b((?:s3|kms|sts|iam):[A-Za-z*]+)/;
// ARNs are ASCII; in Japanese text one ends where the Japanese starts (there is often no space).
const ARN_CHARS = "[A-Za-z0-9:/_+=,.@*?!$&~%-]+";
const ANY_ARN = new RegExp(`arn:${ARN_CHARS}`, "g");

function japanese(t: string): AwsDenial | null {
  if (!KANA.test(t) || !JA_DENIED.test(t)) return null;
  const action = ACTION.exec(t)?.[1];
  if (!action) return null;
  const principal = new RegExp(`(?:ユーザー|User)\\s*[:：]\\s*(arn:${ARN_CHARS})`, "i").exec(t)?.[1];
  const resource = new RegExp(`(?:リソース|resource)\\s*[:：]?\\s*["「“']?(arn:${ARN_CHARS})`, "i").exec(t)?.[1];
  const after = t.slice(t.indexOf(action) + action.length).replace(ANY_ARN, " ");
  const explicit = /明示的/.test(t)
    ? true
    : /許可されていない|許可していない|許可するポリシーがない|許可がない|許可するものがない/.test(t)
      ? false
      : undefined;
  // The policy type is named after the action ("… を実行する権限がありません。アイデンティティベースのポリシーで …").
  const policyType = policyTypeOf(after) ?? policyTypeOf(t.replace(ANY_ARN, " "));
  return {
    ...(principal ? { principal } : {}),
    action,
    ...(resource ? { resource } : {}),
    ...(policyType ? { policyType } : {}),
    ...(explicit !== undefined ? { explicit } : {}),
    reason: after,
  };
}

/** AWS's "is not authorized to perform" message, in English or Japanese; null when the text is not one. */
export function parseAwsDenial(text: string): AwsDenial | null {
  return english(text) ?? japanese(text);
}
