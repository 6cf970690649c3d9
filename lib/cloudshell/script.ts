import "server-only";
/**
 * The collection script for AWS CloudShell: bash and the AWS CLI only, read-only calls, generated from the same read
 * table as the live collector (lib/reads/table.ts: one section per row, ./sections.ts) and filled in with the user's
 * values, each checked against its strict shape (./inputs.ts) and single-quoted. It writes one JSON bundle
 * (./bundle.ts) that the wizard and `analyze --snapshot` take as is. Nothing leaves the account but that file,
 * which the user downloads and hands over.
 */
import { READ_IDS, READS } from "@/lib/reads/table";
import { listPrefix } from "@/lib/snapshot/bucket-uri";
import { validateScriptInput, type ScriptInput, type ScriptInputProblem, type ScriptValues } from "./inputs";
import { commandTable, RUNTIME } from "./runtime";
import { SECTIONS } from "./sections";
import { sh, shellQuote } from "./sh";

const SCRIPT_FILE_NAME = "s3-access-doctor-collect.sh";
/** How many objects the script HEADs (as the live collector does). */
const HEAD_SAMPLE = 10;

const TEXT = {
  en: {
    title: "S3 Access Doctor: read-only collection script for AWS CloudShell",
    what: [
      "It reads the settings that decide TiDB Cloud's import from Amazon S3 (IAM role or user and their policies,",
      "bucket settings, a sample of the objects, KMS keys) with read-only AWS CLI calls, and writes them to one",
      "JSON file. It changes nothing, and it sends nothing anywhere: you download the file and give it to",
      "S3 Access Doctor yourself.",
      "Run it in AWS CloudShell of the account that owns the bucket:  bash s3-access-doctor-collect.sh",
    ],
    start: "Reading (read-only AWS CLI calls):",
    noCli: "The AWS CLI (aws) was not found. Run this script in AWS CloudShell.",
    done: "Done: %d reads, %d of them refused or failed (recorded in the file as well).",
    wrote: "Written to: %s",
    next: "Download it (CloudShell: Actions > Download file), then paste or upload it in S3 Access Doctor.",
  },
  ja: {
    title: "S3 Access Doctor: AWS CloudShell 用の読み取り専用の収集スクリプト",
    what: [
      "TiDB Cloud の Amazon S3 からのインポートを左右する設定（IAM ロールまたはユーザーとそのポリシー、バケットの設定、",
      "オブジェクトの一部、KMS キー）を読み取り専用の AWS CLI コマンドで読み取り、1 つの JSON ファイルに書き出します。",
      "何も変更せず、どこにも送信しません。ファイルをダウンロードして、ご自身で S3 Access Doctor に渡してください。",
      "バケットを所有するアカウントの AWS CloudShell で実行します:  bash s3-access-doctor-collect.sh",
    ],
    start: "読み取り中（読み取り専用の AWS CLI コマンド）:",
    noCli: "AWS CLI（aws）が見つかりません。このスクリプトは AWS CloudShell で実行してください。",
    done: "完了: %d 件の読み取りのうち %d 件は拒否または失敗しました（その結果もファイルに記録されています）。",
    wrote: "書き出したファイル: %s",
    next: "ファイルをダウンロードし（CloudShell: アクション > ファイルのダウンロード）、S3 Access Doctor に貼り付けるかアップロードしてください。",
  },
};

/** Escapes an object key pattern's literal characters for a POSIX extended regular expression. */
function patternToEre(pattern: string): string {
  return (
    "^" +
    [...pattern]
      .map((c) => (c === "*" ? "[^/]*" : c === "?" ? "[^/]" : /[.[\]()+{}|^$\\]/.test(c) ? `\\${c}` : c))
      .join("") +
    "$"
  );
}

/** The bash assignments of the user's values: the only place a value enters the script, each single-quoted. */
function valuesBlock(v: ScriptValues): string {
  const { target, uri } = v;
  const values: [string, string][] = [
    ["MODE", target.mode],
    ["BUCKET", uri.bucket],
    ["FOLDER", uri.folder],
    ["PREFIX", listPrefix(uri)],
    ["FILE_KEY", uri.kind === "file" ? (uri.key ?? "") : ""],
    ["KEY_PATTERN", uri.kind === "pattern" ? patternToEre(uri.key ?? "") : ""],
    ["ROLE_ARN", target.roleArn ?? ""],
    ["ROLE_NAME", v.roleName],
    ["ROLE_ACCOUNT", v.roleAccount],
    ["ACCESS_KEY_ID", target.accessKeyId ?? ""],
    ["TARGET_REGION", target.region ?? ""],
    ["TARGET_JSON", JSON.stringify(target)],
  ];
  return values.map(([name, value]) => `${name}=${shellQuote(value)}`).join("\n");
}

/** Whether a listed key is part of the import (lib/snapshot/bucket-uri.ts keyInTarget, in bash). */
function inTarget(v: ScriptValues): string {
  if (v.uri.kind === "folder") return sh`in_target() { [[ $1 == "$FOLDER"* && $1 != "$FOLDER" ]]; }`;
  if (v.uri.kind === "file") return sh`in_target() { [[ $1 == "$FILE_KEY" ]]; }`;
  return sh`in_target() { [[ $1 =~ $KEY_PATTERN ]]; }`;
}

export type ScriptResult =
  { ok: true; script: string; fileName: string } | { ok: false; problems: ScriptInputProblem[] };

export function collectionScript(input: ScriptInput, locale: "en" | "ja" = "en"): ScriptResult {
  const checked = validateScriptInput(input);
  if (!checked.ok) return checked;
  const v = checked.values;
  const t = TEXT[locale];
  const sections = READ_IDS.filter((id) => {
    const mode = READS[id].mode;
    return !mode || mode === v.target.mode;
  }).map((id) => `# ---- ${id}: ${READS[id].what}\n${SECTIONS[id].trim()}`);
  const say = (s: string) => shellQuote(s);
  const script = [
    "#!/usr/bin/env bash",
    "# shellcheck disable=SC2034 # (some values are used by one mode only)",
    `# ${t.title}`,
    ...t.what.map((l) => `# ${l}`),
    "",
    "# ---- Values checked and filled in by S3 Access Doctor",
    valuesBlock(v),
    `HEAD_SAMPLE=${HEAD_SAMPLE}`,
    sh`OUT=$\{S3AD_BUNDLE:-s3-access-doctor-bundle.json}`,
    "",
    `if ! command -v aws >/dev/null 2>&1; then echo ${say(t.noCli)} >&2; exit 1; fi`,
    RUNTIME.trim(),
    "",
    commandTable(),
    inTarget(v),
    "",
    `echo ${say(t.start)} >&2`,
    ...sections,
    "",
    "# ---- The bundle",
    sh`CLI_VERSION=$(aws --version 2>&1 | head -n 1)
{
  printf '{"format":"s3-access-doctor/bundle","version":1,"createdAt":%s,"cli":%s,"complete":true,"target":%s,"calls":[\n' \
    "$(jstr "$(date -u +%Y-%m-%dT%H:%M:%SZ)")" "$(jstr "$CLI_VERSION")" "$TARGET_JSON"
  cat "$WORK/calls"
  printf '\n]}\n'
} >"$OUT"`,
    `printf ${say(t.done + "\n")} "$STEP" "$FAILED" >&2`,
    `printf ${say(t.wrote + "\n")} "$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")" >&2`,
    `echo ${say(t.next)} >&2`,
    "",
  ].join("\n");
  return { ok: true, script, fileName: SCRIPT_FILE_NAME };
}
