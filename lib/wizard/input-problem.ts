/**
 * A problem of a form field, found as it is typed: its code (the wizard translates it), whether it blocks a run, and
 * the value the user most likely meant ("did you mean"), with the clean-ups every field shares. Pure.
 *
 * A problem `blocks` a run when sending would be useless: "live" for what the live reader refuses (it would read
 * nothing, and the credentials are cleared after every request), "all" for a secret where an ID belongs (it must
 * not leave the browser). Other problems are shown and left to the intake checks, which explain them in the report.
 */
import type { PrincipalArnProblem } from "@/lib/policy/arn";

type ArnCode = `roleArn.${Exclude<PrincipalArnProblem, "empty" | "spaces">}`;
export const INPUT_PROBLEM_CODES = [
  "required",
  "spaces",
  "fullwidth",
  "quotes",
  "bucketUri.single-slash",
  "bucketUri.scheme",
  "bucketUri.url",
  "bucketUri.bucket-name",
  "bucketUri.no-folder",
  "bucketUri.folder-slash",
  "roleArn.not-role",
  "roleArn.console-url",
  ...(
    [
      "not-arn",
      "partition",
      "service",
      "region",
      "account",
      "resource-type",
      "path",
      "name-chars",
      "name-length",
      "session-name",
    ] as const satisfies readonly Exclude<PrincipalArnProblem, "empty" | "spaces">[]
  ).map((p) => `roleArn.${p}` as ArnCode),
  "externalId.shape",
  "externalId.tidb-length",
  "tidbAccountId.digits",
  "tidbAccountId.own-account",
  "accessKeyId.secret",
  "accessKeyId.shape",
  "accessKeyId.temporary",
  "region.unknown",
  "errorMessage.too-long",
  "credentials.key-is-secret",
  "credentials.key-shape",
  "credentials.secret-is-key-id",
  "credentials.secret-length",
  "credentials.secret-not-40",
  "credentials.token-required",
  "credentials.token-long-term",
  "credentials.token-length",
] as const;
type InputProblemCode = (typeof INPUT_PROBLEM_CODES)[number];

export interface InputProblem {
  code: InputProblemCode;
  /** "invalid" marks the field wrong; a "note" only says something worth knowing. */
  level: "invalid" | "note";
  blocks: "all" | "live" | "none";
  /** The value the user most likely meant: put in the field with one click. */
  suggestion?: string;
  /** The suggestion is a credential: the button never shows it. */
  hidden?: boolean;
  params?: Record<string, string | number>;
}

export const invalid = (
  code: InputProblemCode,
  blocks: InputProblem["blocks"],
  extra: Partial<InputProblem> = {},
): InputProblem => ({ code, level: "invalid", blocks, ...extra });
export const note = (code: InputProblemCode, extra: Partial<InputProblem> = {}): InputProblem => ({
  code,
  level: "note",
  blocks: "none",
  ...extra,
});

const QUOTED = /^(['"`‘’“”「『])(.*)(['"`‘’“”」』])$/s;

/**
 * The usual ways a pasted value goes wrong, undone one by one: surrounding quotes, full-width characters (a Japanese
 * input method), spaces inside. Returns the cleaned value and why, when it differs.
 */
export function cleaned(value: string): { value: string; code: "quotes" | "fullwidth" | "spaces" } | null {
  let v = value.trim();
  let code: "quotes" | "fullwidth" | "spaces" | null = null;
  const q = QUOTED.exec(v);
  if (q) {
    v = q[2].trim();
    code = "quotes";
  }
  const narrow = v.normalize("NFKC");
  if (narrow !== v) {
    v = narrow;
    code ??= "fullwidth";
  }
  const compact = v.replace(/\s+/g, "");
  if (compact !== v) {
    v = compact;
    code ??= "spaces";
  }
  return code ? { value: v, code } : null;
}

/** A problem with a cleaned value as suggestion, when cleaning makes the value acceptable. */
export function cleanupFix(
  value: string,
  ok: (v: string) => boolean,
  blocks: InputProblem["blocks"],
): InputProblem | null {
  const c = cleaned(value);
  return c && ok(c.value) ? invalid(c.code, blocks, { suggestion: c.value }) : null;
}

/** Whether a problem stops a run from `live` or offline input. */
export function blocksRun(p: InputProblem | undefined, live: boolean): boolean {
  return !!p && (p.blocks === "all" || (live && p.blocks === "live"));
}
