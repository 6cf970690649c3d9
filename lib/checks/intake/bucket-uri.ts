import type { BucketUriResult } from "@/lib/snapshot/bucket-uri";
import { beforeJa } from "../derive/ask";
import { defineCheck, l } from "../types";

/** The bucket-name rules of lib/snapshot/bucket-uri.ts, in Japanese. */
const NAME_RULES_JA: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must be 3 to 63 characters long \(it has (\d+)\)$/, (m) => `3〜63 文字である必要があります（${m[1]} 文字です）`],
  [/^must not contain uppercase letters$/, () => "大文字を含めることはできません"],
  [/^must not contain underscores$/, () => "アンダースコアを含めることはできません"],
  [
    /^may contain only lowercase letters/,
    () => "小文字、数字、ドット、ハイフンのみを使用でき、先頭と末尾は英小文字か数字である必要があります",
  ],
  [/^must not contain two adjacent dots$/, () => "ドットを 2 つ続けることはできません"],
  [/^must not be formatted as an IP address$/, () => "IP アドレスの形式にすることはできません"],
];

/** Why the URI is not valid, in Japanese (the parser says it in English). */
function problemJa(r: Extract<BucketUriResult, { ok: false }>): string {
  switch (r.problem) {
    case "empty":
      return "バケット URI が入力されていません";
    case "no-folder":
      return "URI にはデータソースのフォルダーを含める必要があります（s3://bucket/folder/）";
    case "bucket-name": {
      const rule = /^bucket name "[^"]*" (.*)$/.exec(r.message)?.[1] ?? "";
      const hit = NAME_RULES_JA.map(([re, ja]) => [re.exec(rule), ja] as const).find(([m]) => m);
      return `バケット名「${r.value?.bucket ?? ""}」は${hit ? hit[1](hit[0]!) : "S3 のバケット名の規則に合っていません"}`;
    }
    case "scheme": {
      const scheme = /\(not ([^)]+)\)/.exec(r.message)?.[1];
      return scheme
        ? `URI は s3:// で始める必要があります（${scheme} ではありません）`
        : "URI は s3://bucket/folder/ の形式である必要があります";
    }
  }
}

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
        detail: l(`${v.uri} names ${what.en}.`, `${v.uri} は${beforeJa(what.ja)}を指します。`),
        evidence: { uri: v.uri },
      };
    }
    return {
      status: "fail",
      title: l("The bucket URI is not valid", "バケット URI が正しくありません"),
      detail: l(
        `${r.message}. Use the form s3://bucket/folder/ (a folder with a trailing /), s3://bucket/folder/file.csv or s3://bucket/folder/*.csv.`,
        `${problemJa(r)}。s3://bucket/folder/（末尾に / を付けたフォルダー）、s3://bucket/folder/file.csv、または s3://bucket/folder/*.csv の形式で指定してください。`,
      ),
      evidence: { problem: r.problem },
    };
  },
});
