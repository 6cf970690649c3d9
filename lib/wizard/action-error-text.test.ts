import { describe, expect, it } from "vitest";
import { ACTION_ERROR_CODES, type ActionError } from "@/lib/actions/result";
import { latinSentences } from "@/tests/support/japanese-text";
import { actionErrorDetail, fieldErrorText } from "./action-error-text";
import { failureValidation } from "./prepare-job";

// What the server actions and the live route answer, word for word (lib/actions/*, lib/aws/errors.ts).
const SAMPLES: Record<(typeof ACTION_ERROR_CODES)[number], string> = {
  "input.invalid": "snapshot.role.arn: Invalid input: expected string, received number",
  "aws.invalid-credentials": "InvalidClientTokenId on sts:GetCallerIdentity",
  "aws.expired-token": "ExpiredToken on sts:GetCallerIdentity",
  "aws.access-denied": "AccessDenied on iam:GetRole",
  "aws.throttled": "Throttling on s3:GetBucketPolicy (still throttled after retries)",
  "aws.network": "Connection error on s3:ListObjectsV2",
  "aws.timeout": "Timeout on kms:GetKeyPolicy (no answer in time)",
  "rate.limited": "Too many live diagnoses; try again in 60 s.",
  internal: "The analysis failed unexpectedly. Nothing was stored; try again.",
};

describe("a failed request's detail on the page", () => {
  it.each(ACTION_ERROR_CODES)("%s: the Japanese page shows no English sentence from the server", (code) => {
    const error: ActionError = { code, message: SAMPLES[code] };
    const ja = actionErrorDetail(error, "ja");
    expect(ja === null ? [] : latinSentences(ja)).toEqual([]);
  });

  it("the Japanese page still says which AWS call failed and how, in Japanese", () => {
    expect(actionErrorDetail({ code: "aws.expired-token", message: SAMPLES["aws.expired-token"] }, "ja")).toBe(
      "sts:GetCallerIdentity で ExpiredToken",
    );
  });

  it("the English page shows the server's message as it is, except the rate limit's (said by the advice)", () => {
    for (const code of ACTION_ERROR_CODES) {
      const shown = actionErrorDetail({ code, message: SAMPLES[code] }, "en");
      expect(shown).toBe(code === "rate.limited" ? null : SAMPLES[code]);
    }
  });

  it("a start field the server refused: its message in English, the Japanese title on a Japanese page", () => {
    const error: ActionError = { code: "input.invalid", message: "must be an AWS region", field: "target.region" };
    expect(fieldErrorText(error, "en", "入力に誤りがあります")).toBe("must be an AWS region");
    const t = (k: string) => (k === "actionErrors.input.invalid.title" ? "入力に誤りがあります" : k);
    expect(failureValidation(error, {}, t, "ja")).toEqual({ fieldErrors: { region: "入力に誤りがあります" } });
    expect(failureValidation(error, {}, t)).toEqual({ fieldErrors: { region: "must be an AWS region" } });
  });
});
