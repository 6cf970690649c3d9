import { parsePrincipalArn, PARTITIONS, roleArnFor, type PrincipalArnProblem } from "@/lib/policy/arn";
import { skipped } from "../helpers";
import { defineCheck, l, type Localized } from "../types";

/** Why a role ARN is malformed, in the words of IAM's rules. */
const WHY: Record<Exclude<PrincipalArnProblem, "empty">, Localized> = {
  spaces: l("it contains spaces", "空白が含まれています"),
  "not-arn": l("it is not an ARN (arn:…)", "ARN（arn:…）ではありません"),
  partition: l(
    `the partition must be one of ${PARTITIONS.join(", ")}`,
    `パーティションは ${PARTITIONS.join("、")} のいずれかです`,
  ),
  service: l("a role ARN is an iam ARN (arn:aws:iam::…)", "ロール ARN は iam の ARN（arn:aws:iam::…）です"),
  region: l("an IAM ARN has no region", "IAM の ARN にリージョンは含まれません"),
  account: l("the account ID must have 12 digits", "アカウント ID は 12 桁の数字です"),
  "resource-type": l("it names no IAM role", "IAM ロールを指していません"),
  path: l(
    "the path must begin and end with / (at most 512 characters)",
    "パスは / で始まり / で終わります（512 文字以内）",
  ),
  "name-chars": l(
    "a role name has letters, digits and + = , . @ _ - only",
    "ロール名に使える文字は英数字と + = , . @ _ - です",
  ),
  "name-length": l("a role name has at most 64 characters", "ロール名は 64 文字以内です"),
  "session-name": l("it names a role session, not a role", "ロールではなくロールセッションを指しています"),
};

/** An ARN's kind in Japanese, as the start form names it (wizard.errors.roleArn.not-role). */
const KIND_JA: Record<string, string> = {
  role: "ロール",
  user: "IAM ユーザー",
  "instance-profile": "インスタンスプロファイル",
  group: "IAM グループ",
  policy: "ポリシー",
  "assumed-role": "ロールセッション",
  root: "アカウントのルートユーザー",
};

export const inputRoleArn = defineCheck({
  id: "input.role-arn",
  step: "intake",
  title: l("The role ARN is well formed", "ロール ARN の形式が正しい"),
  run({ snapshot }) {
    if (snapshot.target.mode !== "role")
      return skipped("Access-key mode: no role ARN.", "アクセスキー方式のため、ロール ARN はありません。");
    const arn = (snapshot.target.roleArn ?? "").trim();
    const parsed = parsePrincipalArn(arn);
    if (!parsed.ok && parsed.problem === "empty") {
      return {
        status: "fail",
        title: l("No role ARN was given", "ロール ARN が入力されていません"),
        detail: l(
          "Role mode needs the role ARN entered in TiDB Cloud (arn:aws:iam::<account>:role/<name>).",
          "ロール方式では TiDB Cloud に入力したロール ARN（arn:aws:iam::<アカウント>:role/<名前>）が必要です。",
        ),
      };
    }
    if (parsed.ok && parsed.value.kind === "role")
      return { status: "pass", detail: l(`${arn} is a role ARN.`, `${arn} はロール ARN です。`) };
    if (parsed.ok) {
      const kind = parsed.value.kind;
      const suggestion =
        roleArnFor(parsed.value) ?? `arn:${parsed.value.partition}:iam::${parsed.value.account}:role/<role-name>`;
      return {
        status: "fail",
        title: l(
          `A ${kind} ARN was given instead of a role ARN`,
          `ロール ARN ではなく${/^[A-Z]/.test(KIND_JA[kind]) ? " " : ""}${KIND_JA[kind]}の ARN が入力されています`,
        ),
        detail: l(
          `${arn} is not an IAM role ARN. TiDB Cloud needs the role's ARN, of the form ${suggestion}.`,
          `${arn} は IAM ロールの ARN ではありません。TiDB Cloud には ${suggestion} の形式のロール ARN を入力してください。`,
        ),
        evidence: { suggestion },
      };
    }
    const why = parsed.problem === "empty" ? WHY["not-arn"] : WHY[parsed.problem];
    return {
      status: "fail",
      title: l("The role ARN is malformed", "ロール ARN の形式が正しくありません"),
      detail: l(
        `${arn} is not of the form arn:aws:iam::<12-digit account>:role/<name>: ${why.en}.`,
        `${arn} は arn:aws:iam::<12 桁のアカウント ID>:role/<名前> の形式ではありません（${why.ja}）。`,
      ),
      evidence: { problem: parsed.problem },
    };
  },
});
