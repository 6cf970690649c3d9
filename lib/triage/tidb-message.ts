/**
 * TiDB Cloud's own import messages, in English and Japanese, as its troubleshooting guide quotes them
 * (pingcap/docs tidb-cloud/troubleshoot-import-access-denied-error.md and its Japanese translations):
 * - role: "Cannot assume the provided role {role_arn}. Check the trust relationships settings on the role. …";
 *   the console also says "Unable to assume the provided role …". Japanese: 「指定されたロール`{role_arn}`を
 *   引き受けることができません。ロールの信頼関係の設定を確認してください。…」, 「提供されたロールを仮定できません
 *   `{role_arn}`。」 (and the heading 「指定された役割を引き受けることができません」);
 * - access key: "Access denied to the source '{bucket_uri}' using the access key ID '{access_key_id}' and the secret
 *   access key '{secret_access_key}'". Japanese: 「アクセスキーID '{access_key_id}'およびシークレットアクセスキー
 *   '{secret_access_key}'を使用してソース'{bucket_uri}'に対するアクセスが拒否されました」, 「アクセスキーID'…'と
 *   シークレットアクセスキー'…'を使用したソース'…'へのアクセスが拒否されました。」.
 * The secret access key the access-key message echoes is never extracted.
 */
import { redactNamedSecrets } from "@/lib/security/secrets";

const ROLE_ARN = /arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]*[\w+=,@/-]/;
const ASSUME_EN =
  /(?:cannot|can't|can not|could not|couldn't|unable to|impossible to|failed to) assume the (?:provided|specified|given) role/i;
// ロール/役割 … を 引き受け/仮定/想定 … できません (or 引き受けられません).
const ASSUME_JA =
  /(?:ロール|役割)[\s\S]{0,400}?[をが]\s*(?:引き受け|仮定|想定|引き継|継承|assume)(?:る|られる)?(?:こと)?[がは]?\s*(?:でき|られ)(?:ませ|ない|なかっ)/i;

const QUOTE_OPEN = "['‘’\"“「『`]";
const QUOTE_CLOSE = "['‘’\"”」』`]";
const SOURCE_EN = new RegExp(`Access denied to the source ${QUOTE_OPEN}([^'’"”」』\`]+)${QUOTE_CLOSE}`, "i");
const KEY_EN = new RegExp(`using the access key ID ${QUOTE_OPEN}([^'’"”」』\`]+)${QUOTE_CLOSE}`, "i");
const SOURCE_JA = new RegExp(`ソース\\s*${QUOTE_OPEN}?\\s*((?:s3|gs|azure|oss)://[^'’"”」』\`\\s]+)`);
const KEY_JA = new RegExp(`アクセス\\s*キー\\s*ID\\s*${QUOTE_OPEN}?\\s*([A-Z0-9]{16,128})`);
const DENIED_JA = /アクセスが拒否|アクセス拒否|拒否されました/;

export interface TidbRoleMessage {
  kind: "tidb-assume-role";
  language: "en" | "ja";
  roleArn?: string;
}
export interface TidbAccessKeyMessage {
  kind: "tidb-access-key";
  language: "en" | "ja";
  bucketUri?: string;
  accessKeyId?: string;
}

export function parseTidbMessage(t: string): TidbRoleMessage | TidbAccessKeyMessage | null {
  const en = ASSUME_EN.test(t);
  if (en || ASSUME_JA.test(t)) {
    const arn = ROLE_ARN.exec(t)?.[0];
    return { kind: "tidb-assume-role", language: en ? "en" : "ja", ...(arn ? { roleArn: arn } : {}) };
  }
  const source = SOURCE_EN.exec(t);
  if (source) {
    const key = KEY_EN.exec(t)?.[1];
    return {
      kind: "tidb-access-key",
      language: "en",
      bucketUri: source[1],
      ...(key ? { accessKeyId: key } : {}),
    };
  }
  const sourceJa = SOURCE_JA.exec(t);
  const keyJa = KEY_JA.exec(t);
  if ((sourceJa || keyJa) && DENIED_JA.test(t)) {
    return {
      kind: "tidb-access-key",
      language: "ja",
      ...(sourceJa ? { bucketUri: sourceJa[1] } : {}),
      ...(keyJa ? { accessKeyId: keyJa[1] } : {}),
    };
  }
  return null;
}

/** Removes the secret access key TiDB Cloud echoes in its access-key message, in English or Japanese. */
export function redactTidbSecret(text: string): string {
  return redactNamedSecrets(text);
}
