import { missingData, pastedByHand } from "../helpers";
import { localizeReason } from "../reasons";
import { defineCheck, l } from "../types";

export const callerIdentity = defineCheck({
  id: "caller.identity",
  step: "intake",
  title: l("The diagnosing credentials belong to the right account", "診断用の認証情報が正しいアカウントのものである"),
  run({ snapshot, derived }) {
    const caller = snapshot.caller;
    if (!caller) {
      const reason = snapshot.unavailable?.caller ?? "";
      if (/ExpiredToken|RequestExpired|TokenRefreshRequired/i.test(reason)) {
        return {
          status: "unknown",
          title: l("The diagnosing credentials have expired", "診断用の認証情報の有効期限が切れています"),
          detail: l(
            `AWS rejected the diagnosing credentials as expired (${reason}). Create new temporary credentials (for example with aws sts get-session-token or your SSO portal) and run the diagnosis again.`,
            `AWS は診断用の認証情報を期限切れとして拒否しました（${localizeReason(reason).ja}）。新しい一時的な認証情報を作成し（aws sts get-session-token や SSO ポータルなど）、もう一度診断してください。`,
          ),
          unavailable: l(
            `${reason}; needs valid credentials for sts:GetCallerIdentity`,
            `${localizeReason(reason).ja}。sts:GetCallerIdentity を呼び出せる有効な認証情報が必要です`,
          ),
        };
      }
      if (/InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClient|InvalidAccessKeyId/i.test(reason)) {
        return {
          status: "unknown",
          title: l("AWS does not accept the diagnosing credentials", "AWS が診断用の認証情報を受け付けません"),
          detail: l(
            `AWS rejected the diagnosing credentials (${reason}): the access key ID, the secret access key or the session token is wrong or was pasted incompletely. Paste them again.`,
            `AWS は診断用の認証情報を拒否しました（${localizeReason(reason).ja}）。アクセスキー ID、シークレットアクセスキー、セッショントークンのいずれかが誤っているか、一部しか貼り付けられていません。もう一度貼り付けてください。`,
          ),
          unavailable: l(
            `${reason}; needs valid credentials for sts:GetCallerIdentity`,
            `${localizeReason(reason).ja}。sts:GetCallerIdentity を呼び出せる有効な認証情報が必要です`,
          ),
        };
      }
      if (pastedByHand(snapshot)) {
        // No diagnosing credentials were used.
        return {
          status: "skipped",
          detail: l(
            "No diagnosing credentials were used: the documents were pasted (offline analysis).",
            "診断用の認証情報は使用していません。ドキュメントは貼り付けられたものです（オフライン分析）。",
          ),
        };
      }
      return missingData(
        snapshot,
        "caller",
        "sts:GetCallerIdentity",
        l("The identity of the diagnosing credentials", "診断用の認証情報のプリンシパル"),
      );
    }
    const owners = [
      derived.principal?.kind === "role" ? derived.principal.accountId : null,
      derived.bucketAccount,
    ].filter((x): x is string => !!x);
    const other = owners.find((a) => a !== caller.accountId);
    if (other) {
      return {
        status: "warn",
        title: l("The diagnosing credentials are from another account", "診断用の認証情報が別のアカウントのものです"),
        detail: l(
          `The credentials are ${caller.arn} (account ${caller.accountId}), but the role or bucket is in account ${other}: some documents may not be readable. Use credentials of account ${other}.`,
          `認証情報は ${caller.arn}（アカウント ${caller.accountId}）ですが、ロールまたはバケットはアカウント ${other} にあります。一部のドキュメントを読めない可能性があります。アカウント ${other} の認証情報を使用してください。`,
        ),
      };
    }
    return {
      status: "pass",
      detail: l(
        `The diagnosing credentials are ${caller.arn} (account ${caller.accountId}).`,
        `診断用の認証情報は ${caller.arn}（アカウント ${caller.accountId}）です。`,
      ),
    };
  },
});
