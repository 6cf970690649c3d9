/**
 * Why a condition key's value is not known for TiDB Cloud's requests, in both languages, and whether reading more of
 * the account would settle it (then a check says `unknown` and names the IAM action; otherwise the value is
 * TiDB Cloud's own and the check says `warn`).
 */
import { SESSION_NAME_KEY } from "@/lib/policy";
import type { Snapshot } from "@/lib/snapshot/schema";
import { pastedByHand } from "../helpers";
import { needs } from "../reasons";
import type { Localized } from "../types";
import { l } from "../types";
import { bucketKeyReason, regionReason, type UnknownKeyReason } from "./pasted-reasons";
import { sessionTagsPossible } from "./request-context";

const family = (key: string, prefix: string) => key.toLowerCase().startsWith(prefix.toLowerCase());

function unknownKeyReason(snapshot: Snapshot, key: string, action: string): UnknownKeyReason {
  const role = snapshot.target.mode === "role";
  const k = key.toLowerCase();
  if (k === SESSION_NAME_KEY.toLowerCase())
    return {
      key,
      why: l(
        "the role session name, which TiDB Cloud chooses when it assumes the role and does not publish (name the role ARN through aws:PrincipalArn instead of a session ARN)",
        "ロールセッション名（TiDB Cloud がロールを引き受けるときに決め、公開していません。セッション ARN ではなく aws:PrincipalArn でロール ARN を指定してください）",
      ),
      read: null,
    };
  if (k === "aws:userid") {
    if (role && !snapshot.role?.id)
      return {
        key,
        why: l(
          "aws:userid (the role's unique ID, not in the snapshot, followed by the session name)",
          "aws:userid（スナップショットにないロールの一意の ID と、それに続くセッション名）",
        ),
        read: "iam:GetRole",
      };
    return {
      key,
      why: role
        ? l(
            "aws:userid, whose part after the role's unique ID is the session name TiDB Cloud chooses",
            "aws:userid（ロールの一意の ID の後ろは TiDB Cloud が決めるセッション名）",
          )
        : l(
            "aws:userid (the IAM user's unique ID, not in the snapshot)",
            "aws:userid（スナップショットにない IAM ユーザーの一意の ID）",
          ),
      read: role ? null : "iam:GetUser",
    };
  }
  if (k === "aws:sourceip")
    return {
      key,
      why: l(
        "TiDB Cloud's source IP addresses (not published)",
        "TiDB Cloud の送信元 IP アドレス（公開されていません）",
      ),
      read: null,
    };
  if (k === "aws:sourceidentity" || k === "sts:sourceidentity")
    return {
      key,
      why: l(
        `${key} (the source identity TiDB Cloud may set when it assumes the role, since the trust policy allows sts:SetSourceIdentity; whether it sets one is not published)`,
        `${key}（信頼ポリシーが sts:SetSourceIdentity を許可しているため TiDB Cloud がロールを引き受けるときに設定する可能性のあるソース ID。設定するかどうかは公開されていません）`,
      ),
      read: null,
    };
  if (k === "aws:sourcevpce" || k === "aws:sourcevpc" || k === "aws:vpcsourceip")
    return {
      key,
      why: l(
        `${key} (absent, or TiDB Cloud's own value: its requests never come through your VPC endpoints, and whether they come through one of TiDB Cloud's own network is not published)`,
        `${key}（存在しないか、TiDB Cloud 自身の値。TiDB Cloud のリクエストがお客様の VPC エンドポイントを経由することはなく、TiDB Cloud 自身のネットワークの VPC エンドポイントを経由するかどうかは公開されていません）`,
      ),
      read: null,
    };
  if (k === "aws:principalorgid" || k === "aws:principalorgpaths")
    return {
      key,
      why: l(
        `${key} (the organization of the principal's account, which the diagnosis does not read)`,
        `${key}（プリンシパルのアカウントが属する組織。診断では読み取りません）`,
      ),
      read: null,
    };
  if (family(key, "aws:PrincipalTag/")) {
    if (role && snapshot.role?.tags && sessionTagsPossible(snapshot))
      return {
        key,
        why: l(
          `${key}: the trust policy lets TiDB Cloud pass session tags (sts:TagSession), which would add to the role's tags`,
          `${key}: 信頼ポリシーが TiDB Cloud にセッションタグ（sts:TagSession）を許可しており、ロールのタグに追加される可能性があります`,
        ),
        read: null,
      };
    return {
      key,
      why: l(
        `${key} (the ${role ? "role" : "user"}'s tags were not read)`,
        `${key}（${role ? "ロール" : "ユーザー"}のタグを読み取れていません）`,
      ),
      read: role ? "iam:ListRoleTags" : "iam:ListUserTags",
    };
  }
  if (family(key, "s3:ExistingObjectTag/"))
    return {
      key,
      why: l(`${key} (the objects' tags were not read)`, `${key}（オブジェクトのタグを読み取れていません）`),
      read: "s3:GetObjectTagging",
    };
  if (family(key, "aws:ResourceTag/")) {
    const kms = action.toLowerCase().startsWith("kms:");
    return {
      key,
      why: kms
        ? l(`${key} (the KMS key's tags were not read)`, `${key}（KMS キーのタグを読み取れていません）`)
        : l(
            `${key} (the bucket's tags, which the diagnosis does not read)`,
            `${key}（バケットのタグ。診断では読み取りません）`,
          ),
      read: kms ? "kms:ListResourceTags" : null,
    };
  }
  if (k === "aws:requestedregion" && pastedByHand(snapshot)) return regionReason(snapshot, key);
  if (k === "aws:requestedregion")
    return {
      key,
      why: l(
        "aws:RequestedRegion (the bucket's Region, which is not known)",
        "aws:RequestedRegion（バケットのリージョン。不明です）",
      ),
      read: "s3:GetBucketLocation",
    };
  if (k === "s3:x-amz-content-sha256")
    return {
      key,
      why: l(
        "s3:x-amz-content-sha256 (whether TiDB Cloud's client signs the request body or sends UNSIGNED-PAYLOAD is not published)",
        "s3:x-amz-content-sha256（TiDB Cloud のクライアントがリクエスト本文に署名するか UNSIGNED-PAYLOAD を送るかは公開されていません）",
      ),
      read: null,
    };
  if (k === "aws:resourceaccount" || k === "s3:resourceaccount")
    return {
      key,
      why: l(
        `${key} (the account that owns the resource is not known)`,
        `${key}（リソースを所有するアカウントが不明です）`,
      ),
      read: action.toLowerCase().startsWith("kms:") ? "kms:DescribeKey" : "s3:GetBucketAcl",
    };
  if (k === "kms:resourcealiases")
    return {
      key,
      why: l(
        "kms:ResourceAliases (the key's aliases were not read)",
        "kms:ResourceAliases（キーのエイリアスを読み取れていません）",
      ),
      read: "kms:ListAliases",
    };
  if (k === "s3:max-keys")
    return {
      key,
      why: l(
        "s3:max-keys (how many keys TiDB Cloud asks for per listing page is not published)",
        "s3:max-keys（TiDB Cloud が一覧取得 1 回で要求するキー数は公開されていません）",
      ),
      read: null,
    };
  if (k === "kms:encryptioncontext:aws:s3:arn") return bucketKeyReason(snapshot, key);
  if (k === "s3:tlsversion")
    return {
      key,
      why: l(
        "s3:TlsVersion (TiDB Cloud's client may negotiate TLS 1.2 or 1.3)",
        "s3:TlsVersion（TiDB Cloud のクライアントは TLS 1.2 または 1.3 を使う可能性があります）",
      ),
      read: null,
    };
  return {
    key,
    why: l(
      `${key}, whose value for TiDB Cloud's requests is not known`,
      `${key}（TiDB Cloud のリクエストでの値は不明です）`,
    ),
    read: null,
  };
}

