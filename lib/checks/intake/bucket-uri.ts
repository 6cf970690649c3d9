import { defineCheck, l } from "../types";

export const inputBucketUri = defineCheck({
  id: "input.bucket-uri",
  step: "intake",
  title: l("The bucket URI is valid", "バケット URI が正しい"),
  run({ derived }) {
    const r = derived.uriResult;
    if (r.ok) {
      const v = r.value;
      if (v.rewrittenFrom) {
        return {
          status: "warn",
          title: l("Use the s3:// form of the bucket URI", "バケット URI は s3:// 形式で指定してください"),
          detail: l(
            `"${v.rewrittenFrom}" is not an S3 URI; TiDB Cloud expects ${v.uri}. The analysis uses ${v.uri}.`,
            `「${v.rewrittenFrom}」は S3 URI ではありません。TiDB Cloud には ${v.uri} を入力してください。分析は ${v.uri} で行います。`,
          ),
          evidence: { uri: v.uri },
        };
      }
      const what =
        v.kind === "folder"
          ? l(`the folder ${v.folder} of bucket ${v.bucket}`, `バケット ${v.bucket} のフォルダー ${v.folder}`)
          : v.kind === "file"
            ? l(`the single file ${v.key} of bucket ${v.bucket}`, `バケット ${v.bucket} の単一ファイル ${v.key}`)
            : l(
                `the files matching ${v.key} in bucket ${v.bucket}`,
                `バケット ${v.bucket} の ${v.key} に一致するファイル`,
              );
      return {
        status: "pass",
        detail: l(`${v.uri} names ${what.en}.`, `${v.uri} は${what.ja}を指します。`),
        evidence: { uri: v.uri },
      };
    }
    return {
      status: "fail",
      title: l("The bucket URI is not valid", "バケット URI が正しくありません"),
      detail: l(
        `${r.message}. Use the form s3://bucket/folder/ (a folder with a trailing /), s3://bucket/folder/file.csv or s3://bucket/folder/*.csv.`,
        `${r.message}。s3://bucket/folder/（末尾に / を付けたフォルダー）、s3://bucket/folder/file.csv、または s3://bucket/folder/*.csv の形式で指定してください。`,
      ),
      evidence: { problem: r.problem },
    };
  },
});
