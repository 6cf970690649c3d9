import { missingData } from "../helpers";
import { defineCheck, l } from "../types";

export const bucketRequesterPays = defineCheck({
  id: "bucket.requester-pays",
  step: "bucket-policy",
  title: l("Requester Pays does not block the import", "リクエスタ支払いがインポートを妨げていない"),
  run({ snapshot, derived }) {
    const b = snapshot.bucket;
    if (!b) return missingData(snapshot, "bucket", "s3:ListBucket (HeadBucket)", l("The bucket", "バケット"));
    if (!b.exists) return { status: "skipped", detail: l("The bucket does not exist.", "バケットが存在しません。") };
    if (b.requesterPays === undefined || b.requesterPays === null) {
      return missingData(
        snapshot,
        "bucket.requesterPays",
        "s3:GetBucketRequestPayment",
        l("The Requester Pays setting", "リクエスタ支払いの設定"),
      );
    }
    if (!b.requesterPays)
      return { status: "pass", detail: l("Requester Pays is off.", "リクエスタ支払いは無効です。") };
    const p = derived.principal;
    if (p && derived.bucketAccount && p.accountId === derived.bucketAccount) {
      return {
        status: "pass",
        detail: l(
          "Requester Pays is on, but the principal is in the bucket's account, which pays.",
          "リクエスタ支払いは有効ですが、プリンシパルはバケットと同じアカウントにあり、支払いはバケット所有者が行います。",
        ),
      };
    }
    return {
      status: "fail",
      title: l(
        "Requester Pays blocks a principal of another account",
        "リクエスタ支払いが別アカウントのプリンシパルを拒否しています",
      ),
      detail: l(
        "The bucket has Requester Pays on and the principal is in another account; TiDB Cloud does not send x-amz-request-payer, so S3 answers 403. Turn Requester Pays off or use a principal of the bucket's account.",
        "バケットのリクエスタ支払いが有効で、プリンシパルは別のアカウントにあります。TiDB Cloud は x-amz-request-payer を送らないため、S3 は 403 を返します。リクエスタ支払いを無効にするか、バケットと同じアカウントのプリンシパルを使用してください。",
      ),
      fix: {
        document: "requester-pays",
        before: { Payer: "Requester" },
        after: { Payer: "BucketOwner" },
        cli: `aws s3api put-bucket-request-payment --bucket ${b.name ?? derived.target?.bucket ?? "<bucket>"} --request-payment-configuration Payer=BucketOwner`,
      },
      fixText: {
        console: {
          en: [
            "Open the bucket in the Amazon S3 console",
            "Properties > Requester pays > Edit",
            "Disable, then Save changes",
          ],
          ja: [
            "Amazon S3 コンソールでバケットを開きます",
            "「プロパティ」>「リクエスタ支払い」>「編集」",
            "「無効にする」を選択して「変更の保存」をクリックします",
          ],
        },
      },
    };
  },
});
