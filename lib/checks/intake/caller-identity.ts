import { missingData } from "../helpers";
import { defineCheck, l } from "../types";

export const callerIdentity = defineCheck({
  id: "caller.identity",
  step: "intake",
  title: l("The diagnosing credentials belong to the right account", "診断用の認証情報が正しいアカウントのものである"),
  run({ snapshot, derived }) {
    const caller = snapshot.caller;
    if (!caller) {
      return missingData(snapshot, "caller", "sts:GetCallerIdentity", l("The identity of the diagnosing credentials", "診断用の認証情報の ID"));
    }
    const owners = [derived.principal?.kind === "role" ? derived.principal.accountId : null, derived.bucketAccount].filter(
      (x): x is string => !!x,
    );
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
      detail: l(`The diagnosing credentials are ${caller.arn} (account ${caller.accountId}).`, `診断用の認証情報は ${caller.arn}（アカウント ${caller.accountId}）です。`),
    };
  },
});
