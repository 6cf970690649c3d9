/**
 * The reasons a snapshot records in `unavailable` (written by the collector, lib/aws/errors.ts `unavailableReason`,
 * and by the wizard's offline form), in the report's languages. A snapshot stores them once, in English; a Japanese
 * report quotes them in Japanese. A reason of another shape (an older snapshot, a hand-written one) is quoted as is.
 */
import { l, type Localized } from "./types";

/** Reasons the wizard's offline form records (lib/wizard/build-snapshot.ts), word for word. */
const FIXED: Record<string, string> = {
  "not provided: paste it in offline mode, or use live mode":
    "入力されていません。オフラインモードで貼り付けるか、ライブモードを使ってください",
  "not provided: object details are read in live mode only":
    "入力されていません。オブジェクトの詳細はライブモードでのみ読み取ります",
  "not provided: left out offline (“I don't know”)": "オフラインでは省略されました（「わからない」を選択）",
  "not provided: paste the output of aws s3api list-objects-v2 and head-object, or use the CloudShell script or live mode":
    "入力されていません。aws s3api list-objects-v2 と head-object の出力を貼り付けるか、CloudShell スクリプトまたはライブモードを使ってください",
  "not provided: paste the output of aws s3api head-object for a few objects":
    "入力されていません。いくつかのオブジェクトについて aws s3api head-object の出力を貼り付けてください",
  "not provided: paste the output of aws s3api get-bucket-request-payment, or use the CloudShell script or live mode":
    "入力されていません。aws s3api get-bucket-request-payment の出力を貼り付けるか、CloudShell スクリプトまたはライブモードを使ってください",
};

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Timeout on (\S+) \(no answer in time\)$/, (m) => `${m[1]} が時間内に応答しませんでした（タイムアウト）`],
  [/^Deadline reached before (\S+) answered$/, (m) => `${m[1]} の応答前に全体の制限時間に達しました`],
  [/^Connection error on (\S+)$/, (m) => `${m[1]} で接続エラーが発生しました`],
  [/^Malformed response to (\S+)$/, (m) => `${m[1]} の応答を解釈できませんでした`],
  [/^(\S+) on (\S+) \(still throttled after retries\)$/, (m) => `${m[2]} で ${m[1]}（再試行後もスロットリング）`],
  [
    /^(\S+(?: \d+)?) on (\S+) \(AWS server error after retries\)$/,
    (m) => `${m[2]} で ${m[1]}（再試行後も AWS のサーバーエラー）`,
  ],
  [/^Unreadable key policy from (\S+)$/, (m) => `${m[1]} で取得したキーポリシーを読み取れませんでした`],
  [/^(\S+(?: \d+)?) on (\S+)$/, (m) => `${m[2]} で ${m[1]}`],
];

/** One recorded reason in both languages. */
export function localizeReason(reason: string): Localized {
  if (FIXED[reason]) return l(reason, FIXED[reason]);
  for (const [re, ja] of PATTERNS) {
    const m = re.exec(reason);
    if (m) return l(reason, ja(m));
  }
  // Another shape (an older or hand-written snapshot): quoted as it was recorded.
  return l(reason, `「${reason}」`);
}

/** What would settle an `unknown`: the collector's reason (if any), then the IAM actions the credentials need. */
export function needs(actions: string, reason?: string): Localized {
  const r = reason ? localizeReason(reason) : null;
  return l(
    `${r ? `${r.en}; ` : ""}needs ${actions}`,
    `${r ? `${r.ja}。` : ""}${actions.split(", ").join("、")} の権限が必要です`,
  );
}
