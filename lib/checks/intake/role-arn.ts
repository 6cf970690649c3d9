import { skipped } from "../helpers";
import { defineCheck, l } from "../types";

const ROLE = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/[\w+=,.@/-]+$/;

export const inputRoleArn = defineCheck({
  id: "input.role-arn",
  step: "intake",
  title: l("The role ARN is well formed", "ロール ARN の形式が正しい"),
  run({ snapshot }) {
    if (snapshot.target.mode !== "role")
      return skipped("Access-key mode: no role ARN.", "アクセスキー方式のため、ロール ARN はありません。");
    const arn = (snapshot.target.roleArn ?? "").trim();
    if (!arn) {
      return {
        status: "fail",
        title: l("No role ARN was given", "ロール ARN が入力されていません"),
        detail: l(
          "Role mode needs the role ARN entered in TiDB Cloud (arn:aws:iam::<account>:role/<name>).",
          "ロール方式では TiDB Cloud に入力したロール ARN（arn:aws:iam::<アカウント>:role/<名前>）が必要です。",
        ),
      };
    }
    if (ROLE.test(arn)) return { status: "pass", detail: l(`${arn} is a role ARN.`, `${arn} はロール ARN です。`) };
    const m = /^arn:([\w-]+):(iam|sts)::(\d{12}):(user|instance-profile|assumed-role|root|group|policy)\b\/?(.*)$/.exec(
      arn,
    );
    if (m) {
      const name = m[4] === "assumed-role" ? m[5].split("/")[0] : m[5].split("/").pop();
      const suggestion = `arn:${m[1]}:iam::${m[3]}:role/${name ?? "<role-name>"}`;
      return {
        status: "fail",
        title: l(
          `A ${m[4]} ARN was given instead of a role ARN`,
          `ロール ARN ではなく ${m[4]} の ARN が入力されています`,
        ),
        detail: l(
          `${arn} is not an IAM role ARN. TiDB Cloud needs the role's ARN, of the form ${suggestion}.`,
          `${arn} は IAM ロールの ARN ではありません。TiDB Cloud には ${suggestion} の形式のロール ARN を入力してください。`,
        ),
        evidence: { suggestion },
      };
    }
    return {
      status: "fail",
      title: l("The role ARN is malformed", "ロール ARN の形式が正しくありません"),
      detail: l(
        `${arn} is not of the form arn:aws:iam::<12-digit account>:role/<name> (partition aws, aws-cn or aws-us-gov).`,
        `${arn} は arn:aws:iam::<12 桁のアカウント ID>:role/<名前> の形式ではありません（パーティションは aws、aws-cn、aws-us-gov）。`,
      ),
    };
  },
});
