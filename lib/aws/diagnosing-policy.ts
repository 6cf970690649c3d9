import "server-only";
import { OPERATIONS } from "@/lib/reads/operations";

export interface IamPolicyDocument {
  Version: "2012-10-17";
  Statement: { Sid: string; Effect: "Allow"; Action: string[]; Resource: "*" }[];
}

/**
 * The minimal read-only IAM policy the diagnosing credentials need: exactly the actions of the collector's own
 * operation table (lib/reads/operations.ts). Nothing here writes, and no object data is read (HeadObject only).
 */
function diagnosingPolicy(): IamPolicyDocument {
  const actions = [...new Set(Object.values(OPERATIONS).flatMap((o) => (o.action ? [o.action] : [])))].sort();
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "S3AccessDoctorReadOnly", Effect: "Allow", Action: actions, Resource: "*" }],
  };
}

export const READ_ONLY_POLICY: IamPolicyDocument = diagnosingPolicy();

export interface CredentialsHowTo {
  intro: string;
  ways: { title: string; command: string; note: string }[];
}

/** Ways to get temporary credentials for the diagnosis, in English and Japanese (shown in the app and README). */
export const HOW_TO_GET_CREDENTIALS: { en: CredentialsHowTo; ja: CredentialsHowTo } = {
  en: {
    intro:
      "Use temporary credentials of a principal that has the read-only policy above. They are used for one request and then dropped; they are never stored or logged.",
    ways: [
      {
        title: "AWS CLI, from an IAM user's long-term keys",
        command: "aws sts get-session-token --duration-seconds 3600",
        note: "Copy AccessKeyId, SecretAccessKey and SessionToken from the output.",
      },
      {
        title: "AWS CLI, from any configured profile (SSO, role, keys)",
        command: "aws configure export-credentials --profile <profile> --format env",
        note: "Prints AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.",
      },
      {
        title: "AWS CloudShell (in the console, no installation)",
        command: "aws configure export-credentials --format env",
        note: "Run it in CloudShell of the account that owns the bucket; the session's credentials last about an hour.",
      },
    ],
  },
  ja: {
    intro:
      "上記の読み取り専用ポリシーを持つプリンシパルの一時的な認証情報を使ってください。認証情報は 1 回のリクエストにだけ使われて破棄され、保存もログ出力もされません。",
    ways: [
      {
        title: "AWS CLI（IAM ユーザーの長期キーから）",
        command: "aws sts get-session-token --duration-seconds 3600",
        note: "出力の AccessKeyId、SecretAccessKey、SessionToken をコピーします。",
      },
      {
        title: "AWS CLI（設定済みの任意のプロファイル: SSO、ロール、キー）",
        command: "aws configure export-credentials --profile <profile> --format env",
        note: "AWS_ACCESS_KEY_ID、AWS_SECRET_ACCESS_KEY、AWS_SESSION_TOKEN が表示されます。",
      },
      {
        title: "AWS CloudShell（コンソール内、インストール不要）",
        command: "aws configure export-credentials --format env",
        note: "バケットを所有するアカウントの CloudShell で実行します。セッションの認証情報の有効期間は約 1 時間です。",
      },
    ],
  },
};
