import "server-only";
import { isValidRegion } from "@/lib/policy/regions";
import { STS_EXTERNAL_ID } from "@/lib/checks/intake/shapes";
import { parsePrincipalArn } from "@/lib/policy/arn";
import { accessKeyIdKind } from "@/lib/security/secrets";
import { parseBucketUri, type ParsedBucketUri } from "@/lib/snapshot/bucket-uri";
import type { Target } from "@/lib/snapshot/schema";

/** What the user typed into the start form (or a link put there): untrusted. */
export interface ScriptInput {
  mode?: unknown;
  bucketUri?: unknown;
  roleArn?: unknown;
  externalId?: unknown;
  tidbAccountId?: unknown;
  accessKeyId?: unknown;
  region?: unknown;
}

/** The values the script is filled with, each of its strict shape. */
export interface ScriptValues {
  target: Target;
  uri: ParsedBucketUri;
  /** Role mode: the role's name (the last segment of its ARN) and account. */
  roleName: string;
  roleAccount: string;
}

export interface ScriptInputProblem {
  field: "mode" | "bucketUri" | "roleArn" | "externalId" | "tidbAccountId" | "accessKeyId" | "region";
  en: string;
  ja: string;
}

// Within what IAM allows (lib/policy/arn.ts), a role ARN put into the script also keeps to the characters of names:
// IAM allows any printable character in a path, the script needs none of the shell's.
const ROLE_ARN_CHARS = /^[\w+=,.@:/-]+$/;
/** A line break or another control character (never part of a value typed into the form). */
const CONTROL = { test: (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) };

const text = (v: unknown) => (typeof v === "string" ? v.trim() : v === undefined || v === null ? "" : null);

/**
 * Checks every value that goes into the collection script against its strict shape (the intake checks' own
 * patterns): the script runs in the user's own, often administrator, session, so nothing else may reach it.
 * Returns the values, or every problem with the field it concerns (English and Japanese).
 */
export function validateScriptInput(
  input: ScriptInput,
): { ok: true; values: ScriptValues } | { ok: false; problems: ScriptInputProblem[] } {
  const problems: ScriptInputProblem[] = [];
  const bad = (field: ScriptInputProblem["field"], en: string, ja: string) => problems.push({ field, en, ja });
  const mode = input.mode === "role" || input.mode === "access-key" ? input.mode : null;
  if (!mode)
    bad("mode", 'The mode must be "role" or "access-key".', "方式には role または access-key を指定してください。");

  const uriText = text(input.bucketUri);
  let uri: ParsedBucketUri | undefined;
  if (uriText === null || uriText === "")
    bad("bucketUri", "The bucket URI is required.", "バケット URI を入力してください。");
  else if (CONTROL.test(uriText) || uriText.length > 1024)
    bad(
      "bucketUri",
      "The bucket URI contains a line break or a control character.",
      "バケット URI に改行または制御文字が含まれています。",
    );
  else {
    const r = parseBucketUri(uriText);
    const usable = r.ok || (r.problem === "no-folder" && r.value) ? r.value : undefined;
    // (A console or https URL is rewritten, and decoded: check the result again.)
    if (r.value && CONTROL.test(r.value.uri))
      bad(
        "bucketUri",
        "The bucket URI contains a line break or a control character.",
        "バケット URI に改行または制御文字が含まれています。",
      );
    else if (usable) uri = usable;
    else if (!r.ok)
      bad(
        "bucketUri",
        `The bucket URI is not valid: ${r.message}.`,
        "バケット URI が正しくありません。s3://バケット名/フォルダー/ の形式で入力してください。",
      );
  }

  const region = text(input.region);
  if (region === null || (region !== "" && !isValidRegion(region)))
    bad(
      "region",
      "The region is not an AWS region (e.g. ap-northeast-1).",
      "リージョンが AWS のリージョンではありません（例: ap-northeast-1）。",
    );

  let roleArn = "";
  let roleName = "";
  let roleAccount = "";
  let externalId = "";
  let tidbAccountId = "";
  let accessKeyId = "";
  if (mode === "role") {
    roleArn = text(input.roleArn) ?? "\u0000";
    const role = parsePrincipalArn(roleArn);
    if (!role.ok || role.value.kind !== "role" || !ROLE_ARN_CHARS.test(roleArn))
      bad(
        "roleArn",
        "The role ARN must look like arn:aws:iam::111122223333:role/tidb-import.",
        "ロール ARN は arn:aws:iam::111122223333:role/tidb-import の形式です。",
      );
    else {
      roleAccount = role.value.account;
      roleName = role.value.name;
    }
    externalId = text(input.externalId) ?? "\u0000";
    if (externalId !== "" && !STS_EXTERNAL_ID.test(externalId))
      bad(
        "externalId",
        "The External ID may contain only letters, digits and _+=,.@:/- (2 to 1224 characters).",
        "外部ID に使えるのは英数字と _+=,.@:/- だけです（2〜1,224 文字）。",
      );
    tidbAccountId = text(input.tidbAccountId) ?? "\u0000";
    if (tidbAccountId !== "" && !/^\d{12}$/.test(tidbAccountId))
      bad("tidbAccountId", "The TiDB Cloud account ID is 12 digits.", "TiDB CloudアカウントID は 12 桁の数字です。");
  } else if (mode === "access-key") {
    accessKeyId = text(input.accessKeyId) ?? "\u0000";
    if (!accessKeyIdKind(accessKeyId))
      bad(
        "accessKeyId",
        "The access key ID is 20 characters starting with AKIA (never the secret).",
        "アクセスキー ID は AKIA で始まる 20 文字です（シークレットではありません）。",
      );
  }
  if (problems.length > 0 || !uri || !mode) return { ok: false, problems };
  const target: Target = {
    mode,
    bucketUri: uri.uri,
    roleArn: mode === "role" ? roleArn : null,
    externalId: mode === "role" && externalId ? externalId : null,
    tidbAccountId: mode === "role" && tidbAccountId ? tidbAccountId : null,
    accessKeyId: mode === "access-key" ? accessKeyId : null,
    region: region || null,
    errorMessage: null,
  };
  return { ok: true, values: { target, uri, roleName, roleAccount } };
}