/**
 * The reasons for several keys; whether the user can settle all of them (`readable`: by allowing IAM actions to the
 * diagnosing credentials, or, pasted by hand, by pasting more); `settle`, the sentence that says how; `needed`, what is
 * missing (a finding's `unavailable`), null when nothing the user gives would settle any.
 */
export function unknownKeysText(
  snapshot: Snapshot,
  keys: string[],
  action: string,
): { text: Localized; read: string[]; readable: boolean; settle: Localized; needed: Localized | null } {
  const reasons = [...new Set(keys)].map((k) => unknownKeyReason(snapshot, k, action));
  const read = [...new Set(reasons.map((r) => r.read).filter((r): r is string => r !== null))];
  const pastes = reasons.flatMap((r) => (r.paste ? [r.paste] : []));
  // Pasted by hand there are no diagnosing credentials to grant anything to: the live diagnosis or the CloudShell
  // script reads what the offline form has no place for.
  const offline = pastedByHand(snapshot);
  const grant = !read.length
    ? null
    : offline
      ? l(
          `run the diagnosis live or with the CloudShell script, which read it with ${read.join(", ")} (the offline form has no place for it)`,
          `ライブまたは CloudShell スクリプトで診断を実行（${read.join("、")} で読み取ります。オフラインの入力にはこの情報の欄がありません）`,
        )
      : l(`allow ${read.join(", ")} to the diagnosing credentials`, `診断用の認証情報に ${read.join("、")} を許可`);
  const readNeeded = offline
    ? l(
        `read live or with the CloudShell script (${read.join(", ")})`,
        `ライブまたは CloudShell スクリプトでの読み取り（${read.join("、")}）が必要です`,
      )
    : needs(read.join(", "));
  const paste = pastes.length
    ? l(
        `paste ${pastes.map((p) => `${p.what.en} in ${p.box.en}`).join(", and ")}`,
        `${pastes.map((p) => `${p.what.ja}を${p.box.ja}に`).join("、")}貼り付け`,
      )
    : null;
  const notes = l(pastes.map((p) => p.note.en).join("; "), pastes.map((p) => p.note.ja).join("。"));
  const how = [grant, paste].filter((x): x is Localized => x !== null);
  const settle = how.length
    ? l(
        `${how
          .map((x) => x.en)
          .join(" and ")
          .replace(/^./, (c) => c.toUpperCase())} to decide it${paste ? `: ${notes.en}` : ""}.`,
        `判定するには、${grant ? `${grant.ja}${paste ? "し、" : "してください"}` : ""}${paste ? `${paste.ja}てください（${notes.ja}）` : ""}。`,
      )
    : l("", "");
  const pasted = l(
    pastes.map((p) => `${p.what.en}, pasted in ${p.box.en} (${p.note.en})`).join("; "),
    pastes.map((p) => `${p.what.ja}（${p.note.ja}）。${p.box.ja}に貼り付けます`).join("。"),
  );
  const needed =
    read.length && pastes.length
      ? l(`${readNeeded.en}, and ${pasted.en}`, `${readNeeded.ja}。また、${pasted.ja}`)
      : read.length
        ? readNeeded
        : pastes.length
          ? pasted
          : null;
  const text =
    reasons.length === 0
      ? l("a value that is not known", "不明な値")
      : l(reasons.map((r) => r.why.en).join("; "), reasons.map((r) => r.why.ja).join("、"));
  return {
    text,
    read,
    readable: reasons.length > 0 && reasons.every((r) => r.read !== null || r.paste !== undefined),
    settle,
    needed,
  };
}
